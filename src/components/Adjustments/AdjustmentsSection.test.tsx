import React from 'react';
import { fireEvent, screen, within } from '@testing-library/react';
import { config } from '@grafana/runtime';
import { installFakeDataSources } from '../../api/testing/fakeDataSource';
import { baseAdjustment, withAdjustments } from '../../domain/adjustments/fixtures';
import { RegistryDocument } from '../../domain/model';
import { baseRegistry, baseSlo } from '../../domain/testing/builders';
import { clickAndSettle, renderWithRegistry, storedRegistry, writes } from '../../pages/testing/registryHarness';
import { loadServiceHistory } from '../../storage/history';
import { useRegistry } from '../../storage/RegistryContext';
import { viewerUser } from '../../storage/testing/users';
import { testIds } from '../testIds';
import { AdjustmentsSection } from './AdjustmentsSection';

jest.setTimeout(30000);

function registry(doc: RegistryDocument = baseRegistry({ slos: [baseSlo('ratio')] })): RegistryDocument {
  return { ...doc, settings: { ...doc.settings, prometheus: { uid: 'prom', type: 'prometheus' } } };
}

/** Prometheus answering the figures: raw 99.5 % and -4 (overspent), adjusted 99.95 % and 0.5 when masked. */
function prometheus() {
  return installFakeDataSources((expr) => {
    const masked = expr.includes('unless on()');
    if (expr.endsWith(' / 0.001)')) {
      return [{ labels: {}, value: masked ? 0.5 : -4 }];
    }
    return [{ labels: {}, value: masked ? 0.9995 : 0.995 }];
  });
}

/** The section as the SLO page shows it: with the registry as last saved. */
function renderLive(doc: RegistryDocument) {
  function Live() {
    const current = useRegistry().doc;
    return current ? (
      <AdjustmentsSection doc={current} service={current.services[0]} slo={current.slos[0]} showFigures />
    ) : null;
  }
  return renderWithRegistry(<Live />, { doc });
}

const figure = async (testId: string) => (await screen.findByTestId(testId)).textContent;

