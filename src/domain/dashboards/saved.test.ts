import { buildOnCallDashboard } from './onCall';
import { ON_CALL_DASHBOARD_TAGS, onCallDashboardUid, servicesWithSavedDashboards } from './saved';
import { demoRegistry } from './testing/fixtures';

describe('servicesWithSavedDashboards', () => {
  const demo = demoRegistry();

  test('the uid searched for is the one the on-call dashboard is saved under, with the tags searched for', () => {
    for (const service of demo.services) {
      const dashboard = buildOnCallDashboard(demo, service.id);
      expect(dashboard.uid).toBe(onCallDashboardUid(service.id));
      expect(dashboard.tags).toEqual(expect.arrayContaining(ON_CALL_DASHBOARD_TAGS));
    }
  });

  test('a service counts once its on-call dashboard is among the hits, in registry order', () => {
    const ids = ['checkout', 'payments', 'search'];
    const hits = [
      { uid: onCallDashboardUid('search'), type: 'dash-db' },
      { uid: onCallDashboardUid('checkout'), type: 'dash-db' },
    ];
    expect(servicesWithSavedDashboards(ids, hits)).toEqual(['checkout', 'search']);
  });

  test('hand-made dashboards, folders, unknown services and malformed hits do not count', () => {
    const hits = [
      { uid: 'checkout-by-hand', type: 'dash-db' },
      { uid: onCallDashboardUid('payments'), type: 'dash-folder' },
      { uid: onCallDashboardUid('gone'), type: 'dash-db' },
      { type: 'dash-db' },
      {},
    ];
    expect(servicesWithSavedDashboards(['checkout', 'payments'], hits)).toEqual([]);
  });

  test('no services or no hits: nothing saved', () => {
    expect(servicesWithSavedDashboards([], [{ uid: onCallDashboardUid('checkout') }])).toEqual([]);
    expect(servicesWithSavedDashboards(['checkout'], [])).toEqual([]);
  });

  test('asked again with other hits, each answer is that of its own hits', () => {
    const ids = ['checkout', 'payments', 'search', 'x'.repeat(60)];
    expect(servicesWithSavedDashboards(ids, [{ uid: onCallDashboardUid('payments') }])).toEqual(['payments']);
    expect(servicesWithSavedDashboards(ids, [{ uid: onCallDashboardUid(ids[3]) }])).toEqual([ids[3]]);
    expect(servicesWithSavedDashboards(ids, [{ uid: 'bo-oncall-checkout-by-hand' }])).toEqual([]);
  });
});
