import { testIds } from '../../src/components/testIds';
import { buildOnCallDashboard, dashboardPanels } from '../../src/domain/dashboards';
import { groupedSlos, sloGroupQueries } from '../../src/domain/dashboards/groups';
import { buildSloDashboard } from '../../src/domain/dashboards/sloPage';
import { Slo } from '../../src/domain/model';
import { groupText } from '../../src/pages/Slos/list/groupValues';
import { previewPlan } from '../../src/pages/Slos/editor/preview/previewPlan';
import { onCallUrl, sloEditUrl, sloUrl, slosUrl } from '../../src/routing';
import { byTestId, seriousViolations } from '../e2e/axe';
import { expect, test } from './host';
import { recordInstantQueries } from './pageQueries';
import { panel } from './pages';

/** The group label values of a Prometheus sample, as the pages write a group (`route=/checkout/pay`). */
function groupOf(slo: Slo, labels: Record<string, string>): string {
  return groupText(Object.fromEntries((slo.groupBy ?? []).map((label) => [label, labels[label] ?? ''])));
}

/** A budget as the pages print it: a percentage with one decimal. */
const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

test("a grouped SLO's page shows the burning group first, as Prometheus answers", async ({ host, page }) => {
  const watcher = host.watch(page);
  const queries = recordInstantQueries(page);
  const doc = await host.registry();
  const slo = doc.slos.find((item) => item.groupBy?.length)!;
  expect(slo, 'the demo registry has a grouped SLO').toBeDefined();
  const table = dashboardPanels(buildSloDashboard(doc, slo.id)).find((item) => item.title === 'Groups, worst first')!;

  await page.goto(sloUrl(slo.id));
  const grid = panel(page, table.title).getByRole('table');
  const rows = grid.getByRole('row').filter({ has: page.getByRole('cell') });
  await expect(rows.first()).toBeVisible();
  const header = await grid.getByRole('columnheader').allInnerTexts();
  expect(header).toEqual(expect.arrayContaining([...slo.groupBy!, 'Budget left', 'Firing alerts']));
  const cells = await rows.evaluateAll((elements) =>
    elements.map((row) => Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent?.trim() ?? ''))
  );
  const shown = cells.map((row) => ({
    group: groupText(Object.fromEntries(slo.groupBy!.map((label) => [label, row[header.indexOf(label)]]))),
    budget: row[header.indexOf('Budget left')],
  }));

  // Prometheus' own answer for every group's budget left, at the time the page asked
  const { budget } = sloGroupQueries(slo);
  await expect.poll(() => queries.some((sent) => sent.expr === `sort(${budget})`)).toBe(true);
  const { time } = [...queries].reverse().find((sent) => sent.expr === `sort(${budget})`)!;
  const answer = (await host.queryPrometheus(budget, time)).sort((a, b) => a.value - b.value);
  expect(answer.length, 'the SLO has several groups').toBeGreaterThan(1);
  expect(answer[0].value, 'the groups differ: one burns more than the others').toBeLessThan(
    answer[answer.length - 1].value
  );
  // the group with the least budget left heads the table, and every group shows Prometheus' figure
  expect(shown[0].group).toBe(groupOf(slo, answer[0].labels));
  expect(shown.map((row) => row.group).sort()).toEqual(answer.map((sample) => groupOf(slo, sample.labels)).sort());
  for (const sample of answer) {
    const row = shown.find((item) => item.group === groupOf(slo, sample.labels))!;
    expect(row.budget, groupOf(slo, sample.labels)).toBe(percent(sample.value));
  }
  await host.screenshot(page, 'grouped-slo-page');
  await watcher.assertClean();
});

test('the SLO list states the groups of a grouped SLO and expands it into them, worst first', async ({
  host,
  page,
}) => {
  const watcher = host.watch(page);
  const doc = await host.registry();
  const slo = doc.slos.find((item) => item.groupBy?.length)!;
  const { budget } = sloGroupQueries(slo);

  await page.goto(slosUrl({ q: slo.id }));
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: slo.name, exact: true }) });
  const summary = row.getByTestId(testIds.groups.summary);
  await expect(summary).toContainText(' groups, worst: ');
  const answer = (await host.queryPrometheus(budget)).sort((a, b) => a.value - b.value);
  expect(answer.length).toBeGreaterThan(1);
  await expect(summary).toHaveText(`${answer.length} groups, worst: ${groupOf(slo, answer[0].labels)}`);

  await row.getByRole('button', { name: 'Toggle row expanded' }).click();
  const groups = page.getByTestId(testIds.groups.list);
  const groupRows = groups.getByRole('row').filter({ has: page.getByRole('cell') });
  await expect(groupRows).toHaveCount(answer.length);
  const first = groupRows.first();
  for (const value of Object.values(Object.fromEntries(slo.groupBy!.map((l) => [l, answer[0].labels[l]])))) {
    await expect(first).toContainText(value);
  }
  await expect(first).toContainText(percent(answer[0].value));
  expect(await seriousViolations(page, [byTestId(testIds.slos.list)])).toEqual([]);
  await host.screenshot(page, 'grouped-slo-list');
  await watcher.assertClean();
});

