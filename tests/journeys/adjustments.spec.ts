import type { Page } from '@playwright/test';
import { testIds } from '../../src/components/testIds';
import { adjustedFigureQueries } from '../../src/domain/adjustments/adjustedQueries';
import { businessOwnerOf } from '../../src/domain/adjustments/adjustments';
import { sloUrl } from '../../src/routing';
import { byTestId, seriousViolations } from '../e2e/axe';
import { expect, test } from './host';
import { signInAs } from './pages';

const SLO = 'checkout-availability';
const HOUR_MS = 3_600_000;
/** Budget left and SLI move a little between the page's read and the test's. */
const TOLERANCE = 0.01;

/** `datetime-local` text of an epoch ms in UTC (the browser runs in UTC here). */
const localInput = (ms: number) => new Date(ms).toISOString().slice(0, 16);

/** A figure of the section: its exact value, as the page read it. */
async function figure(page: Page, testId: string): Promise<number> {
  const element = page.getByTestId(testId);
  await expect(element).toHaveAttribute('data-value', /\d/, { timeout: 30_000 });
  return Number(await element.getAttribute('data-value'));
}

test.use({ role: 'Editor', timezoneId: 'UTC' });

test('an Editor records a maintenance window, the business owner approves it, and the SLO page shows raw and adjusted budget', async ({
  browser,
  host,
  page,
}) => {
  const watcher = host.watch(page);
  const doc = await host.registry();
  const slo = doc.slos.find((item) => item.id === SLO)!;
  expect(slo, `the demo registry has ${SLO}`).toBeDefined();
  const service = doc.services.find((item) => item.id === slo.serviceId)!;
  const owner = businessOwnerOf(service, doc.people)!;
  expect(owner, `${service.id} has a business owner`).toBeDefined();

  // The hour of the SLO's period with the most errors, from its hourly tiles, as Prometheus has it.
  const now = Date.now();
  const [tiles] = await host.queryPrometheusMatrix(`slo:sli_error:increase1h{sloth_id="${SLO}"}[29d]`, now / 1000);
  expect(tiles?.samples.length, `${SLO} has hourly error tiles`).toBeGreaterThan(0);
  const [worstEnd, worstErrors] = tiles.samples
    .filter(([at]) => at < now - HOUR_MS)
    .reduce((worst, sample) => (sample[1] > worst[1] ? sample : worst));
  expect(worstErrors, `${SLO} had errors in its period`).toBeGreaterThan(0);
  // the tile that ends at T counts the hour before T
  const end = Math.floor(worstEnd / 60_000) * 60_000;
  const start = end - HOUR_MS;

  // The Editor records the window for this SLO.
  await page.goto(sloUrl(SLO));
  const section = page.getByTestId(testIds.adjustments.section);
  await expect(section).toBeVisible({ timeout: 30_000 });
  const rawBefore = await figure(page, testIds.adjustments.rawBudget);
  expect(await figure(page, testIds.adjustments.adjustedBudget)).toBeCloseTo(rawBefore, 3);
  const revision = await host.revision();
  await page.getByTestId(testIds.adjustments.add).click();
  await section.locator('#adjustment-reason').fill('Database upgrade CHG-311');
  await section.locator('#adjustment-start').fill(localInput(start));
  await section.locator('#adjustment-end').fill(localInput(end));
  // the section with its form open has no serious or critical accessibility violation
  expect(await seriousViolations(page, [byTestId(testIds.adjustments.section)])).toEqual([]);
  await section.getByTestId(testIds.adjustments.save).click();
  await expect.poll(() => host.revision(), { timeout: 15_000 }).toBeGreaterThan(revision);
  const recorded = (await host.registry()).services.find((item) => item.id === service.id)!.budgetPolicy
    ?.adjustments?.[0];
  expect(recorded).toMatchObject({
    kind: 'maintenance',
    reason: 'Database upgrade CHG-311',
    sloIds: [SLO],
    start: new Date(start).toISOString(),
    end: new Date(end).toISOString(),
    by: 'editor',
  });
  expect(recorded?.approval).toBeUndefined();
  const item = section.getByTestId(testIds.adjustments.item);
  await expect(item.getByTestId(testIds.adjustments.status)).toHaveText('Pending approval');
  // the Editor is not the business owner: no approval, and no effect yet
  await expect(item.getByTestId(testIds.adjustments.approve)).toBeDisabled();
  await host.screenshot(page, 'adjustments-pending');

  // The business owner opens the same page and approves.
  const ownerContext = await browser.newContext({ baseURL: host.baseURL, timezoneId: 'UTC' });
  try {
    await signInAs(ownerContext, owner);
    const ownerPage = await ownerContext.newPage();
    const ownerWatcher = host.watch(ownerPage);
    await ownerPage.goto(sloUrl(SLO));
    const ownerSection = ownerPage.getByTestId(testIds.adjustments.section);
    const approve = ownerSection.getByTestId(testIds.adjustments.approve);
    await expect(approve).toBeEnabled({ timeout: 30_000 });
    const pendingRevision = await host.revision();
    await approve.click();
    await expect.poll(() => host.revision(), { timeout: 15_000 }).toBeGreaterThan(pendingRevision);
    await expect(ownerSection.getByTestId(testIds.adjustments.status)).toHaveText('Approved');
    const saved = await host.registry();
    const approved = saved.services.find((item) => item.id === service.id)!.budgetPolicy?.adjustments?.[0];
    expect(approved?.approval).toEqual({ by: owner.id, at: expect.any(String) });

    // Raw and adjusted side by side: the window's errors are out of the adjusted budget only.
    const raw = await figure(ownerPage, testIds.adjustments.rawBudget);
    await expect
      .poll(() => figure(ownerPage, testIds.adjustments.adjustedBudget), { timeout: 30_000 })
      .toBeGreaterThan(raw + 0.001);
    const adjusted = await figure(ownerPage, testIds.adjustments.adjustedBudget);
    const rawSli = await figure(ownerPage, testIds.adjustments.rawSli);
    const adjustedSli = await figure(ownerPage, testIds.adjustments.adjustedSli);
    expect(adjustedSli).toBeGreaterThan(rawSli);

    // What Prometheus answers to the same queries.
    const queries = adjustedFigureQueries(
      saved,
      saved.slos.find((item) => item.id === SLO)!,
      Date.now()
    );
    const answer = async (expr: string) => (await host.queryPrometheus(expr))[0]?.value;
    expect(Math.abs((await answer(queries.rawBudgetLeft)) - raw)).toBeLessThan(TOLERANCE);
    expect(Math.abs((await answer(queries.adjustedBudgetLeft)) - adjusted)).toBeLessThan(TOLERANCE);
    expect(Math.abs((await answer(queries.adjustedSli)) - adjustedSli)).toBeLessThan(TOLERANCE / 100);
    expect(await seriousViolations(ownerPage, [byTestId(testIds.adjustments.section)])).toEqual([]);
    await host.screenshot(ownerPage, 'adjustments-approved');
    await ownerWatcher.assertClean();
  } finally {
    await ownerContext.close();
  }
  await watcher.assertClean();
});
