import type { Page } from '@playwright/test';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { testIds } from '../../src/components/testIds';
import { calendarPeriod } from '../../src/domain/budget/period';
import { sloEditUrl, sloUrl } from '../../src/routing';
import { expect, test } from './host';
import { panel } from './pages';

const SLO = 'checkout-availability';
const ZONE = 'Europe/Berlin';

interface RuleFile {
  groups: Array<{ name: string; interval?: string; rules: Array<{ record?: string; expr: string }> }>;
}

/** The SLO's own rule file, as the editor's download menu offers it, saved in the test's output. */
async function downloadRules(page: Page, file: string): Promise<RuleFile> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    (async () => {
      await page.getByTestId(testIds.sloEditor.download).click();
      await page.getByRole('menuitem', { name: 'This SLO' }).click();
    })(),
  ]);
  await download.saveAs(file);
  const { stdout } = await promisify(execFile)(process.env.PROMTOOL ?? 'promtool', ['check', 'rules', file]);
  expect(stdout).toContain('SUCCESS');
  return parse(readFileSync(file, 'utf8')) as RuleFile;
}

test('a calendar month in Berlin: the editor, the SLO page and rules whose period ratio is Prometheus’ own sum since the 1st', async ({
  host,
  page,
}, testInfo) => {
  const watcher = host.watch(page);
  const before = await host.revision();

  // The editor offers the calendar windows; a calendar one asks for its time zone.
  await page.goto(sloEditUrl(SLO));
  await expect(page.getByTestId(testIds.sloEditor.form)).toBeVisible();
  await expect(page.getByTestId(testIds.sloEditor.timeZone)).toHaveCount(0);
  await page.getByTestId(testIds.sloEditor.window).getByRole('radio', { name: 'Calendar month', exact: true }).check();
  const zone = page.getByTestId(testIds.sloEditor.timeZone);
  await zone.getByRole('combobox').click();
  await zone.getByRole('combobox').fill('Berlin');
  await page
    .getByRole('option', { name: /Berlin/ })
    .first()
    .click();
  const now = new Date();
  const month = calendarPeriod('month', now, ZONE);
  const days = Math.round((month.end.getTime() - month.start.getTime()) / 86_400_000);
  await expect(page.getByTestId(testIds.sloEditor.budgetTime)).toContainText(
    `99.9% over this calendar month (${days} days)`
  );
  // The preview measures the month so far from Prometheus' real series.
  await expect(page.getByTestId(testIds.sloEditor.previewSummary)).toContainText(/Over the window: SLI \d+(\.\d+)?%/, {
    timeout: 20000,
  });
  await host.screenshot(page, 'calendar-editor');
  await page.getByTestId(testIds.sloEditor.save).click();
  await expect.poll(() => host.revision()).toBe(before + 1);
  expect((await host.registry()).slos.find((slo) => slo.id === SLO)).toMatchObject({
    window: 'calendar-month',
    timeZone: ZONE,
  });

  // The SLO page names the period and what the rest of the month may burn.
  await page.goto(sloUrl(SLO));
  await expect(page.getByTestId(testIds.sloPage.header)).toContainText(`99.9% over calendar month (${ZONE})`);
  await expect(panel(page, 'SLI over this month')).toBeVisible();
  await expect(panel(page, 'Burn allowed until the month ends')).toBeVisible();
  await host.screenshot(page, 'calendar-slo-page');

  // Its rules pass promtool and record the period ratio every hour.
  await page.goto(sloEditUrl(SLO));
  const rules = await downloadRules(page, testInfo.outputPath(`slo-${SLO}.rules.yaml`));
  const period = rules.groups.find((group) => group.name === `slo-${SLO}-period`);
  expect(period?.interval).toBe('1h');
  const ratio = period!.rules.find((rule) => rule.record === 'slo:period_error:ratio')!;

  // Evaluated by the demo's Prometheus on the hour, the rule's expression is the errors over the
  // events of the hourly tiles since the month started in Berlin, as Prometheus sums them itself.
  const hour = Math.floor(Date.now() / 3_600_000) * 3600;
  const since = hour - month.start.getTime() / 1000;
  expect(since).toBeGreaterThan(0);
  // 1 s short of the start: Prometheus 2 ranges include both ends, the rule leaves out a tile on the start
  const tiles = (name: string) => `sum_over_time(${name}{sloth_id="${SLO}"}[${since - 1}s])`;
  const [expected] = await host.queryPrometheus(
    `${tiles('slo:sli_error:increase1h')} / ${tiles('slo:sli_total:increase1h')}`,
    hour
  );
  const [measured] = await host.queryPrometheus(ratio.expr, hour);
  expect(expected).toBeDefined();
  expect(measured.value).toBeCloseTo(expected.value, 12);
  await watcher.assertClean();
});
