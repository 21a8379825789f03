/**
 * Starts reading the live values while the page that shows them is still on its way: module.tsx
 * calls this with the address when one of the app's pages opens, and once the registry's first
 * read (storage/preload.ts) has the registry, its live values are read into the shared read of
 * ./measuredLiveValues.ts when the browser is next idle after the following frame, so that a page
 * rendering with the registry shows its rows first: with thousands of SLOs the read does work of its
 * own (a measurement per SLO) before its first request. The frame after the registry alone was not
 * enough: the page could still be mounting then, and the read came before its first row.
 */
import { PLUGIN_BASE_URL, ROUTES } from '../../constants';
import { SERVICE_TABS } from '../../domain/urls';
import { preloadedRegistry } from '../../storage/preload';
import { afterNextFrame } from '../afterNextFrame';
import { loadLiveRead } from './measuredLiveValues';

/** The longest the read waits for the browser to be idle. */
export const IDLE_WAIT_MS = 1000;

/**
 * Runs `then` once the browser is idle after the next frame (at most {@link IDLE_WAIT_MS} later),
 * with a timer where the browser has no idle callbacks.
 */
export function whenIdleAfterNextFrame(then: () => void): void {
  afterNextFrame(() => {
    if (typeof requestIdleCallback === 'function') {
      requestIdleCallback(then, { timeout: IDLE_WAIT_MS });
    } else {
      setTimeout(then, 0);
    }
  });
}

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
        // When idle after the frame that follows the registry: the page it opens renders first.
        // The read's code is asked for then too, not with the app's: the page's first render does not wait for it.
        whenIdleAfterNextFrame(() => {
          loadLiveRead()
            .then(({ startLiveValuesRead }) => startLiveValuesRead(result.doc))
            .catch(() => undefined);
        });
      }
    })
    .catch(() => undefined);
}
