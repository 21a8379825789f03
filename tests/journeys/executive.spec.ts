import { ROUTES } from '../../src/constants';
import { buildExecutiveDashboard, dashboardPanels } from '../../src/domain/dashboards';
import { prefixRoute } from '../../src/routing';
import { expect, test } from './host';
import { recordInstantQueries } from './pageQueries';
import { panel } from './pages';

const SERVICE = 'checkout';
const TABLE = 'SLO compliance';
const WITHIN_BUDGET = 'SLOs within budget';
/** Columns of the compliance table compared with Prometheus; all are `percentunit`. */
const COMPARED = ['Objective', 'SLI (window)', 'Budget left'];

/**
 * `value` (a ratio) as a percentage with as many decimals as `shown` has, rounded half up: the
 * table shows ratios with Grafana's `percentunit` unit, whose decimals depend on the value.
 */
function asPercentLike(shown: string, value: number): string {
  const decimals = /^-?\d+(?:\.(\d+))?%$/.exec(shown)?.[1]?.length ?? 0;
  const factor = 10 ** decimals;
  return `${(Math.round(value * 100 * factor) / factor).toFixed(decimals)}%`;
}

test('the executive page shows what Prometheus answers for the same queries at the same time', async ({
  host,
  page,
}) => {
  const watcher = host.watch(page);
  const queries = recordInstantQueries(page);
  const registry = await host.registry();
  const panels = dashboardPanels(buildExecutiveDashboard(registry));
  const model = panels.find((item) => item.title === TABLE);
  expect(model?.columns, `the executive dashboard has no "${TABLE}" table`).toBeDefined();
  const exprOf = (title: string) => {
    const column = model!.columns!.find((item) => item.title === title);
    const query = column?.kind === 'value' ? model!.queries.find((item) => item.refId === column.refId) : undefined;
    expect(query, `no query behind the "${title}" column`).toBeDefined();
    return query!.expr;
  };
  const answerTo = async (expr: string, title: string) => {
    const asked = queries.filter((query) => query.expr === expr);
    expect(asked.length, `the page never asked for "${title}": ${expr}`).toBeGreaterThan(0);
    // The page shows the answer to its latest request.
    const { time } = asked[asked.length - 1];
    return { time, answer: await host.queryPrometheus(expr, time) };
  };

  await page.goto(prefixRoute(ROUTES.Executive));
  await page.getByRole('heading', { name: 'Executive', exact: true }).first().waitFor();
  const table = panel(page, TABLE).getByRole('table');
  const rows = table.getByRole('row').filter({ has: page.getByRole('cell', { name: SERVICE, exact: true }) });
  // Rows appear once all the table's queries answered; every SLO of the service has its budget left.
  await expect(rows.first()).toBeVisible();
  const header = await table.getByRole('columnheader').allInnerTexts();
  expect(header).toEqual(expect.arrayContaining(['SLO', ...COMPARED]));
  await expect(rows.getByRole('cell').nth(header.indexOf('Budget left'))).toHaveText(/%$/);
  // Every service with SLOs has rows in the table.
  for (const serviceId of new Set(registry.slos.map((slo) => slo.serviceId))) {
    await expect(table.getByRole('cell', { name: serviceId, exact: true }).first()).toBeVisible();
  }
  await host.screenshot(page, 'executive-table');

  const shown = await rows.evaluateAll((elements) =>
    elements.map((row) => Array.from(row.querySelectorAll('td'), (cell) => cell.textContent?.trim() ?? ''))
  );
  const sloColumn = header.indexOf('SLO');
  expect(sloColumn).toBeGreaterThanOrEqual(0);
  const slosOfService = registry.slos.filter((slo) => slo.serviceId === SERVICE).map((slo) => slo.id);
  expect(shown.length).toBeGreaterThan(0);
  for (const row of shown) {
    expect(slosOfService).toContain(row[sloColumn]);
  }

  for (const title of COMPARED) {
    const { time, answer } = await answerTo(exprOf(title), title);
    const column = header.indexOf(title);
    for (const row of shown) {
      const sample = answer.find(
        ({ labels }) => labels.sloth_service === SERVICE && labels.sloth_id === row[sloColumn]
      );
      expect(sample, `Prometheus has no "${title}" for ${row[sloColumn]} at ${time}`).toBeDefined();
      expect(row[column], `"${title}" of ${row[sloColumn]}`).toBe(asPercentLike(row[column], sample!.value));
    }
    // And every SLO of the service Prometheus answers for is in the table.
    const answered = answer
      .filter(({ labels }) => labels.sloth_service === SERVICE)
      .map(({ labels }) => labels.sloth_id);
    expect([...answered].sort()).toEqual(shown.map((row) => row[sloColumn]).sort());
  }

  // The stat shows the number the same query gives.
  const stat = panel(page, WITHIN_BUDGET);
  await expect(stat).toContainText(/\d/);
  const statExpr = panels.find((item) => item.title === WITHIN_BUDGET)?.queries[0].expr;
  expect(statExpr, `the executive dashboard has no "${WITHIN_BUDGET}" stat`).toBeDefined();
  const { answer } = await answerTo(statExpr!, WITHIN_BUDGET);
  expect(answer).toHaveLength(1);
  const statText = (await stat.innerText()).replace(WITHIN_BUDGET, '');
  expect(Number(statText.match(/-?\d+(\.\d+)?/)?.[0])).toBe(answer[0].value);
  await watcher.assertClean();
});