test('the on-call view has the group as a variable and its worst groups, least budget first, as Prometheus answers', async ({
  host,
  page,
}) => {
  const watcher = host.watch(page);
  const queries = recordInstantQueries(page);
  const doc = await host.registry();
  const slo = doc.slos.find((item) => item.groupBy?.length)!;
  const model = buildOnCallDashboard(doc, slo.serviceId);
  const table = dashboardPanels(model).find((item) => item.title === 'Worst groups')!;
  expect(table, 'the on-call view of a service with a grouped SLO has the table').toBeDefined();
  expect(groupedSlos(doc.slos.filter((item) => item.serviceId === slo.serviceId))).toEqual([slo]);

  await page.goto(onCallUrl(slo.serviceId));
  for (const label of slo.groupBy!) {
    await expect(page.getByTestId(`data-testid Dashboard template variables submenu Label ${label}`)).toBeVisible();
  }
  const grid = panel(page, table.title).getByRole('table');
  const rows = grid.getByRole('row').filter({ has: page.getByRole('cell') });
  await expect(rows.first()).toBeVisible();
  const header = await grid.getByRole('columnheader').allInnerTexts();
  expect(header).toEqual(['SLO', ...slo.groupBy!, 'Budget left', 'Burn rate (5m)']);
  const cells = await rows.evaluateAll((elements) =>
    elements.map((row) => Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent?.trim() ?? ''))
  );

  // the page's budget query, with the variables filled in as sent (All: the variable's allValue),
  // answered by Prometheus itself
  const allValues = new Map(model.variables.map((variable) => [variable.name, variable.allValue ?? '.*']));
  const expr = table.queries[0].expr.replace(
    /=~"\$(\w+)"/g,
    (_all, name: string) => `=~"${allValues.get(name) ?? '.*'}"`
  );
  await expect.poll(() => queries.some((sent) => sent.expr === expr)).toBe(true);
  const { time } = [...queries].reverse().find((sent) => sent.expr === expr)!;
  const answer = (await host.queryPrometheus(expr, time)).sort((a, b) => a.value - b.value);
  expect(answer.length).toBeGreaterThan(1);
  expect(
    cells.map((row) => groupText(Object.fromEntries(slo.groupBy!.map((label) => [label, row[header.indexOf(label)]]))))
  ).toEqual(answer.map((sample) => groupOf(slo, sample.labels)));
  expect(cells.map((row) => row[header.indexOf('Budget left')])).toEqual(answer.map((sample) => percent(sample.value)));
  expect(await seriousViolations(page, [byTestId(`data-testid Panel header ${table.title}`)])).toEqual([]);
  await host.screenshot(page, 'grouped-oncall');
  await watcher.assertClean();
});

test("the SLO editor shows a grouped SLO's labels and previews each group, least budget first, as Prometheus answers", async ({
  host,
  page,
}) => {
  const watcher = host.watch(page);
  const queries = recordInstantQueries(page);
  const doc = await host.registry();
  const slo = doc.slos.find((item) => item.groupBy?.length)!;
  const groupsQuery = previewPlan(slo)!.summary.find((query) => query.refId === 'groups')!;
  expect(groupsQuery, 'the preview reads the groups').toBeDefined();

  await page.goto(sloEditUrl(slo.id));
  // the Group by field: the innermost block holding both its label and its input
  const field = page
    .locator('div')
    .filter({ has: page.getByTestId(testIds.groups.field) })
    .filter({ hasText: 'Group by' })
    .last();
  for (const label of slo.groupBy!) {
    await expect(field).toContainText(label);
  }
  const preview = page.getByTestId(testIds.groups.preview);
  const rows = preview.getByRole('row').filter({ has: page.getByRole('cell') });
  await expect(rows.first()).toBeVisible({ timeout: 30000 });

  // the preview's own query over the window, answered by Prometheus at the time the page asked
  const sent = () => [...queries].reverse().find((item) => item.expr === groupsQuery.expr);
  await expect.poll(() => Boolean(sent())).toBe(true);
  const { expr, time } = sent()!;
  const answer = (await host.queryPrometheus(expr, time))
    .filter((sample) => Number.isFinite(sample.value))
    .sort((a, b) => b.value - a.value);
  expect(answer.length).toBeGreaterThan(1);
  const shown = await rows.evaluateAll((elements) =>
    elements.map((row) => row.querySelector('td')?.textContent?.trim() ?? '')
  );
  // the highest error ratio is the least budget left: it heads the preview
  expect(shown.slice(0, answer.length)).toEqual(answer.map((sample) => sample.labels[slo.groupBy![0]]));
  expect(await seriousViolations(page, [byTestId(testIds.groups.preview)])).toEqual([]);
  await host.screenshot(page, 'grouped-editor');
  await watcher.assertClean();
});
