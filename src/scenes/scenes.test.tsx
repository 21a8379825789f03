import React from 'react';
import { locationService } from '@grafana/runtime';
import { render, screen, waitFor, within } from '@testing-library/react';
import { testIds } from '../components/testIds';
import { buildExecutiveDashboard, buildOnCallDashboard, dashboardPanels, dashboardQueries } from '../domain/dashboards';
import { demoRegistry } from '../domain/dashboards/testing/fixtures';
import { RegistryDocument } from '../domain/model';
import { HostRouter } from '../testing/HostRouter';
import { buildVizPanel } from './buildPanel';
import { getExecutiveScene } from './executiveScene';
import { RegistrySceneView } from './RegistrySceneView';
import { getCostScene, getDebugScene, getOnCallScene } from './serviceScenes';
import { installFakeGrafana, received } from './testing/fakeGrafana';

// Rendering a whole dashboard of Scenes panels in jsdom takes seconds on a loaded two-core machine.
jest.setTimeout(30000);

installFakeGrafana();
const demo = demoRegistry();

function renderScene(
  build: (doc: RegistryDocument) => ReturnType<typeof getOnCallScene>,
  doc = demo,
  path = '/a/bizowner-slo-app/x'
) {
  locationService.push(path);
  received.length = 0;
  return render(
    <HostRouter>
      <RegistrySceneView doc={doc} build={build} />
    </HostRouter>
  );
}

async function panelTitles(count: number): Promise<string[]> {
  await waitFor(() => expect(screen.getAllByTestId(/^panel /)).toHaveLength(count));
  return screen.getAllByTestId(/^panel /).map((element) => element.dataset.testid!.slice('panel '.length));
}

const executive = (doc: RegistryDocument) => getExecutiveScene(doc);
const onCall = (doc: RegistryDocument) => getOnCallScene(doc, 'checkout');

test('the executive scene shows the model panels and sends exactly its queries', async () => {
  renderScene(executive);
  const model = buildExecutiveDashboard(demo);
  expect(await panelTitles(dashboardPanels(model).length)).toEqual(dashboardPanels(model).map((panel) => panel.title));
  await waitFor(() => expect(received).toHaveLength(dashboardQueries(model).length));
  expect(received.map(({ target }) => [target.refId, target.expr])).toEqual(
    dashboardQueries(model).map(({ query }) => [query.refId, query.expr])
  );
  expect(new Set(received.map(({ uid }) => uid))).toEqual(new Set(['prometheus']));
});

test("a panel's minimum step reaches its query runner: error budget burn by 6 hours, the others by time range", async () => {
  renderScene(executive);
  const model = buildExecutiveDashboard(demo);
  await waitFor(() => expect(received).toHaveLength(dashboardQueries(model).length));
  const burn = dashboardPanels(model).find((panel) => panel.title === 'Error budget burn')!;
  expect(burn.minInterval).toBe('6h');
  const steps = new Map(received.map(({ target, intervalMs }) => [target.expr, intervalMs]));
  expect(steps.get(burn.queries[0].expr)).toBe(21_600_000);
  // 7 days over the runner's 500 data points, rounded as Grafana does: 20 minutes.
  const compliance = dashboardPanels(model).find((panel) => panel.title === 'SLO compliance')!;
  expect(compliance.minInterval).toBeUndefined();
  expect(steps.get(compliance.queries[0].expr)).toBe(1_200_000);
});

