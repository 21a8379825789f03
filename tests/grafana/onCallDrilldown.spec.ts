import type { Page } from '@playwright/test';
import { testIds } from '../../src/components/testIds';
import { buildOnCallDashboard, dashboardPanels } from '../../src/domain/dashboards';
import { runbookLinks } from '../../src/domain/dashboards/links';
import type { PanelLink } from '../../src/domain/dashboards/types';
import { onCallUrl, serviceUrl, servicesUrl } from '../../src/routing';
import { expect, test } from './fixtures';
import { watchPage } from './helpers';

const SERVICE = 'checkout';

/** Every panel of the on-call view carries the runbook, opening in a new tab. */
async function expectRunbookOnPanels(page: Page, runbook: PanelLink, panels: number) {
  const view = page.getByTestId(testIds.dashboards.view);
  await expect(view).toBeVisible();
  const links = view.getByTestId(testIds.dashboards.panelLinks);
  await expect(links).toHaveCount(panels);
  const first = links.first().getByRole('link', { name: `Open ${runbook.title}` });
  await expect(first).toHaveText('Runbook');
  await expect(first).toHaveAttribute('href', runbook.url);
  await expect(first).toHaveAttribute('target', '_blank');
  await expect(view.getByRole('link', { name: `Open ${runbook.title}` })).toHaveCount(panels);
}

test('drilling down from the services list to the on-call view, every panel offers the runbook', async ({
  context,
  openApp,
  page,
  registry,
}) => {
  const watcher = watchPage(page);
  const doc = await registry.read();
  const service = doc.services.find((item) => item.id === SERVICE);
  expect(service).toBeDefined();
  const [runbook] = runbookLinks(
    service!,
    doc.slos.filter((slo) => slo.serviceId === SERVICE)
  );
  expect(runbook?.external).toBe(true);
  const withLinks = dashboardPanels(buildOnCallDashboard(doc, SERVICE)).filter((panel) => panel.links.length > 0);
  expect(withLinks.length).toBeGreaterThan(0);

  await openApp(servicesUrl({ q: SERVICE }));
  await page.getByTestId(testIds.services.list).getByRole('link', { name: service!.name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${serviceUrl(SERVICE)}(\\?|$)`));
  await page.getByRole('tab', { name: 'On-call' }).click();
  await expect(page).toHaveURL(new RegExp(`${serviceUrl(SERVICE, 'oncall')}(\\?|$)`));
  await expect(page.getByTestId(testIds.services.dashboardTab)).toBeVisible();
  await expectRunbookOnPanels(page, runbook, withLinks.length);

  // The runbook opens in a new tab. Its host is outside: answered here, so nothing leaves the test.
  const opened: string[] = [];
  await context.route(`${new URL(runbook.url).origin}/**`, (route) => {
    opened.push(route.request().url());
    return route.fulfill({ contentType: 'text/html', body: `<!doctype html><h1>${runbook.title}</h1>` });
  });
  const runbookLink = page.getByRole('link', { name: `Open ${runbook.title}` }).first();
  const [tab] = await Promise.all([context.waitForEvent('page'), runbookLink.click()]);
  await expect(tab.getByRole('heading', { name: runbook.title })).toBeVisible();
  expect(tab.url()).toBe(runbook.url);
  expect(opened).toEqual([runbook.url]);
  await tab.close();

  // The short on-call URL that alert notifications link to shows the same.
  await openApp(onCallUrl(SERVICE));
  await expectRunbookOnPanels(page, runbook, withLinks.length);
  await watcher.assertClean();
});
