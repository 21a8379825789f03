import { expect, test } from '@playwright/test';
import { ROUTES } from '../../../src/constants';
import { buildExecutiveDashboard, dashboardPanels } from '../../../src/domain/dashboards';
import { prefixRoute } from '../../../src/routing';
import { watchPage } from '../watchPage';
import { prometheusUrl, queryPrometheus, recordInstantQueries } from './prometheusQueries';
import { journeyScreenshot, useJourneySandbox } from './sandboxInstance';

const sandbox = useJourneySandbox(7);

const SERVICE = 'checkout';
const TABLE = 'SLO compliance';
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

test('the executive compliance table shows what Prometheus answers for the same queries at the same time', async ({
  page,
}) => {
  const prometheus = prometheusUrl();
  const watcher = watchPage(page);
  const queries = recordInstantQueries(page);
  const model = dashboardPanels(buildExecutiveDashboard(await sandbox().registry())).find(
    (panel) => panel.title === TABLE
  );
  expect(model?.columns, `the executive dashboard has no "${TABLE}" table`).toBeDefined();
  const exprOf = (title: string) => {
    const column = model!.columns!.find((item) => item.title === title);
    const query = column?.kind === 'value' ? model!.queries.find((item) => item.refId === column.refId) : undefined;
    expect(query, `no query behind the "${title}" column`).toBeDefined();
    return query!.expr;
  };

  await page.goto(prefixRoute(ROUTES.Executive));
  await page.getByRole('heading', { name: 'Executive', exact: true }).first().waitFor();
  const table = page.getByTestId(`data-testid Panel header ${TABLE}`).getByRole('table');
  const rows = table.getByRole('row').filter({ has: page.getByRole('cell', { name: SERVICE, exact: true }) });
  // Rows appear once all five queries answered; every SLO of the service has its budget left.
  await expect(rows.first()).toBeVisible();
  const header = await table.getByRole('columnheader').allInnerTexts();
  expect(header).toEqual(expect.arrayContaining(['SLO', ...COMPARED]));
  await expect(rows.getByRole('cell').nth(header.indexOf('Budget left'))).toHaveText(/%$/);
  await journeyScreenshot(page, 'executive-table');

  const shown = await rows.evaluateAll((elements) =>
    elements.map((row) => Array.from(row.querySelectorAll('td'), (cell) => cell.textContent?.trim() ?? ''))
  );
  const sloColumn = header.indexOf('SLO');
  expect(sloColumn).toBeGreaterThanOrEqual(0);
  const registry = await sandbox().registry();
  const slosOfService = registry.slos.filter((slo) => slo.serviceId === SERVICE).map((slo) => slo.id);
  expect(shown.length).toBeGreaterThan(0);
  for (const row of shown) {
    expect(slosOfService).toContain(row[sloColumn]);
  }

  for (const title of COMPARED) {
    const expr = exprOf(title);
    const asked = queries.filter((query) => query.expr === expr);
    expect(asked.length, `the page never asked for the "${title}" column: ${expr}`).toBeGreaterThan(0);
    // The table shows the answer to the latest request.
    const { time } = asked[asked.length - 1];
    const answer = await queryPrometheus(prometheus, expr, time);
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
  await watcher.assertClean();
});
