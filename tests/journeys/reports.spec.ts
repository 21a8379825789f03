import type { Page } from '@playwright/test';
import { testIds } from '../../src/components/testIds';
import { ROUTES } from '../../src/constants';
import { parsePeriodName, periodName, previousCalendarPeriod } from '../../src/domain/budget/period';
import type { RegistryDocument, Slo } from '../../src/domain/model';
import { detectIncidents, firingFromForState, pageAlertsQuery } from '../../src/domain/incidents';
import { isCountableSli } from '../../src/domain/query/sli';
import { SETTLE_MS } from '../../src/domain/reports';
import { formatAttainment, formatSpent } from '../../src/pages/Reports/reportFormat';
import { prefixRoute } from '../../src/routing';
import { reportUid } from '../../src/storage/reports/reportDocuments';
import { expect, JourneyHost, test } from './host';
import { signInAs } from './pages';

const DAY_MS = 86_400_000;
/** The demo stack backfills 30 days before its start: a week wholly after this many days ago has data. */
const HISTORY_DAYS = 29;

/**
 * The last full ISO week (UTC, as the demo SLOs are) that is final (ended over an hour ago, so its
 * last hourly tile is recorded) and lies wholly inside the demo history. A month does not: the
 * history covers 30 days, less than the last full month whenever the month has started.
 */
function lastCoveredWeek(now: number): { name: string; start: number; end: number } {
  let at = new Date(now);
  for (;;) {
    const period = previousCalendarPeriod('week', at);
    const name = periodName('week', period.start);
    if (period.end.getTime() + SETTLE_MS <= now) {
      expect(period.start.getTime(), `${name} lies in the demo history`).toBeGreaterThan(now - HISTORY_DAYS * DAY_MS);
      return { name, start: period.start.getTime(), end: period.end.getTime() };
    }
    at = new Date(period.start.getTime());
  }
}

/**
 * Prometheus' own answer for an SLO over `[start, end)`, written out here: attainment and budget
 * spent in percent, or undefined when Prometheus holds no samples for it (a log SLI without a Loki
 * ruler in the demo stack).
 */
async function prometheusFigures(host: JourneyHost, slo: Slo, period: { start: number; end: number }) {
  // the whole period, 1 ms short of it (ranges include both ends on Prometheus 2)
  const range = `${period.end - period.start - 1}ms`;
  const at = period.end / 1000;
  const one = async (expr: string) => (await host.queryPrometheus(expr, at))[0]?.value;
  const selector = `{sloth_id="${slo.id}"}`;
  let errorRatio: number | undefined;
  if (isCountableSli(slo.sli)) {
    const errors = await one(`sum(sum_over_time(slo:sli_error:increase1h${selector}[${range}] @ ${at}))`);
    const total = await one(`sum(sum_over_time(slo:sli_total:increase1h${selector}[${range}] @ ${at}))`);
    errorRatio = errors === undefined || !total ? undefined : errors / total;
  } else {
    errorRatio = await one(`avg(avg_over_time(slo:sli_error:ratio_rate5m${selector}[${range}] @ ${at}))`);
  }
  return errorRatio === undefined
    ? undefined
    : { attainment: (1 - errorRatio) * 100, spent: (errorRatio / (1 - slo.objective / 100)) * 100 };
}

/**
 * Each SLO's incidents that started in the period, by the incident definitions over Prometheus' own
 * `ALERTS_FOR_STATE` answer (a day before the period included, for an incident open at its start).
 */
async function prometheusIncidents(
  host: JourneyHost,
  period: { start: number; end: number }
): Promise<Map<string, number>> {
  const series = await host.queryPrometheusMatrix(
    pageAlertsQuery(period.end - period.start + DAY_MS),
    period.end / 1000
  );
  const counts = new Map<string, number>();
  for (const incident of detectIncidents(firingFromForState(series, period.end))) {
    if (incident.start >= period.start && incident.start < period.end) {
      counts.set(incident.sloId, (counts.get(incident.sloId) ?? 0) + 1);
    }
  }
  return counts;
}

/**
 * Removes the kept report of `period`, if any: on a Grafana that keeps its state between runs, each
 * run starts from a week that is not kept and leaves none behind.
 */
async function forgetKeptReport(page: Page, period: string): Promise<void> {
  const answer = await page.request.delete(`/api/dashboards/uid/${reportUid(period)}`);
  expect([200, 404], `DELETE ${reportUid(period)}`).toContain(answer.status());
}

