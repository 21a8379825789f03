import { testIds } from '../../src/components/testIds';
import { ROUTES } from '../../src/constants';
import { buildExecutiveDashboard, dashboardPanels } from '../../src/domain/dashboards';
import { prefixRoute } from '../../src/routing';
import { expect, test } from './fixtures';
import { queryPrometheus, watchPage } from './helpers';

const WITHIN_BUDGET = 'SLOs within budget';

test('the executive page shows the demo services with numbers that Prometheus confirms', async ({
  openApp,
  page,
  registry,
  request,
  readProvisionedDataSource,
  selectors,
}) => {
  const watcher = watchPage(page);
  const prometheus = await readProvisionedDataSource({ fileName: 'datasources.yaml', name: 'Prometheus' });
  const doc = await registry.read();
  expect(doc.settings.prometheus?.uid).toBe(prometheus.uid);
  const servicesWithSlos = [...new Set(doc.slos.map((slo) => slo.serviceId))];
  expect(servicesWithSlos.length).toBeGreaterThan(0);

  const executive = await openApp(prefixRoute(ROUTES.Executive));
  await expect(page.getByTestId(testIds.dashboards.view)).toBeVisible();

  // Every demo service with SLOs has rows in the compliance table, with percentages in them.
  const compliance = executive.getByGrafanaSelector(selectors.components.Panels.Panel.title('SLO compliance'));
  for (const serviceId of servicesWithSlos) {
    await expect(compliance).toContainText(serviceId);
  }
  await expect(compliance).toContainText(/\d+(\.\d+)?%/);

  // The stat shows the number that the same query gives through Grafana's data source proxy.
  const stat = executive.getByGrafanaSelector(selectors.components.Panels.Panel.title(WITHIN_BUDGET));
  await expect(stat).toContainText(/\d/);
  const shown = Number((await stat.innerText()).replace(WITHIN_BUDGET, '').match(/-?\d+(\.\d+)?/)?.[0]);
  const expr = dashboardPanels(buildExecutiveDashboard(doc)).find((panel) => panel.title === WITHIN_BUDGET)?.queries[0]
    .expr;
  expect(expr).toBeDefined();
  const samples = await queryPrometheus(request, prometheus.uid, expr ?? '');
  expect(samples).toHaveLength(1);
  expect(shown).toBe(samples[0].value);
  await watcher.assertClean();
});
