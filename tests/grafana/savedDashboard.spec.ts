import { testIds } from '../../src/components/testIds';
import { ROUTES } from '../../src/constants';
import { onCallDashboardUid } from '../../src/domain/dashboards/saved';
import { prefixRoute, serviceUrl, SERVICE_TABS } from '../../src/routing';
import { expect, test } from './fixtures';
import { watchPage } from './helpers';

const SERVICE = 'checkout';

test('saving the on-call dashboard in Grafana turns the governance check from missing to done', async ({
  openApp,
  page,
  request,
  registry,
}) => {
  const watcher = watchPage(page);
  const uid = onCallDashboardUid(SERVICE);
  // A saved copy from earlier would make the check pass from the start: set it aside, put it back after.
  const earlier = await request.get(`/api/dashboards/uid/${uid}`);
  const kept = earlier.ok()
    ? ((await earlier.json()) as { dashboard: unknown; meta: { folderUid?: string } })
    : undefined;
  if (kept) {
    expect((await request.delete(`/api/dashboards/uid/${uid}`)).ok()).toBe(true);
  }
  const service = (await registry.read()).services.find((item) => item.id === SERVICE);
  expect(service, `the demo registry has ${SERVICE}`).toBeDefined();

  const dashboardsCheck = async () => {
    await openApp(prefixRoute(ROUTES.Governance));
    await page.getByPlaceholder('Search services').fill(service!.name);
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: service!.name, exact: true }) });
    await row.getByRole('button', { name: 'Toggle row expanded' }).click();
    return page
      .getByTestId(testIds.governance.scorecard)
      .getByTestId(testIds.governance.evidence)
      .filter({ hasText: 'Dashboards generated' });
  };

  try {
    await expect(await dashboardsCheck()).toContainText('Missing');

    await openApp(serviceUrl(SERVICE, SERVICE_TABS.onCall));
    await page.getByTestId(testIds.dashboards.save).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId(testIds.dashboards.saveConfirm).click();
    await expect(dialog.getByTestId(testIds.dashboards.saveOutcome)).toContainText('Dashboard saved');
    expect((await request.get(`/api/dashboards/uid/${uid}`)).ok()).toBe(true);

    const after = await dashboardsCheck();
    await expect(after).toContainText('Done');
    await expect(after).toContainText('The on-call dashboard is saved in Grafana.');
    await watcher.assertClean();
  } finally {
    // leave Grafana as it was
    await request.delete(`/api/dashboards/uid/${uid}`);
    if (kept) {
      await request.post('/api/dashboards/db', {
        data: {
          dashboard: { ...(kept.dashboard as object), id: null },
          folderUid: kept.meta.folderUid,
          overwrite: true,
        },
      });
    }
  }
});
