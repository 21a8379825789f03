import { testIds } from '../../src/components/testIds';
import { dashboardPanels } from '../../src/domain/dashboards';
import { runbookLinks } from '../../src/domain/dashboards/links';
import { buildSloDashboard } from '../../src/domain/dashboards/sloPage';
import { serviceUrl, sloUrl, slosUrl } from '../../src/routing';
import { expect, test } from './host';
import { recordInstantQueries } from './pageQueries';
import { panel } from './pages';

const SLO = 'checkout-availability';
const GROUPED = 'checkout-routes-availability';

test('from the SLO list to an SLO page: owner, runbook, live panels and its own queries only', async ({
  context,
  host,
  page,
}) => {
  const watcher = host.watch(page);
  const queries = recordInstantQueries(page);
  const doc = await host.registry();
  const slo = doc.slos.find((item) => item.id === SLO);
  expect(slo, `the demo registry has ${SLO}`).toBeDefined();
  const service = doc.services.find((item) => item.id === slo!.serviceId)!;
  const runbook = runbookLinks(service, [slo!]).find((link) => link.url === slo!.alerting.runbookUrl);
  expect(runbook, `${SLO} has a runbook of its own`).toBeDefined();
  const model = buildSloDashboard(doc, SLO);
  // The runbook host is outside: answered here, so that nothing leaves the test.
  const opened: string[] = [];
  await context.route(`${new URL(runbook!.url).origin}/**`, (route) => {
    opened.push(route.request().url());
    return route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>Runbook</title><h1>Runbook</h1>` });
  });

  await page.goto(slosUrl());
  await expect(page.getByRole('link', { name: slo!.name, exact: true })).toBeVisible();
  // what the SLO list asked for is left out below: it reads every SLO at once
  const fromList = queries.length;
  await page.getByRole('link', { name: slo!.name, exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === sloUrl(SLO));
  await expect(page.getByRole('heading', { name: slo!.name, exact: true }).first()).toBeVisible();
  const header = page.getByTestId(testIds.sloPage.header);
  await expect(header.getByRole('link', { name: service.name, exact: true })).toHaveAttribute(
    'href',
    serviceUrl(service.id)
  );
  await expect(page.getByTestId(testIds.sloPage.owner)).toContainText(/\S/);
  await expect(header).toContainText(`${slo!.objective}%`);

  // Live panels: the budget left and the fast burn rate draw what Prometheus has.
  await expect(panel(page, 'Error budget left')).toContainText('%');
  const burn = panel(page, 'Burn rate page-fast: 1h / 5m');
  await expect(burn.locator('canvas, svg[role="img"] polyline[points*=","]').first()).toBeAttached();
  await expect(burn.getByText('No data', { exact: true })).toHaveCount(0);
  await expect(panel(page, 'Error budget left over time').getByText('No data', { exact: true })).toHaveCount(0);
  for (const item of dashboardPanels(model)) {
    await expect(panel(page, item.title)).toBeVisible();
  }
  await host.screenshot(page, 'slo-page');

  // The page sent the model's instant queries (those without Grafana macros, which it fills in),
  // and none of its queries reads another SLO.
  const instant = dashboardPanels(model).flatMap((item) =>
    item.queries.filter((query) => query.instant && !query.expr.includes('$'))
  );
  const unsent = () => instant.filter((query) => !queries.some((sent) => sent.expr === query.expr)).map((q) => q.expr);
  await expect.poll(unsent).toEqual([]);
  for (const { expr } of queries.slice(fromList)) {
    for (const [, id] of expr.matchAll(/sloth_id="([^"]+)"/g)) {
      expect(id).toBe(SLO);
    }
  }

  // The runbook, from the header, in a new tab.
  const link = page.getByTestId(testIds.sloPage.runbooks).getByRole('link', { name: runbook!.title });
  await expect(link).toHaveAttribute('href', runbook!.url);
  const [tab] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await expect(tab.getByRole('heading', { name: 'Runbook' })).toBeVisible();
  expect(tab.url()).toBe(runbook!.url);
  // the fragment (`#availability`) stays in the browser
  expect(opened).toEqual([runbook!.url.split('#')[0]]);
  await tab.close();
  await watcher.assertClean();
});

test("a grouped SLO's page lists its groups with the least budget left first, as Prometheus answers", async ({
  host,
  page,
}) => {
  const watcher = host.watch(page);
  const queries = recordInstantQueries(page);
  const doc = await host.registry();
  const table = dashboardPanels(buildSloDashboard(doc, GROUPED)).find((item) => item.title === 'Groups, worst first');
  expect(table, `${GROUPED} is grouped in the demo registry`).toBeDefined();

  await page.goto(sloUrl(GROUPED));
  const grid = panel(page, table!.title).getByRole('table');
  const rows = grid.getByRole('row').filter({ has: page.getByRole('cell') });
  await expect(rows.first()).toBeVisible();
  const header = await grid.getByRole('columnheader').allInnerTexts();
  const column = header.indexOf('Budget left');
  expect(column).toBeGreaterThanOrEqual(0);
  const budgets = await rows.evaluateAll(
    (elements, index) => elements.map((row) => row.querySelectorAll('td')[index]?.textContent?.trim() ?? ''),
    column
  );
  const shown = budgets.map((text) => Number(text.replace('%', '')));
  expect(shown.length).toBeGreaterThan(1);
  expect(shown[0]).toBe(Math.min(...shown));

  const expr = table!.queries[0].expr;
  await expect.poll(() => queries.some((sent) => sent.expr === expr)).toBe(true);
  const { time } = [...queries].reverse().find((sent) => sent.expr === expr)!;
  const answer = await host.queryPrometheus(expr, time);
  expect(answer.length).toBe(shown.length);
  await host.screenshot(page, 'slo-page-grouped');
  await watcher.assertClean();
});
