import { testIds } from '../../src/components/testIds';
import { slosUrl } from '../../src/routing';
import { expect, test } from './host';

interface Route {
  receiver?: string;
  object_matchers?: Array<[string, string, string]>;
  routes?: Route[];
}

/** The app's policy: the child of the root that matches every SLO alert and nothing else. */
function appRoute(tree: Route): Route | undefined {
  return tree.routes?.find(
    (route) =>
      route.object_matchers?.length === 1 &&
      route.object_matchers[0][0] === 'sloth_id' &&
      route.object_matchers[0][1] === '=~' &&
      route.object_matchers[0][2] === '.+'
  );
}

test('an admin previews the escalation routes, pushes them, and a second preview has nothing left to do', async ({
  host,
  page,
  request,
}) => {
  const watcher = host.watch(page);
  const before = (await (await request.get('/api/v1/provisioning/policies')).json()) as Route;
  expect(appRoute(before), 'the app has no policy in the tree before the push').toBeUndefined();

  await page.goto(slosUrl());
  await page.getByTestId(testIds.escalation.open).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId(testIds.escalation.receivers)).toBeVisible();
  await dialog.getByTestId(testIds.escalation.preview).click();
  await expect(dialog.getByTestId(testIds.escalation.outcome)).toContainText('Nothing was written');
  // The preview wrote nothing.
  expect(appRoute((await (await request.get('/api/v1/provisioning/policies')).json()) as Route)).toBeUndefined();
  await host.screenshot(page, 'escalation-preview');

  await dialog.getByTestId(testIds.escalation.push).click();
  await expect(dialog.getByTestId(testIds.escalation.outcome)).toContainText(
    'Grafana alerting routes the SLO alerts this way now.'
  );
  await host.screenshot(page, 'escalation-pushed');

  // The app's policy is in the tree with a policy per service; the root and its receiver are kept.
  const after = (await (await request.get('/api/v1/provisioning/policies')).json()) as Route;
  expect(after.receiver).toBe(before.receiver);
  const ours = appRoute(after);
  expect(ours, JSON.stringify(after)).toBeDefined();
  const registry = await host.registry();
  const withSlos = [...new Set(registry.slos.map((slo) => slo.serviceId))].sort();
  const services = (ours!.routes ?? []).map(
    (route) => route.object_matchers?.find((matcher) => matcher[0] === 'sloth_service')?.[2]
  );
  expect(services).toEqual(withSlos);
  const points = (await (await request.get('/api/v1/provisioning/contact-points')).json()) as Array<{ uid: string }>;
  expect(points.some((point) => point.uid.startsWith('bo-notify-'))).toBe(true);

  // A second preview finds Grafana already routing this way.
  await dialog.getByTestId(testIds.escalation.preview).click();
  await expect(dialog.getByTestId(testIds.escalation.outcome)).toContainText(
    'Grafana alerting already routes the SLO alerts this way.'
  );
  await watcher.assertClean();
});
