import React from 'react';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { config } from '@grafana/runtime';
import { Answer, installFakeDataSources } from '../../api/testing/fakeDataSource';
import { RegistryDocument } from '../../domain/model';
import { baseException, baseRegistry, baseService, baseSlo } from '../../domain/testing/builders';
import { clickAndSettle, renderWithRegistry, storedRegistry, writes } from '../../pages/testing/registryHarness';
import { RegistryUser } from '../../storage/access';
import { loadServiceHistory } from '../../storage/history';
import { useRegistry } from '../../storage/RegistryContext';
import { adminUser, viewerUser } from '../../storage/testing/users';
import { testIds } from '../testIds';
import { PolicyStatePanel } from './PolicyStatePanel';

jest.setTimeout(30000);

const LAST_FROZEN = Date.parse('2026-11-20T14:00:00Z') / 1000;

/**
 * checkout with one SLO (freezes below 10% left or above 2x; recovers at 20%) and Prometheus set
 * up, unless `doc` says otherwise.
 */
function registry(overrides: Partial<RegistryDocument> = {}): RegistryDocument {
  const doc = baseRegistry({ slos: [baseSlo('ratio')], ...overrides });
  return { ...doc, settings: { ...doc.settings, prometheus: { uid: 'prom', type: 'prometheus' } } };
}

/** Prometheus answering the policy's queries: `budgetLeft` of checkout-ratio, burning at 0.5x, frozen a week ago. */
function prometheusWith(budgetLeft: number, lastFrozen: number | undefined = LAST_FROZEN) {
  const id = { sloth_id: 'checkout-ratio' };
  return installFakeDataSources((expr): Answer => {
    if (expr.includes('max_over_time')) {
      return lastFrozen === undefined ? [] : [{ labels: id, value: lastFrozen }];
    }
    if (expr.startsWith('min by (sloth_id) (last_over_time(slo:period_error_budget_remaining:ratio')) {
      return [{ labels: id, value: budgetLeft }];
    }
    if (expr.includes('slo:sli_error:increase1h')) {
      return [{ labels: id, value: 0.0005 }];
    }
    return [];
  });
}

/** An exception in force since an hour ago, for a day. */
const incident = () =>
  baseException({
    from: new Date(Date.now() - 3_600_000).toISOString(),
    to: new Date(Date.now() + 86_400_000).toISOString(),
    at: new Date(Date.now() - 3_600_000).toISOString(),
  });

function renderPanel(doc: RegistryDocument, user: RegistryUser = adminUser) {
  return renderWithRegistry(<PolicyStatePanel service={doc.services[0]} doc={doc} />, { doc, user });
}

/** Renders the panel the way the service page does: with the registry as last saved. */
function renderLive(doc: RegistryDocument) {
  function Live() {
    const current = useRegistry().doc;
    return current ? <PolicyStatePanel service={current.services[0]} doc={current} /> : null;
  }
  return renderWithRegistry(<Live />, { doc });
}

async function state(): Promise<HTMLElement> {
  return screen.findByTestId(testIds.budgetPolicy.state);
}

beforeEach(() => {
  config.bootData.user = { ...config.bootData.user, login: 'ana' };
});

