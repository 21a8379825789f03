import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { UrlQueryMap } from '@grafana/data';
import { locationSearchToObject, locationService } from '@grafana/runtime';

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
 * The search text filters at once from the component's state and reaches the URL when typing
 * pauses ({@link TEXT_URL_DELAY_MS}): a URL change renders everything that reads the location
 * (routes, links, the scene's URL sync), which at 5,000 services was most of a keystroke's time
 * (bench/RESULTS.md, "UI scale"). Any other change writes the URL at once, with the text typed so far.
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
  const [typed, setTyped] = useState<string | undefined>();
  const typedNow = useRef<string | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const query = useMemo(
    () => keep(typed === undefined || typed === fromUrl.text ? fromUrl : { ...fromUrl, text: typed, page: 1 }),
    [keep, fromUrl, typed]
  );

  const write = useCallback(
    (patch: Partial<Q>) => {
      clearTimeout(timer.current);
      const current = fromParams(locationService.getSearchObject());
      const text = typedNow.current;
      typedNow.current = undefined;
      locationService.partial(
        toParams({ ...current, page: 1, ...(text === undefined ? {} : { text }), ...patch }),
        true
      );
      setTyped(undefined);
    },
    [fromParams, toParams]
  );

  const update = useCallback(
    (patch: Partial<Q>) => {
      const keys = Object.keys(patch);
      if (keys.length === 1 && keys[0] === 'text' && patch.text !== undefined) {
        const text = patch.text;
        typedNow.current = text;
        setTyped(text);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => write({}), TEXT_URL_DELAY_MS);
        return;
      }
      write(patch);
    },
    [write]
  );

  // Text typed just before leaving the page is not written: the URL is the next page's by then.
  useEffect(() => () => clearTimeout(timer.current), []);
  return [query, update];
}
