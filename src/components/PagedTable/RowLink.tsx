import React, { MouseEvent, ReactNode } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2, locationUtil } from '@grafana/data';
import { config, locationService } from '@grafana/runtime';
import { useStyles2 } from '@grafana/ui';

/**
 * Follows a plain left click on a link to a page of the app with the router, as Grafana's own links
 * do; a click that opens a new tab or window stays the browser's.
 */
function followInApp(event: MouseEvent<HTMLAnchorElement>) {
  if (
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey
  ) {
    return;
  }
  event.preventDefault();
  locationService.push(locationUtil.stripBaseFromUrl(event.currentTarget.getAttribute('href') ?? ''));
}

/**
 * `locationUtil.assureBaseUrl(href)` for a path (`/a/…`) without its work: it tries to parse the
 * path as an absolute URL first, and the exception that makes took a twentieth of the services
 * list's time to show an owner filter's result (two links a row). Anything else goes to it.
 */
export function appHref(href: string): string {
  if (!href.startsWith('/')) {
    return locationUtil.assureBaseUrl(href);
  }
  const base = config.appSubUrl ?? '';
  const withBase = href === base || href.startsWith(`${base}/`);
  return `${base}${withBase ? href.slice(base.length - (base.endsWith('/') ? 1 : 0)) : href}`;
}

/**
 * A link to a page of the app (`href` as the app's URL builders make it), looking like Grafana's
 * `TextLink` outside running text. Lists render one to three per row: `TextLink` serialises its
 * styles, cleans and parses its address twice and sets up a router link on every render, about a
 * tenth of the time the services list took to show an owner filter's result (`npx tsx
 * bench/profile-list.ts --owner`); this one styles once per theme and reads the address when
 * clicked.
 */
export function RowLink({ href, children }: { href: string; children: ReactNode }) {
  const styles = useStyles2(getStyles);
  return (
    <a href={appHref(href)} className={styles.link} onClick={followInApp}>
      {children}
    </a>
  );
}

// As `TextLink` with `inline={false}`: body text in the link colour, underlined on hover.
const getStyles = (theme: GrafanaTheme2) => ({
  link: css({
    ...theme.typography.body,
    color: theme.colors.text.link,
    alignItems: 'center',
    gap: '0.25em',
    display: 'inline-flex',
    textDecoration: 'none',
    '&:hover': {
      textDecoration: 'underline',
      color: theme.colors.text.link,
    },
  }),
});
