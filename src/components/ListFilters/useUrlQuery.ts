import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { UrlQueryMap } from '@grafana/data';
import { locationSearchToObject, locationService } from '@grafana/runtime';
import { afterNextFrame } from '../afterNextFrame';

/** How long typing pauses before the search text goes into the URL. */
export const TEXT_URL_DELAY_MS = 300;

/** The default `keep`: one function for every render, so that the query keeps its identity. */
function unchanged<Q>(next: Q): Q {
  return next;
}

/** What every list query has: the search text and the page shown. */
interface ListQuery {
  text: string;
  page: number;
}

/**
 * A list's filters, read from and written to the URL's query parameters, so that a filtered list
 * can be shared, bookmarked and restored with the browser's back button. A filter change goes back
 * to the first page; writes replace the history entry rather than add one per keystroke.
 *
 * A change shows at once from the component's state and reaches the URL afterwards: a URL change
 * renders everything that reads the location (routes, links, the scene's URL sync), which at 5,000
 * services was most of a keystroke's time and a third of a picker's (bench/RESULTS.md, "UI scale").
 * The search text is written when typing pauses ({@link TEXT_URL_DELAY_MS}), any other change once
 * the list showing it has been painted, with the text typed so far.
 *
 * `keep` may return parts of the previous query where they did not change, so that a keystroke
 * does not render the filter pickers again.
 */
export function useUrlQuery<Q extends ListQuery>(
  fromParams: (params: UrlQueryMap) => Q,
  toParams: (query: Q) => UrlQueryMap,
  keep: (next: Q) => Q = unchanged
): [Q, (patch: Partial<Q>) => void] {
  const { search } = useLocation();
  const fromUrl = useMemo(() => fromParams(locationSearchToObject(search)), [fromParams, search]);
  // What changed and is not in the URL yet; `pendingNow` is the same, read by the write.
  const [pending, setPending] = useState<Partial<Q> | undefined>();
  const pendingNow = useRef<Partial<Q> | undefined>(undefined);
  const cancelWrite = useRef<(() => void) | undefined>(undefined);

  const query = useMemo(() => keep(pending ? { ...fromUrl, ...pending } : fromUrl), [keep, fromUrl, pending]);

  const write = useCallback(() => {
    cancelWrite.current?.();
    cancelWrite.current = undefined;
    const patch = pendingNow.current;
    pendingNow.current = undefined;
    if (patch) {
      locationService.partial(toParams({ ...fromParams(locationService.getSearchObject()), ...patch }), true);
    }
    setPending(undefined);
  }, [fromParams, toParams]);

  const update = useCallback(
    (patch: Partial<Q>) => {
      const next: Partial<Q> = { ...pendingNow.current, page: 1, ...patch };
      pendingNow.current = next;
      setPending(next);
      cancelWrite.current?.();
      const keys = Object.keys(patch);
      if (keys.length === 1 && keys[0] === 'text') {
        const timer = setTimeout(write, TEXT_URL_DELAY_MS);
        cancelWrite.current = () => clearTimeout(timer);
      } else {
        cancelWrite.current = afterNextFrame(write);
      }
    },
    [write]
  );

  // A change made just before leaving the page is not written: the URL is the next page's by then.
  useEffect(() => () => cancelWrite.current?.(), []);
  return [query, update];
}
