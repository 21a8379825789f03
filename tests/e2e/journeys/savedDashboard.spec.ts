import { expect, Locator, Page, test } from '@playwright/test';
import { testIds } from '../../../src/components/testIds';
import { ROUTES } from '../../../src/constants';
import { prefixRoute, serviceUrl, SERVICE_TABS } from '../../../src/routing';
import { watchPage } from '../watchPage';
import { journeyScreenshot, useJourneySandbox } from './sandboxInstance';

const sandbox = useJourneySandbox(9);

const SERVICE = 'checkout';

/** The "Dashboards generated" line of the service's scorecard on the governance page. */
async function dashboardsCheck(page: Page, serviceName: string): Promise<Locator> {
  await page.goto(prefixRoute(ROUTES.Governance));
  await page.getByPlaceholder('Search services').fill(serviceName);
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: serviceName, exact: true }) });
  await row.getByRole('button', { name: 'Toggle row expanded' }).click();
  const scorecard = page.getByTestId(testIds.governance.scorecard);
  return scorecard.getByTestId(testIds.governance.evidence).filter({ hasText: 'Dashboards generated' });
}

test('saving the on-call dashboard in Grafana turns the governance check from missing to done', async ({ page }) => {
  const watcher = watchPage(page);
  const service = (await sandbox().registry()).services.find((item) => item.id === SERVICE);
  expect(service, `the demo registry has ${SERVICE}`).toBeDefined();

  const before = await dashboardsCheck(page, service!.name);
  await expect(before).toContainText('Missing');
  await expect(before).toContainText('not saved in Grafana');
  await journeyScreenshot(page, 'saved-dashboard-before');

  await page.goto(serviceUrl(SERVICE, SERVICE_TABS.onCall));
  await page.getByTestId(testIds.dashboards.save).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Save as Grafana dashboard');
  await dialog.getByTestId(testIds.dashboards.saveConfirm).click();
  const outcome = dialog.getByTestId(testIds.dashboards.saveOutcome);
  await expect(outcome).toContainText('Dashboard saved');
  await expect(outcome.getByRole('link', { name: 'Open the dashboard' })).toHaveAttribute('href', /^\/d\/[\w-]+\//);
  await journeyScreenshot(page, 'saved-dashboard-saved');

  // what Grafana's search now answers is what governance reads
  const hits = await (
    await fetch(`${sandbox().baseURL}/api/search?type=dash-db&tag=business-owner&tag=on-call`)
  ).json();
  expect(hits).toEqual([expect.objectContaining({ title: `${service!.name} · On-call`, type: 'dash-db' })]);

  const after = await dashboardsCheck(page, service!.name);
  await expect(after).toContainText('Done');
  await expect(after).toContainText('The on-call dashboard is saved in Grafana.');
  await journeyScreenshot(page, 'saved-dashboard-after');
  await watcher.assertClean();
});
