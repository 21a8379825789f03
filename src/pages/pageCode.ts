import { PLUGIN_BASE_URL, ROUTES } from '../constants';

/**
 * The code of the app's top-level pages, each its own chunk. The pages load it on first render;
 * module.tsx starts loading the page the address names at the same time as the app's own code, so
 * that the two arrive together instead of one after the other.
 */
export const pageCode = {
  [ROUTES.Services]: () => import('./Services/list/ServicesList'),
  [ROUTES.Slos]: () => import('./Slos/list/SlosList'),
  [ROUTES.People]: () => import('./People/PeopleList'),
  [ROUTES.Executive]: () => import('./Executive/ExecutiveView'),
  [ROUTES.Governance]: () => import('./Governance/GovernancePage'),
  [ROUTES.Reports]: () => import('./Reports/ReportsPage'),
};

const TOP_LEVEL = new RegExp(`${PLUGIN_BASE_URL}/([a-z]+)/?$`);

/**
 * Starts loading the code of the top-level page at `pathname` (Grafana's sub-path, if any, before
 * the app's), if it is one. A failed load is left to the page itself, which tries again and shows the error.
 */
export function preloadPageCode(pathname: string): void {
  const route = pathname.match(TOP_LEVEL)?.[1];
  if (route && route in pageCode) {
    pageCode[route as keyof typeof pageCode]().catch(() => undefined);
  }
}

/**
 * Whether the page at `pathname` shows a large registry's head before the whole is decoded
 * (storage/documents/indexHead.ts): the services list. Other pages would only wait for it.
 */
export function showsRegistryPreview(pathname: string): boolean {
  return pathname.match(TOP_LEVEL)?.[1] === ROUTES.Services;
}