describe('PolicyStatePanel', () => {
  test('a frozen service shows freeze with the reason, after saying it is reading', async () => {
    prometheusWith(0.05);
    renderPanel(registry());
    expect(screen.getByText('Reading the recorded SLO series…')).toBeInTheDocument();
    expect(await state()).toHaveTextContent('Freeze');
    expect(
      screen.getByText('frozen: checkout-ratio budget left 5% is below the 10% freeze threshold')
    ).toBeInTheDocument();
    expect(screen.getByTestId(testIds.budgetPolicy.signedOff)).toHaveTextContent(
      'Not signed off by the business owner (Ana Lima) yet.'
    );
  });

  test('reliability work after a freeze, until the budget is back at the recovery threshold', async () => {
    prometheusWith(0.15);
    renderPanel(registry());
    expect(await state()).toHaveTextContent('Reliability work');
    expect(
      screen.getByText(
        'reliability work: checkout-ratio last frozen at 2026-11-20T14:00:00Z, within the 30d period; budget left 15% is below the 20% recovery threshold'
      )
    ).toBeInTheDocument();
  });

  test('normal when the budget is healthy', async () => {
    prometheusWith(0.8);
    renderPanel(registry());
    expect(await state()).toHaveTextContent('Normal');
    expect(screen.getByText('normal: 1 SLO within the error-budget policy')).toBeInTheDocument();
  });

  test('unknown, with the reason, when Prometheus cannot be read', async () => {
    installFakeDataSources(() => ({ error: 'bad_data: parse error' }));
    renderPanel(registry());
    expect(
      await screen.findByText('State unknown: Prometheus could not be read (bad_data: parse error).')
    ).toBeInTheDocument();
  });

  test('unknown without a Prometheus data source', async () => {
    renderPanel(baseRegistry({ slos: [baseSlo('ratio')] }));
    expect(await screen.findByText(/State unknown: no Prometheus data source yet/)).toBeInTheDocument();
  });

  test('without a policy: says how to get one and offers nothing to sign', async () => {
    const fake = prometheusWith(0.05);
    renderPanel(registry({ slos: [baseSlo('ratio', { budgetPolicy: undefined })] }));
    expect(await screen.findByText(/No error-budget policy yet/)).toBeInTheDocument();
    expect(screen.queryByTestId(testIds.budgetPolicy.signOff)).not.toBeInTheDocument();
    expect(fake.requests).toEqual([]);
  });

  test('the business owner signs the policy off; the history says so in one line', async () => {
    prometheusWith(0.8);
    const { server, api } = renderLive(registry());
    await state();
    fireEvent.click(screen.getByTestId(testIds.budgetPolicy.signOff));
    await clickAndSettle(screen.getByText('Sign off'));
    const saved = storedRegistry(server).services[0].budgetPolicy?.signOff;
    expect(saved).toEqual({ by: 'ana', at: expect.any(String) });
    expect(Date.now() - Date.parse(saved!.at)).toBeLessThan(60_000);
    expect(screen.getByTestId(testIds.budgetPolicy.signedOff)).toHaveTextContent(/^Signed off by ana on /);
    const history = await loadServiceHistory(api, 'checkout');
    expect(history.ok && history.entries[0].summary).toBe('Policy signed off by ana');
  });

  test('an exception recorded with its reason waives the freeze at once', async () => {
    const fake = prometheusWith(0.05);
    const { server } = renderLive(registry());
    expect(await state()).toHaveTextContent('Freeze');
    const reads = fake.requests.length;
    fireEvent.click(screen.getByTestId(testIds.budgetPolicy.addException));
    fireEvent.change(screen.getByLabelText(/^Reason/), { target: { value: 'Payments provider outage INC-12' } });
    await clickAndSettle(screen.getByTestId(testIds.budgetPolicy.saveException));
    const [saved] = storedRegistry(server).services[0].budgetPolicy?.exceptions ?? [];
    expect(saved).toMatchObject({
      id: 'payments-provider-outage-inc-12',
      kind: 'dependencyIncident',
      reason: 'Payments provider outage INC-12',
      by: 'ana',
    });
    expect(Date.parse(saved.to) - Date.parse(saved.from)).toBe(86_400_000);
    expect(await state()).toHaveTextContent('Normal · freeze waived');
    expect(
      screen.getByText(
        /normal: checkout-ratio freeze waived until .* — dependency incident: Payments provider outage INC-12/
      )
    ).toBeInTheDocument();
    const [line] = screen.getAllByTestId(testIds.budgetPolicy.exception);
    expect(within(line).getByText('In force')).toBeInTheDocument();
    expect(fake.requests).toHaveLength(reads);
  });

  test('an exception that ends before it starts is refused next to its field', async () => {
    prometheusWith(0.05);
    const { server } = renderLive(registry());
    await state();
    fireEvent.click(screen.getByTestId(testIds.budgetPolicy.addException));
    fireEvent.change(screen.getByLabelText(/^Reason/), { target: { value: 'load test' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2020-01-01T00:00' } });
    await clickAndSettle(screen.getByTestId(testIds.budgetPolicy.saveException));
    expect(screen.getByText(/^to must be after from \(/)).toBeInTheDocument();
    expect(writes(server)).toBe(0);
  });

  test('ending an exception in force lets the freeze return', async () => {
    prometheusWith(0.05);
    const doc = registry({ services: [baseService({ budgetPolicy: { exceptions: [incident()] } })] });
    const { server } = renderLive(doc);
    expect(await state()).toHaveTextContent('Normal · freeze waived');
    await clickAndSettle(screen.getByTestId(testIds.budgetPolicy.endException));
    const [ended] = storedRegistry(server).services[0].budgetPolicy?.exceptions ?? [];
    expect(Date.parse(ended.to)).toBeLessThanOrEqual(Date.now());
    await act(async () => undefined);
    expect(await state()).toHaveTextContent('Freeze');
    expect(within(screen.getByTestId(testIds.budgetPolicy.exception)).getByText('Ended')).toBeInTheDocument();
  });

  test('viewers see the state and who signed, but cannot sign off or record exceptions', async () => {
    prometheusWith(0.05);
    const doc = registry({
      services: [baseService({ budgetPolicy: { signOff: { by: 'ana', at: '2026-11-02T09:00:00Z' } } })],
    });
    renderPanel(doc, viewerUser);
    expect(await state()).toHaveTextContent('Freeze');
    expect(screen.getByText(/\(policy signed off by ana on 2026-11-02\)$/)).toBeInTheDocument();
    expect(screen.getByTestId(testIds.budgetPolicy.signOff)).toBeDisabled();
    expect(screen.getByTestId(testIds.budgetPolicy.addException)).toBeDisabled();
  });
});
