/**
 * Starts reading the live values while the page that shows them is still on its way: module.tsx
 * calls this with the address when one of the app's pages opens, and once the registry's first
 * read (storage/preload.ts) has the registry, its live values are read into the shared read of
 * ./measuredLiveValues.ts. The page then finds them read, or being read, when it first renders,
 * instead of asking for them only after that render.
 */
import { PLUGIN_BASE_URL, ROUTES } from '../../constants';
import { SERVICE_TABS } from '../../domain/urls';
import { preloadedRegistry } from '../../storage/preload';
import { startLiveValuesRead } from './measuredLiveValues';

/** The pages that show live values: the services and SLO lists, a service's SLOs, a person, governance. */
const LIVE_PAGES = new RegExp(
  `${PLUGIN_BASE_URL}/(?:${ROUTES.Services}|${ROUTES.Slos}|${ROUTES.Governance}|${ROUTES.People}/[^/]+|${ROUTES.Services}/[^/]+/${SERVICE_TABS.slos})/?$`
);

/** Whether the page at `pathname` shows live values. */
export function showsLiveValues(pathname: string): boolean {
  return LIVE_PAGES.test(pathname);
}

/** Reads the live values as soon as the preloaded registry is read, when the page at `pathname` shows them. */
export function preloadLiveValues(pathname: string): void {
  if (!showsLiveValues(pathname)) {
    return;
  }
  preloadedRegistry()
    ?.then((result) => {
      if (result.ok) {
        startLiveValuesRead(result.doc);
      }
    })
    .catch(() => undefined);
}
