import { testIds } from '../../src/components/testIds';
import { onCallDashboardUid } from '../../src/domain/dashboards/saved';
import { serviceUrl, SERVICE_TABS } from '../../src/routing';
import { expect, test } from './host';
import { dashboardsCheck } from './pages';

const SERVICE = 'checkout';

test('saving the on-call dashboard in Grafana turns the governance check from missing to done', async ({
  host,
  page,
  request,
}) => {
  const watcher = host.watch(page);
  const uid = onCallDashboardUid(SERVICE);
  // A copy saved earlier would make the check pass from the start: set it aside, put it back after.
  const earlier = await request.get(`/api/dashboards/uid/${uid}`);
  const kept = earlier.ok()
    ? ((await earlier.json()) as { dashboard: unknown; meta: { folderUid?: string } })
    : undefined;
  if (kept) {
    expect((await request.delete(`/api/dashboards/uid/${uid}`)).ok()).toBe(true);
  }
  const service = (await host.registry()).services.find((item) => item.id === SERVICE);
  expect(service, `the demo registry has ${SERVICE}`).toBeDefined();

  try {
    const before = await dashboardsCheck(page, service!.name);
    await expect(before).toContainText('Missing');
    await expect(before).toContainText('not saved in Grafana');
    await host.screenshot(page, 'saved-dashboard-before');

    await page.goto(serviceUrl(SERVICE, SERVICE_TABS.onCall));
    await page.getByTestId(testIds.dashboards.save).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('Save as Grafana dashboard');
    await dialog.getByTestId(testIds.dashboards.saveConfirm).click();
    const outcome = dialog.getByTestId(testIds.dashboards.saveOutcome);
    await expect(outcome).toContainText('Dashboard saved');
    await expect(outcome.getByRole('link', { name: 'Open the dashboard' })).toHaveAttribute(
      'href',
      /^(\/[\w-]+)*\/d\/[\w-]+\//
    );
    await host.screenshot(page, 'saved-dashboard-saved');

    // What Grafana's search now answers is what governance reads.
    expect((await request.get(`/api/dashboards/uid/${uid}`)).ok()).toBe(true);
    const hits = await (await request.get('/api/search?type=dash-db&tag=business-owner&tag=on-call')).json();
    expect(hits).toEqual(
      expect.arrayContaining([expect.objectContaining({ uid, title: `${service!.name} · On-call`, type: 'dash-db' })])
    );

    const after = await dashboardsCheck(page, service!.name);
    await expect(after).toContainText('Done');
    await expect(after).toContainText('The on-call dashboard is saved in Grafana.');
    await host.screenshot(page, 'saved-dashboard-after');
    await watcher.assertClean();
  } finally {
    // Leave the host as it was.
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
