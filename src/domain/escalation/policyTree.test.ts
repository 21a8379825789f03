import { GrafanaRoute } from './grafana';
import { describePolicyChanges, findAppRoute, mergePolicyTree, normalizeRoute, sameRoute } from './policyTree';

const APP = [['sloth_id', '=~', '.+']] as GrafanaRoute['object_matchers'];

function service(id: string, receiver = `slo-ticket-${id}`): GrafanaRoute {
  return { object_matchers: [['sloth_service', '=', id]], receiver };
}

const own: GrafanaRoute = { object_matchers: APP, group_by: ['alertname'], routes: [service('checkout')] };

/** A tree an admin made: a database route, a catch-all with continue, nested routes and mute timings. */
function adminTree(): GrafanaRoute {
  return {
    receiver: 'grafana-default-email',
    group_by: ['grafana_folder', 'alertname'],
    provenance: '',
    routes: [
      {
        receiver: 'dba',
        object_matchers: [['team', '=', 'dba']],
        mute_time_intervals: ['weekends'],
        routes: [{ receiver: 'dba-pager', object_matchers: [['severity', '=', 'critical']] }],
      },
      { receiver: 'audit', continue: true, matchers: ['env="prod"'] },
    ],
  };
}

describe('mergePolicyTree', () => {
  test('a tree without the app route gets it first; every other route and setting stays as it was', () => {
    const tree = adminTree();
    const merged = mergePolicyTree(tree, own);
    expect(merged.routes).toEqual([own, ...adminTree().routes!]);
    expect(merged.receiver).toBe('grafana-default-email');
    expect(merged.group_by).toEqual(['grafana_folder', 'alertname']);
    expect('provenance' in merged).toBe(false);
    expect(tree).toEqual(adminTree());
  });

  test('the app route is replaced where an admin moved it', () => {
    const tree = adminTree();
    tree.routes!.splice(1, 0, { object_matchers: APP, routes: [service('search')] });
    const merged = mergePolicyTree(tree, own);
    expect(merged.routes!.map((route) => route.receiver ?? route.routes?.[0].receiver)).toEqual([
      'dba',
      'slo-ticket-checkout',
      'audit',
    ]);
  });

  test('a second copy of the app route is dropped so that one route decides', () => {
    const tree = adminTree();
    tree.routes!.push({ object_matchers: APP, routes: [service('old')] }, { object_matchers: APP });
    const merged = mergePolicyTree(tree, own);
    expect(merged.routes!.filter((route) => findAppRoute({ routes: [route] }))).toEqual([own]);
    expect(merged.routes).toHaveLength(3);
  });

  test('a route with more matchers than the app’s is not the app’s', () => {
    const tree: GrafanaRoute = {
      receiver: 'r',
      routes: [{ receiver: 'sloth', object_matchers: [...APP!, ['env', '=', 'prod']] }],
    };
    expect(findAppRoute(tree)).toBeUndefined();
    expect(mergePolicyTree(tree, own).routes).toEqual([own, tree.routes![0]]);
  });
});

describe('sameRoute', () => {
  test('ignores what Grafana drops or reorders, and sees a changed receiver', () => {
    const written: GrafanaRoute = {
      receiver: 'a',
      continue: false,
      routes: [
        {
          object_matchers: [
            ['b', '=', '1'],
            ['a', '=', '2'],
          ],
          routes: [],
        },
      ],
    };
    const read: GrafanaRoute = {
      receiver: 'a',
      provenance: 'api',
      routes: [
        {
          object_matchers: [
            ['a', '=', '2'],
            ['b', '=', '1'],
          ],
        },
      ],
    };
    expect(sameRoute(written, read)).toBe(true);
    expect(normalizeRoute(written)).toEqual({
      receiver: 'a',
      routes: [
        {
          object_matchers: [
            ['a', '=', '2'],
            ['b', '=', '1'],
          ],
        },
      ],
    });
    expect(sameRoute(written, { ...read, receiver: 'b' })).toBe(false);
  });
});

describe('describePolicyChanges', () => {
  test('a tree without the app route: created, every service added, other routes counted', () => {
    expect(describePolicyChanges(adminTree(), own)).toEqual({
      created: true,
      added: ['checkout'],
      removed: [],
      changed: [],
      rootChanged: false,
      otherRoutes: 2,
    });
  });

  test('services added, removed and rerouted, each by id', () => {
    const tree = adminTree();
    tree.routes!.push({
      object_matchers: APP,
      group_by: ['alertname'],
      routes: [service('checkout', 'old'), service('legacy')],
    });
    const next: GrafanaRoute = { ...own, routes: [service('checkout'), service('search')] };
    expect(describePolicyChanges(tree, next)).toEqual({
      created: false,
      added: ['search'],
      removed: ['legacy'],
      changed: ['checkout'],
      rootChanged: false,
      otherRoutes: 2,
    });
    expect(describePolicyChanges(tree, { ...next, group_by: ['sloth_id'] }).rootChanged).toBe(true);
  });
});
