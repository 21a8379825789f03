import { expect, Page, test } from '@playwright/test';
import { ROUTES } from '../../../src/constants';
import { prefixRoute, serviceUrl, SERVICE_TABS } from '../../../src/routing';
import { watchPage } from '../watchPage';
import { journeyScreenshot, useJourneySandbox } from './sandboxInstance';

const sandbox = useJourneySandbox(8);

const SERVICE = 'checkout';

function panel(page: Page, title: string) {
  return page.getByTestId(`data-testid Panel header ${title}`);
}

test('from the executive table to the on-call view, whose panels link to the service runbook', async ({
  page,
  context,
}) => {
  const watcher = watchPage(page);
  const service = (await sandbox().registry()).services.find((item) => item.id === SERVICE);
  const runbook = service?.links.find((link) => link.type === 'runbook');
  expect(runbook, `the demo registry gives ${SERVICE} a runbook link`).toBeDefined();
  const runbookHost = new URL(runbook!.url).origin;
  // The runbook host is outside: answer it here so that nothing leaves 127.0.0.1.
  const opened: string[] = [];
  await context.route(`${runbookHost}/**`, (route) => {
    opened.push(route.request().url());
    return route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>${runbook!.title}</title><h1>${runbook!.title}</h1>`,
    });
  });

  await page.goto(prefixRoute(ROUTES.Executive));
  const compliance = panel(page, 'SLO compliance');
  await compliance.getByRole('link', { name: SERVICE, exact: true }).first().click();
  await expect(page).toHaveURL((url) => url.pathname === serviceUrl(SERVICE));
  await journeyScreenshot(page, 'oncall-service');

  await page.getByRole('tab', { name: 'On-call' }).click();
  await expect(page).toHaveURL((url) => url.pathname === serviceUrl(SERVICE, SERVICE_TABS.onCall));
  const sli = panel(page, 'Live SLI per SLO');
  // The stand-in time series draws its graph only when a series has points.
  await expect(sli.locator('svg[role="img"] polyline[points*=","]').first()).toBeAttached();
  await expect(sli.getByText('No data', { exact: true })).toHaveCount(0);
  const budget = panel(page, 'Error budget left');
  await expect(budget).toContainText('%');
  await journeyScreenshot(page, 'oncall-view');

  const link = budget.getByRole('link', { name: `Open ${runbook!.title}` });
  await expect(link).toHaveAttribute('href', runbook!.url);
  const [tab] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await tab.waitForLoadState();
  expect(tab.url()).toBe(runbook!.url);
  await expect(tab.getByRole('heading', { name: runbook!.title })).toBeVisible();
  expect(opened).toEqual([runbook!.url]);
  await tab.close();
  await watcher.assertClean();
});
