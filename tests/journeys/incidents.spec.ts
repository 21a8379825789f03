import type { Page } from '@playwright/test';
import { testIds } from '../../src/components/testIds';
import { ROUTES } from '../../src/constants';
import { formatBudgetDuration } from '../../src/domain/budget/format';
import { assessIncidents, firingFromForState, IncidentReport, pageAlertsQuery } from '../../src/domain/incidents';
import type { RegistryDocument } from '../../src/domain/model';
import { prefixRoute, serviceUrl, sloUrl } from '../../src/routing';
import { expect, JourneyHost, test } from './host';
import { InstantQuery, recordInstantQueries } from './pageQueries';

/** The pages' window: the last 30 days up to the read. */
const WINDOW_MS = 30 * 86_400_000;
const ALERTS_QUERY = pageAlertsQuery(WINDOW_MS);

/** The page's one read of the page alerts: its evaluation time, in seconds. */
async function alertsRead(queries: InstantQuery[]): Promise<number> {
  await expect.poll(() => queries.filter((query) => query.expr === ALERTS_QUERY).length).toBe(1);
  return queries.find((query) => query.expr === ALERTS_QUERY)!.time;
}

/**
 * The report the domain makes of Prometheus' own answer to the page's alerts query at the page's
 * time: the same window, the same firing periods, nothing else read (MTTR and counts need no more).
 */
async function reportAt(host: JourneyHost, registry: RegistryDocument, time: number): Promise<IncidentReport> {
  const to = Math.round(time * 1000);
  const series = await host.queryPrometheusMatrix(ALERTS_QUERY, time);
  return assessIncidents({
    doc: registry,
    window: { from: to - WINDOW_MS, to },
    series: firingFromForState(series, to),
  });
}

/** The texts of a table's rows below its header, one array of cell texts each. */
function cellTexts(page: Page, testId: string) {
  return page
    .getByTestId(testId)
    .getByRole('row')
    .filter({ has: page.getByRole('cell') })
    .evaluateAll((rows) =>
      rows.map((row) => Array.from(row.querySelectorAll('td'), (cell) => cell.innerText.split('\n')[0].trim()))
    );
}

test('the executive page shows each business owner’s MTTR as the incidents in Prometheus’ ALERTS_FOR_STATE give it', async ({
  host,
  page,
}) => {
  const watcher = host.watch(page);
  const queries = recordInstantQueries(page);
  const registry = await host.registry();

  await page.goto(prefixRoute(ROUTES.Executive));
  const section = page.getByTestId(testIds.incidents.response);
  await expect(section.getByRole('row').nth(1)).toBeVisible({ timeout: 30_000 });
  const report = await reportAt(host, registry, await alertsRead(queries));
  expect(
    report.owners.filter((owner) => owner.stats.count > 0).length,
    'some business owner had incidents in the last 30 days'
  ).toBeGreaterThan(0);

  const header = await section.getByRole('columnheader').allInnerTexts();
  const [owner, count, mttr] = ['Business owner', 'Incidents', 'MTTR'].map((title) => header.indexOf(title));
  const names = new Map(registry.people.map((person) => [person.id, person.name]));
  const expected = report.owners.map((item) => [
    names.get(item.owner) ?? item.owner,
    String(item.stats.count),
    item.stats.mttrMs === undefined ? '—' : formatBudgetDuration(item.stats.mttrMs / 1000),
  ]);
  const shown = (await cellTexts(page, testIds.incidents.response)).map((row) => [row[owner], row[count], row[mttr]]);
  expect(shown).toEqual(expected);
  await section.scrollIntoViewIfNeeded();
  await host.screenshot(page, 'incidents-executive');
  await watcher.assertClean();
});

test.describe('signed in as an Editor', () => {
  test.use({ role: 'Editor' });

  test('acknowledges an incident on the service page: the row shows who, and it is still there after a reload', async ({
    host,
    page,
  }) => {
    const watcher = host.watch(page);
    const registry = await host.registry();
    const report = await reportAt(host, registry, Date.now() / 1000);
    const counts = report.services.filter((service) => service.stats.unacknowledged > 0);
    expect(counts.length, 'a service has an unacknowledged incident in the last 30 days').toBeGreaterThan(0);
    const serviceId = [...counts].sort((a, b) => b.stats.count - a.stats.count)[0].serviceId;
    const me = (await (await page.request.get('/api/user')).json()) as { login: string };

    await page.goto(serviceUrl(serviceId));
    const table = page.getByTestId(testIds.incidents.table);
    const rows = table.getByRole('row').filter({ has: page.getByRole('cell') });
    await expect(rows.first()).toBeVisible({ timeout: 30_000 });
    // The first row with the button; rows keep their order (latest start first) when read again.
    const withButton = await rows.evaluateAll(
      (elements, testId) =>
        elements.findIndex((element) => element.querySelector(`[data-testid="${testId}"]`) !== null),
      testIds.incidents.acknowledge
    );
    expect(withButton).toBeGreaterThanOrEqual(0);
    const same = rows.nth(withButton);
    await host.screenshot(page, 'incidents-service-before');

    await same.getByTestId(testIds.incidents.acknowledge).click();
    await expect(same).toContainText(`by ${me.login} after`);
    await expect(same.getByTestId(testIds.incidents.acknowledge)).toHaveCount(0);
    await host.screenshot(page, 'incidents-service-acknowledged');

    // Stored in Grafana as an organization annotation with the app's tag, naming the incident.
    const stored = (await (await page.request.get('/api/annotations?tags=bizowner-incident-ack')).json()) as Array<{
      tags: string[];
      login: string;
      dashboardUID: string | null;
    }>;
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ login: me.login, dashboardUID: null });
    expect(stored[0].tags.some((tag) => tag.startsWith('incident:'))).toBe(true);

    await page.reload();
    await expect(same).toContainText(`by ${me.login} after`, { timeout: 30_000 });
    await watcher.assertClean();
  });
});

test('the SLO page lists the incidents of its SLO', async ({ host, page }) => {
  const watcher = host.watch(page);
  const queries = recordInstantQueries(page);
  const registry = await host.registry();
  const now = await reportAt(host, registry, Date.now() / 1000);
  const sloId = now.incidents[0]?.sloId;
  expect(sloId, 'an SLO had an incident in the last 30 days').toBeDefined();
  const slo = registry.slos.find((item) => item.id === sloId)!;

  await page.goto(sloUrl(slo.id));
  const rows = page
    .getByTestId(testIds.incidents.table)
    .getByRole('row')
    .filter({ has: page.getByRole('cell') });
  await expect(rows.first()).toBeVisible({ timeout: 30_000 });
  const report = await reportAt(host, registry, await alertsRead(queries));
  const expected = report.incidents.filter((incident) => incident.sloId === slo.id);
  expect(expected.length).toBeGreaterThan(0);
  await expect(rows).toHaveCount(expected.length);
  for (const shown of await cellTexts(page, testIds.incidents.table)) {
    expect(shown[1]).toBe(slo.name);
  }
  await expect(page.getByTestId(testIds.incidents.section)).not.toContainText('Could not');
  await page.getByTestId(testIds.incidents.section).scrollIntoViewIfNeeded();
  await host.screenshot(page, 'incidents-slo-page');
  await watcher.assertClean();
});