describe('AdjustmentsSection', () => {
  beforeEach(() => {
    config.bootData.user = { ...config.bootData.user, login: 'editor', email: 'editor@example.com' };
  });

  test('an editor records a window: pending, no effect, and only the business owner may approve it', async () => {
    const fake = prometheus();
    const { server, api } = renderLive(registry());
    expect(await figure(testIds.adjustments.rawBudget)).toBe('-400%');
    fireEvent.click(screen.getByTestId(testIds.adjustments.add));
    fireEvent.change(screen.getByLabelText(/^Reason/), { target: { value: 'Database upgrade CHG-311' } });
    fireEvent.change(screen.getByLabelText('Start'), { target: { value: '2026-11-28T02:00' } });
    fireEvent.change(screen.getByLabelText('End'), { target: { value: '2026-11-28T04:00' } });
    await clickAndSettle(screen.getByTestId(testIds.adjustments.save));
    const [saved] = storedRegistry(server).services[0].budgetPolicy?.adjustments ?? [];
    expect(saved).toMatchObject({
      id: 'database-upgrade-chg-311',
      kind: 'maintenance',
      sloIds: ['checkout-ratio'],
      silenceAlerts: true,
      by: 'editor',
    });
    expect(saved.approval).toBeUndefined();
    expect(Date.parse(saved.end!) - Date.parse(saved.start!)).toBe(2 * 3_600_000);
    const item = screen.getByTestId(testIds.adjustments.item);
    expect(within(item).getByText('Pending approval')).toBeInTheDocument();
    expect(within(item).getByText(/No effect until the business owner \(Ana Lima\) approves it/)).toBeInTheDocument();
    expect(screen.getByTestId(testIds.adjustments.approve)).toBeDisabled();
    // pending: the adjusted figures are the raw ones, asked without a mask
    expect(
      fake.requests
        .flatMap(({ request }) => request.targets)
        .some((target) => JSON.stringify(target).includes('unless on()'))
    ).toBe(false);
    const history = await loadServiceHistory(api, 'checkout');
    expect(history.ok && history.entries[0].summary).toBe(
      'Adjustment database-upgrade-chg-311 added (maintenance: Database upgrade CHG-311)'
    );
  });

  test('the business owner approves: the adjusted figures leave the window out, the history names them', async () => {
    config.bootData.user = { ...config.bootData.user, login: 'ana' };
    prometheus();
    const pending = baseAdjustment({ approval: undefined });
    const { server, api } = renderLive(
      registry(withAdjustments(baseRegistry({ slos: [baseSlo('ratio')] }), [pending]))
    );
    expect(await figure(testIds.adjustments.adjustedBudget)).toBe('-400%');
    await clickAndSettle(screen.getByTestId(testIds.adjustments.approve));
    expect(storedRegistry(server).services[0].budgetPolicy?.adjustments?.[0].approval).toEqual({
      by: 'ana',
      at: expect.any(String),
    });
    expect(await screen.findByText('50%')).toBeInTheDocument();
    expect(screen.getByTestId(testIds.adjustments.rawBudget)).toHaveTextContent('-400%');
    expect(screen.getByTestId(testIds.adjustments.adjustedSli)).toHaveTextContent('99.950%');
    expect(screen.getByTestId(testIds.adjustments.rawSli)).toHaveTextContent('99.500%');
    expect(within(screen.getByTestId(testIds.adjustments.item)).getByText('Approved')).toBeInTheDocument();
    const history = await loadServiceHistory(api, 'checkout');
    expect(history.ok && history.entries[0].summary).toBe('Adjustment db-upgrade approved by ana');
  });

  test('a weekly window longer than a week in an unknown zone is refused next to its fields', async () => {
    prometheus();
    const { server } = renderLive(registry());
    fireEvent.click(await screen.findByTestId(testIds.adjustments.add));
    fireEvent.change(screen.getByLabelText(/^Reason/), { target: { value: 'Patch night' } });
    fireEvent.click(screen.getByLabelText('Every week'));
    fireEvent.change(screen.getByLabelText(/^Duration/), { target: { value: '8d' } });
    fireEvent.change(screen.getByLabelText(/^Time zone/), { target: { value: 'Mars/Olympus' } });
    await clickAndSettle(screen.getByTestId(testIds.adjustments.save));
    expect(
      screen.getByText(/^duration must be a Prometheus duration more than zero and at most a week/)
    ).toBeInTheDocument();
    expect(screen.getByText(/^timeZone must be an IANA time zone/)).toBeInTheDocument();
    expect(writes(server)).toBe(0);
  });

  test('overlapping windows are saved and warned about; removing one saves', async () => {
    prometheus();
    const later = baseAdjustment({ id: 'later', start: '2026-11-28T03:00:00Z', end: '2026-11-28T05:00:00Z' });
    const { server } = renderLive(
      registry(withAdjustments(baseRegistry({ slos: [baseSlo('ratio')] }), [baseAdjustment(), later]))
    );
    expect(await screen.findByText(/overlaps adjustment "db-upgrade"/)).toBeInTheDocument();
    await clickAndSettle(screen.getAllByTestId(testIds.adjustments.remove)[1]);
    expect(storedRegistry(server).services[0].budgetPolicy?.adjustments?.map((item) => item.id)).toEqual([
      'db-upgrade',
    ]);
    expect(screen.queryByText(/overlaps adjustment/)).not.toBeInTheDocument();
  });

  test('viewers see the adjustments and figures, but cannot record, approve or remove', async () => {
    config.bootData.user = { ...config.bootData.user, login: 'ana' };
    prometheus();
    const doc = registry(
      withAdjustments(baseRegistry({ slos: [baseSlo('ratio')] }), [baseAdjustment({ approval: undefined })])
    );
    renderWithRegistry(<AdjustmentsSection doc={doc} service={doc.services[0]} slo={doc.slos[0]} showFigures />, {
      doc,
      user: viewerUser,
    });
    expect(await figure(testIds.adjustments.rawSli)).toBe('99.500%');
    expect(screen.getByTestId(testIds.adjustments.add)).toBeDisabled();
    expect(screen.getByTestId(testIds.adjustments.approve)).toBeDisabled();
    expect(screen.getByTestId(testIds.adjustments.remove)).toBeDisabled();
  });
});
