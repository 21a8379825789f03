import type { Page } from '@playwright/test';
import { testIds } from '../../src/components/testIds';
import { ROUTES } from '../../src/constants';
import { buildOnCallDashboard, dashboardPanels } from '../../src/domain/dashboards';
import { runbookLinks } from '../../src/domain/dashboards/links';
import type { PanelLink } from '../../src/domain/dashboards/types';
import { onCallUrl, prefixRoute, serviceUrl, SERVICE_TABS } from '../../src/routing';
import { expect, test } from './host';
import { panel } from './pages';

const SERVICE = 'checkout';

/** Every panel of the on-call view that has links carries the runbook, opening in a new tab. */
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

test('from the executive table to the on-call view, whose panels show live data and link to the service runbook', async ({
  context,
  host,
  page,
}) => {
  const watcher = host.watch(page);
  const doc = await host.registry();
  const service = doc.services.find((item) => item.id === SERVICE);
  expect(service, `the demo registry has ${SERVICE}`).toBeDefined();
  const [runbook] = runbookLinks(
    service!,
    doc.slos.filter((slo) => slo.serviceId === SERVICE)
  );
  expect(runbook?.external, `the demo registry gives ${SERVICE} an external runbook link`).toBe(true);
  const withLinks = dashboardPanels(buildOnCallDashboard(doc, SERVICE)).filter((item) => item.links.length > 0);
  expect(withLinks.length).toBeGreaterThan(0);
  // The runbook host is outside: answered here, so that nothing leaves the test.
  const opened: string[] = [];
  await context.route(`${new URL(runbook.url).origin}/**`, (route) => {
    opened.push(route.request().url());
    return route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>${runbook.title}</title><h1>${runbook.title}</h1>`,
    });
  });

  await page.goto(prefixRoute(ROUTES.Executive));
  await panel(page, 'SLO compliance').getByRole('link', { name: SERVICE, exact: true }).first().click();
  await expect(page).toHaveURL((url) => url.pathname === serviceUrl(SERVICE));
  await host.screenshot(page, 'oncall-service');

  await page.getByRole('tab', { name: 'On-call' }).click();
  await expect(page).toHaveURL((url) => url.pathname === serviceUrl(SERVICE, SERVICE_TABS.onCall));
  await expect(page.getByTestId(testIds.services.dashboardTab)).toBeVisible();
  const sli = panel(page, 'Live SLI per SLO');
  await expect(sli.locator('canvas, svg[role="img"] polyline[points*=","]').first()).toBeAttached();
  await expect(sli.getByText('No data', { exact: true })).toHaveCount(0);
  await expect(panel(page, 'Error budget left')).toContainText('%');
  await expectRunbookOnPanels(page, runbook, withLinks.length);
  await host.screenshot(page, 'oncall-view');

  const link = panel(page, 'Error budget left').getByRole('link', { name: `Open ${runbook.title}` });
  const [tab] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await expect(tab.getByRole('heading', { name: runbook.title })).toBeVisible();
  expect(tab.url()).toBe(runbook.url);
  expect(opened).toEqual([runbook.url]);
  await tab.close();

  // The short on-call address that alert notifications link to shows the same.
  await page.goto(onCallUrl(SERVICE));
  await expectRunbookOnPanels(page, runbook, withLinks.length);
  await watcher.assertClean();
});