function sloRow(page: Page, slo: Slo) {
  return page.getByRole('row').filter({ has: page.getByRole('link', { name: slo.name, exact: true }) });
}

/**
 * Every SLO's row of the report on the page shows what Prometheus answers for the same window:
 * incidents, attainment, budget spent, met or missed; most SLOs have data.
 */
async function expectPrometheusFigures(
  page: Page,
  host: JourneyHost,
  doc: RegistryDocument,
  period: { start: number; end: number }
): Promise<void> {
  const incidents = await prometheusIncidents(host, period);
  const header = await page.getByTestId(testIds.reports.table).first().getByRole('columnheader').allInnerTexts();
  const incidentsColumn = header.indexOf('Incidents');
  expect(incidentsColumn).toBeGreaterThan(0);
  let measured = 0;
  for (const slo of doc.slos) {
    await expect(sloRow(page, slo).getByRole('cell').nth(incidentsColumn), `${slo.id} incidents`).toHaveText(
      String(incidents.get(slo.id) ?? 0)
    );
    const expected = await prometheusFigures(host, slo, period);
    const row = sloRow(page, slo);
    if (!expected) {
      await expect(row, slo.id).toContainText('No data');
      continue;
    }
    measured += 1;
    await expect(row, slo.id).toContainText(formatAttainment(expected.attainment, slo.objective));
    await expect(row, slo.id).toContainText(formatSpent(expected.spent));
    await expect(row, slo.id).toContainText(expected.attainment >= slo.objective ? 'Met' : 'Missed');
  }
  expect(measured, 'SLOs with data in the period').toBeGreaterThan(doc.slos.length / 2);
}

test.use({ timezoneId: 'UTC' });

test('the last full week’s report shows what Prometheus answers for the same window; its owner signs it off and it stays signed after a reload', async ({
  context,
  host,
  page,
}) => {
  const watcher = host.watch(page);
  const doc = await host.registry();
  const week = lastCoveredWeek(Date.now());
  expect(parsePeriodName(week.name)).toMatchObject({ unit: 'week' });
  const service = doc.services.find(
    (item) => item.owners.businessOwner && doc.slos.some((slo) => slo.serviceId === item.id)
  )!;
  const owner = doc.people.find((person) => person.id === service.owners.businessOwner)!;
  await signInAs(context, owner);
  await forgetKeptReport(page, week.name);

  await page.goto(`${prefixRoute(ROUTES.Reports)}?period=${week.name}`);
  // Admins may write the registry's folder: the first read of an ended week keeps it.
  await expect(page.getByTestId(testIds.reports.status)).toContainText('Final', { timeout: 30_000 });

  await expectPrometheusFigures(page, host, doc, week);
  await host.screenshot(page, 'reports-week');

  const section = page.getByTestId(testIds.reports.ownerSection).filter({ hasText: owner.name });
  await section.getByTestId(testIds.reports.signOff).click();
  await expect(section.getByTestId(testIds.reports.signedOff)).toContainText(`Signed off by ${owner.id}`);

  await page.reload();
  await expect(page.getByTestId(testIds.reports.status)).toContainText('Final', { timeout: 30_000 });
  const again = page.getByTestId(testIds.reports.ownerSection).filter({ hasText: owner.name });
  await expect(again.getByTestId(testIds.reports.signedOff)).toContainText(`Signed off by ${owner.id}`);
  await expect(again.getByTestId(testIds.reports.signOff)).toHaveCount(0);
  // Another owner's section has no button for this user.
  const others = page.getByTestId(testIds.reports.ownerSection).filter({ hasNotText: owner.name });
  await expect(others.getByTestId(testIds.reports.signOff)).toHaveCount(0);
  await host.screenshot(page, 'reports-signed-off');
  await watcher.assertClean();
  await forgetKeptReport(page, week.name);
});

test('the last full month’s report shows what Prometheus answers for the same window, over the part of it the demo history holds', async ({
  host,
  page,
}) => {
  const watcher = host.watch(page);
  const doc = await host.registry();
  const month = previousCalendarPeriod('month', new Date());
  const name = periodName('month', month.start);
  await forgetKeptReport(page, name);
  await page.goto(`${prefixRoute(ROUTES.Reports)}?period=${name}`);
  await expect(page.getByTestId(testIds.reports.status)).toContainText('Final', { timeout: 30_000 });
  await expectPrometheusFigures(page, host, doc, { start: month.start.getTime(), end: month.end.getTime() });
  await host.screenshot(page, 'reports-month');
  await watcher.assertClean();
  await forgetKeptReport(page, name);
});
