/**
 * Putting the app's route into Grafana's notification policy tree. `PUT /api/v1/provisioning/policies`
 * replaces the whole tree, so the push reads the tree, swaps the app's own child route (the direct
 * child of the root whose only matcher is `sloth_id=~".+"`, see labels.ts) for the new one, and
 * keeps every other route and setting as it was read. A tree without the app's route gets it as its
 * first child, ahead of catch-all routes; the next push finds it wherever an admin moved it.
 */
import { LABEL_SERVICE } from '../rules/names';
import { APP_MATCHER } from './labels';
import { GrafanaRoute, ObjectMatcher } from './grafana';

/** Whether `route` is the app's own route: its only matcher is {@link APP_MATCHER}. */
export function isAppRoute(route: GrafanaRoute): boolean {
  const [only, ...rest] = route.object_matchers ?? [];
  return (
    rest.length === 0 &&
    only !== undefined &&
    only[0] === APP_MATCHER.name &&
    only[1] === APP_MATCHER.op &&
    only[2] === APP_MATCHER.value &&
    (route.matchers ?? []).length === 0
  );
}

/** The app's route in `tree`, when the tree has one. */
export function findAppRoute(tree: GrafanaRoute): GrafanaRoute | undefined {
  return (tree.routes ?? []).find(isAppRoute);
}

/**
 * `tree` with the app's route replaced by `own` (added first when absent; a second copy an admin
 * made is dropped so that one route decides). The root's `provenance` is left out: Grafana reports
 * it but sets it from the request's `X-Disable-Provenance` header.
 */
export function mergePolicyTree(tree: GrafanaRoute, own: GrafanaRoute): GrafanaRoute {
  const { provenance: _provenance, ...root } = tree;
  const routes = tree.routes ?? [];
  const at = routes.findIndex(isAppRoute);
  const others = routes.filter((route) => !isAppRoute(route));
  const next = [...others];
  next.splice(at < 0 ? 0 : routes.slice(0, at).filter((route) => !isAppRoute(route)).length, 0, own);
  return { ...root, routes: next };
}

/**
 * A route as Grafana gives it back: unset and empty fields dropped, `continue: false` left out,
 * matchers in Grafana's order; for telling whether a push changes anything.
 */
export function normalizeRoute(route: GrafanaRoute): GrafanaRoute {
  const out: GrafanaRoute = {};
  for (const key of Object.keys(route).sort()) {
    const value = route[key];
    if (key === 'provenance' || value === undefined || value === null || value === '' || value === false) {
      continue;
    }
    if (Array.isArray(value) && value.length === 0) {
      continue;
    }
    if (key === 'routes') {
      out.routes = (value as GrafanaRoute[]).map(normalizeRoute);
    } else if (key === 'object_matchers') {
      out.object_matchers = [...(value as ObjectMatcher[])].sort((a, b) => compareMatchers(a, b));
    } else {
      out[key] = value;
    }
  }
  return out;
}

function compareMatchers(a: ObjectMatcher, b: ObjectMatcher): number {
  for (const i of [0, 2, 1]) {
    if (a[i] !== b[i]) {
      return a[i] < b[i] ? -1 : 1;
    }
  }
  return 0;
}

/** Whether two routes route the same way once normalised. */
export function sameRoute(a: GrafanaRoute | undefined, b: GrafanaRoute | undefined): boolean {
  return JSON.stringify(a && normalizeRoute(a)) === JSON.stringify(b && normalizeRoute(b));
}

/** What a push changes in the app's route, service by service. */
export interface PolicyChanges {
  /** The tree has no app route yet. */
  created: boolean;
  added: string[];
  removed: string[];
  changed: string[];
  /** Whether anything outside the service routes (grouping, fallback) changes. */
  rootChanged: boolean;
  /** Routes of the tree that are not the app's: kept as they are. */
  otherRoutes: number;
}

function serviceOf(route: GrafanaRoute): string | undefined {
  return route.object_matchers?.find(([name, op]) => name === LABEL_SERVICE && op === '=')?.[2];
}

function byService(route: GrafanaRoute | undefined): Map<string, GrafanaRoute> {
  const map = new Map<string, GrafanaRoute>();
  for (const child of route?.routes ?? []) {
    const service = serviceOf(child);
    if (service !== undefined) {
      map.set(service, child);
    }
  }
  return map;
}

/** Compares the app's route in `tree` with `own`, the route a push would put there. */
export function describePolicyChanges(tree: GrafanaRoute, own: GrafanaRoute): PolicyChanges {
  const current = findAppRoute(tree);
  const before = byService(current);
  const after = byService(own);
  const sorted = (ids: string[]) => ids.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const { routes: _a, ...currentRoot } = current ?? {};
  const { routes: _b, ...ownRoot } = own;
  return {
    created: current === undefined,
    added: sorted([...after.keys()].filter((id) => !before.has(id))),
    removed: sorted([...before.keys()].filter((id) => !after.has(id))),
    changed: sorted([...after.keys()].filter((id) => before.has(id) && !sameRoute(before.get(id), after.get(id)))),
    rootChanged: current !== undefined && !sameRoute(currentRoot, ownRoot),
    otherRoutes: (tree.routes ?? []).filter((route) => !isAppRoute(route)).length,
  };
}
