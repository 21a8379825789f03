import React from 'react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { parse } from 'yaml';
import { installFakeBackend } from '../../../api/testing/fakeBackend';
import { createFakeAlerting, DEFAULT_TREE } from '../../../api/testing/fakeAlerting';
import { readFileText } from '../../../components/AppConfig/downloadText';
import { testIds } from '../../../components/testIds';
import { RegistryDocument } from '../../../domain/model';
import { baseRegistry, baseService, baseSlo } from '../../../domain/testing/builders';
import { editorUser } from '../../../storage/testing/users';
import { clickAndSettle, renderWithRegistry } from '../../testing/registryHarness';
import { EscalationModal } from './EscalationModal';

jest.setTimeout(20000);

const OTHER_ROUTE = {
  receiver: 'grafana-default-email',
  object_matchers: [['team', '=', 'dba']] as Array<[string, string, string]>,
};

function registry(): RegistryDocument {
  return baseRegistry({ slos: [baseSlo('ratio')] });
}

function renderModal(doc = registry(), user?: typeof editorUser) {
  const grafana = createFakeAlerting({ tree: { ...DEFAULT_TREE, routes: [OTHER_ROUTE] } });
  installFakeBackend([grafana.route]);
  const onDismiss = jest.fn();
  renderWithRegistry(<EscalationModal doc={doc} onDismiss={onDismiss} />, { doc, user });
  return { grafana, onDismiss };
}

describe('EscalationModal', () => {
  test('lists the receivers with their addresses and what each is for', async () => {
    renderModal();
    const receivers = await screen.findByTestId(testIds.escalation.receivers);
    expect(within(receivers).getByText('slo-page-checkout-oncall')).toBeInTheDocument();
    expect(within(receivers).getByText('Pages of on-call team checkout-oncall')).toBeInTheDocument();
    expect(within(receivers).getByText('Business owner ana: release freezes')).toBeInTheDocument();
    expect(within(receivers).getAllByText('bruno@example.com, ana@example.com')).toHaveLength(2);
    expect(screen.queryByTestId(testIds.escalation.findings)).not.toBeInTheDocument();
  });

  test('names the field to fill for a service without on-call team', async () => {
    const doc = registry();
    doc.services[0] = baseService({ onCall: undefined, dependsOn: ['payments'] });
    renderModal(doc);
    const findings = await screen.findByTestId(testIds.escalation.findings);
    expect(within(findings).getByText('services[0].onCall.team')).toBeInTheDocument();
    expect(findings).toHaveTextContent('service "checkout" has no on-call team');
  });

  test('downloads the Alertmanager configuration', async () => {
    const blobs: Blob[] = [];
    const names: string[] = [];
    const { createObjectURL, revokeObjectURL } = URL;
    URL.createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:alertmanager';
    });
    URL.revokeObjectURL = jest.fn();
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement
    ) {
      names.push(this.download);
    });
    renderModal();
    fireEvent.click(await screen.findByTestId(testIds.escalation.download));
    expect(names).toEqual(['alertmanager.yaml']);
    const config = parse(await readFileText(blobs[0]));
    expect(config.receivers.map((receiver: { name: string }) => receiver.name)).toEqual([
      'slo-default',
      'slo-page-checkout-oncall',
      'slo-ticket-checkout-oncall',
      'slo-owner-ana',
    ]);
    click.mockRestore();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
  });

  test('preview writes nothing; the push then writes the contact points and keeps the other policies', async () => {
    const { grafana } = renderModal();
    // @grafana/ui keeps a disabled button with a tooltip focusable: aria-disabled, clicks ignored
    expect(await screen.findByTestId(testIds.escalation.push)).toHaveAttribute('aria-disabled', 'true');
    await clickAndSettle(screen.getByTestId(testIds.escalation.preview));
    expect(grafana.writes()).toBe(0);
    expect(screen.getByTestId(testIds.escalation.outcome)).toHaveTextContent(
      'Nothing was written. A push would make 4 changes:'
    );
    const steps = screen.getByTestId(testIds.escalation.steps);
    expect(within(steps).getAllByText('Create')).toHaveLength(3);
    expect(
      within(steps).getByText(
        'New policy for every SLO alert, first in the tree: checkout. Keeps the 1 other policies as they are'
      )
    ).toBeInTheDocument();

    await waitFor(() =>
      expect(screen.getByTestId(testIds.escalation.push)).not.toHaveAttribute('aria-disabled', 'true')
    );
    await clickAndSettle(screen.getByTestId(testIds.escalation.push));
    expect(screen.getByTestId(testIds.escalation.outcome)).toHaveTextContent(
      'Grafana alerting routes the SLO alerts this way now.'
    );
    expect(within(screen.getByTestId(testIds.escalation.steps)).getAllByText('Done')).toHaveLength(4);
    expect(grafana.tree().routes).toEqual([
      expect.objectContaining({ object_matchers: [['sloth_id', '=~', '.+']] }),
      OTHER_ROUTE,
    ]);
    const posts = grafana.requests.filter((request) => request.method === 'POST');
    expect(posts.map((request) => request.headers)).toEqual(Array(3).fill({ 'X-Disable-Provenance': 'true' }));

    await clickAndSettle(screen.getByTestId(testIds.escalation.preview));
    expect(screen.getByTestId(testIds.escalation.outcome)).toHaveTextContent(
      'Grafana alerting already routes the SLO alerts this way.'
    );
    expect(screen.getByTestId(testIds.escalation.push)).toHaveAttribute('aria-disabled', 'true');
  });

  test('without permission to provision notifications, no push: the reason and the download instead', async () => {
    const { grafana } = renderModal(registry(), editorUser);
    expect(await screen.findByText(/needs the alert.notifications.provisioning:write permission/)).toBeInTheDocument();
    expect(screen.queryByTestId(testIds.escalation.preview)).not.toBeInTheDocument();
    expect(screen.getByTestId(testIds.escalation.download)).toBeEnabled();
    expect(grafana.requests).toEqual([]);
  });
});