test('the compliance table merges its five queries into one row per SLO with named columns', async () => {
  renderScene(executive);
  const table = await screen.findByTestId('panel SLO compliance');
  await waitFor(() => expect(table).toHaveTextContent('Service=checkout'));
  expect(table).toHaveTextContent(
    'Service=checkout SLO=checkout-availability Objective=0.500 SLI (window)=0.600 Budget left=0.700 Burn rate=0.800 Status=0.900'
  );
  // Grafana applies the column overrides with its standard field options; the scene carries them.
  const model = dashboardPanels(buildExecutiveDashboard(demo)).find((panel) => panel.title === 'SLO compliance')!;
  const overrides = buildVizPanel(model, demo.settings).state.fieldConfig.overrides;
  expect(overrides.map((override) => [override.matcher.options, override.properties[0]])).toEqual([
    ['Objective', { id: 'unit', value: 'percentunit' }],
    ['SLI (window)', { id: 'unit', value: 'percentunit' }],
    ['Budget left', { id: 'unit', value: 'percentunit' }],
    ['Burn rate', { id: 'unit', value: 'x' }],
    ['Status', expect.objectContaining({ id: 'mappings' })],
  ]);
});

test('the executive filters come from the URL and narrow every query to the chosen services', async () => {
  renderScene(executive, demo, '/a/bizowner-slo-app/executive?var-owner=emma&var-tier=2');
  await waitFor(() => expect(received.length).toBeGreaterThan(0));
  await waitFor(() =>
    expect(received.some(({ target }) => target.expr?.includes('sloth_service=~"search"'))).toBe(true)
  );
  const latest = received.slice(-8).map(({ target }) => target.expr ?? '');
  expect(latest.some((expr) => expr.includes('checkout'))).toBe(false);
  expect(screen.getByText('Save as Grafana dashboard')).toBeInTheDocument();
});

test('the on-call controls name their switches and buttons: the deploys annotations and the refresh', async () => {
  renderScene(onCall);
  const deploys = await screen.findByLabelText('Deploys');
  expect(deploys).toHaveAttribute('role', 'switch');
  expect(deploys).toBeChecked();
  expect(screen.getByTestId('data-testid RefreshPicker run button')).toHaveAccessibleName('Refresh');
});

test('every on-call panel carries the runbook links, and the queries are the model queries', async () => {
  renderScene(onCall);
  const model = buildOnCallDashboard(demo, 'checkout');
  const count = dashboardPanels(model).length;
  await panelTitles(count);
  const linkSets = screen.getAllByTestId(testIds.dashboards.panelLinks);
  expect(linkSets).toHaveLength(count);
  for (const links of linkSets) {
    expect(within(links).getByRole('link', { name: 'Runbook: Open Checkout runbook' })).toHaveAttribute(
      'href',
      'https://runbooks.example.com/checkout'
    );
    expect(within(links).getByRole('link', { name: 'Open Checkout in Business Owner' }).getAttribute('href')).toMatch(
      /^\/a\/bizowner-slo-app\/services\/checkout\?from=now-6h&to=now/
    );
  }
  await waitFor(() => expect(received.length).toBeGreaterThanOrEqual(dashboardQueries(model).length));
  const exprs = received.map(({ target }) => target.expr);
  for (const { query } of dashboardQueries(model)) {
    expect(exprs).toContain(query.expr);
  }
});

test('the debug scene queries Loki and Prometheus; without Loki it says which setting to fix', async () => {
  const { unmount } = renderScene((doc) => getDebugScene(doc, 'search'));
  await panelTitles(7);
  await waitFor(() => expect(received.some(({ uid }) => uid === 'loki')).toBe(true));
  unmount();
  const noLoki = { ...demo, settings: { ...demo.settings, loki: undefined } };
  renderScene((doc) => getDebugScene(doc, 'search'), noLoki);
  expect(await screen.findByTestId(testIds.dashboards.dataSourceAlert)).toHaveTextContent(
    'No Loki data source is configured'
  );
  expect(await panelTitles(5)).not.toContain('Logs');
});

test('a data source uid that Grafana does not know is named in the alert', async () => {
  const wrong = { ...demo, settings: { ...demo.settings, billing: { ...demo.settings.billing!, uid: 'gone' } } };
  renderScene((doc) => getCostScene(doc, 'search'), wrong);
  expect(await screen.findByTestId(testIds.dashboards.dataSourceAlert)).toHaveTextContent(
    'The Billing data source "gone" does not exist'
  );
});
