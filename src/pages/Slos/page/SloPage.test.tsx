import React from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import { testIds } from '../../../components/testIds';
import { dashboardPanels, dashboardQueries } from '../../../domain/dashboards';
import { buildSloDashboard } from '../../../domain/dashboards/sloPage';
import { demoRegistry } from '../../../domain/dashboards/testing/fixtures';
import { sloUrl } from '../../../routing';
import { installFakeGrafana, received } from '../../../scenes/testing/fakeGrafana';
import { renderWithRegistry } from '../../testing/registryHarness';
import { SloPage } from './SloPage';

// Rendering a dashboard of Scenes panels in jsdom takes seconds on a loaded two-core machine.
jest.setTimeout(30000);

installFakeGrafana();
const demo = demoRegistry();
const ID = 'checkout-availability';

function renderPage(sloId = ID, doc = demo) {
  received.length = 0;
  const onTitle = jest.fn();
  const rendered = renderWithRegistry(<SloPage sloId={sloId} onTitle={onTitle} />, { doc, path: sloUrl(sloId) });
  return { ...rendered, onTitle };
}

async function panelTitles(count: number): Promise<string[]> {
  await waitFor(() => expect(screen.getAllByTestId(/^panel /)).toHaveLength(count));
  return screen.getAllByTestId(/^panel /).map((element) => element.dataset.testid!.slice('panel '.length));
}

test('the header names the SLO, its service, business owner, objective and runbooks, and links the dashboards', async () => {
  const { onTitle } = renderPage();
  const header = await screen.findByTestId(testIds.sloPage.header);
  await waitFor(() => expect(onTitle).toHaveBeenCalledWith('Checkout availability'));
  expect(within(header).getByText('Checkout requests answered without a server error.')).toBeInTheDocument();
  expect(within(screen.getByTestId(testIds.sloPage.service)).getByRole('link', { name: 'Checkout' })).toHaveAttribute(
    'href',
    '/a/bizowner-slo-app/services/checkout'
  );
  expect(within(screen.getByTestId(testIds.sloPage.owner)).getByRole('link', { name: 'Ana Lima' })).toHaveAttribute(
    'href',
    '/a/bizowner-slo-app/people/ana'
  );
  expect(within(header).getByText('99.9% over rolling 30d')).toBeInTheDocument();
  const runbooks = screen.getByTestId(testIds.sloPage.runbooks);
  expect(
    within(runbooks)
      .getAllByRole('link')
      .map((link) => link.getAttribute('href'))
  ).toEqual(['https://runbooks.example.com/checkout', 'https://runbooks.example.com/checkout#availability']);
  const dashboards = screen.getByTestId(testIds.sloPage.dashboards);
  expect(
    within(dashboards)
      .getAllByRole('link')
      .map((link) => [link.textContent, link.getAttribute('href')])
  ).toEqual([
    ['On-call view', '/a/bizowner-slo-app/services/checkout/oncall'],
    ['Debug view', '/a/bizowner-slo-app/services/checkout/debug'],
    ['Cost view', '/a/bizowner-slo-app/services/checkout/cost'],
    ['Edit SLO', '/a/bizowner-slo-app/slos/checkout-availability/edit'],
  ]);
});

test("the panels are the model's, and they send exactly its queries", async () => {
  renderPage();
  const model = buildSloDashboard(demo, ID);
  expect(await panelTitles(dashboardPanels(model).length)).toEqual(dashboardPanels(model).map((item) => item.title));
  await waitFor(() => expect(received.length).toBeGreaterThanOrEqual(dashboardQueries(model).length));
  const sent = received.map(({ target }) => target.expr);
  for (const { query } of dashboardQueries(model)) {
    expect(sent).toContain(query.expr);
  }
  expect(sent.every((expr) => !expr?.includes('sloth_id=') || expr.includes(`sloth_id="${ID}"`))).toBe(true);
});

test('deploys, incidents and edits each have a switch of their own on the graphs', async () => {
  renderPage();
  for (const name of ['Deploys', 'Incidents', 'Edits']) {
    const toggle = await screen.findByLabelText(name);
    expect(toggle).toHaveAttribute('role', 'switch');
    expect(toggle).toBeChecked();
  }
});

test('a grouped SLO lists its groups, the least budget left first', async () => {
  renderPage('checkout-routes-availability');
  const table = await screen.findByTestId('panel Groups, worst first');
  await waitFor(() => expect(table).toHaveTextContent('route='));
  expect(
    received.some(({ target }) =>
      target.expr?.startsWith('sort(min by (sloth_id, route) (last_over_time(slo:period_error_budget')
    )
  ).toBe(true);
  expect(screen.getByText('Ratio, one per route')).toBeInTheDocument();
});

test('an unknown SLO is Not found, with the way back to the SLO list', async () => {
  renderPage('nope');
  const page = await screen.findByTestId(testIds.notFound.page);
  expect(within(page).getByText('No SLO "nope" in the registry')).toBeInTheDocument();
  expect(within(page).getByRole('link', { name: 'All SLOs' })).toHaveAttribute('href', '/a/bizowner-slo-app/slos');
});

test('without a Prometheus data source it says which setting to fix and runs no query', async () => {
  renderPage(ID, { ...demo, settings: { ...demo.settings, prometheus: undefined } });
  expect(await screen.findByTestId(testIds.dashboards.dataSourceAlert)).toHaveTextContent(
    'No Prometheus data source is configured'
  );
  expect(screen.getByTestId(testIds.sloPage.header)).toBeInTheDocument();
  expect(screen.queryAllByTestId(/^panel /)).toHaveLength(0);
  expect(received).toHaveLength(0);
});
