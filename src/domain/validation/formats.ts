import { CALENDAR_WINDOWS } from '../budget/window';
import { parsePromDuration } from '../query/duration';
import { at, Checker, Fields } from './checker';

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const ROLLING_WINDOW = /^(\d+)d$/;
const MAX_WINDOW_DAYS = 365;

/** Whether `id` is a slug: lower-case letters, digits and inner dashes, at most 63 characters. */
export function isSlug(id: string): boolean {
  return SLUG.test(id);
}

/** Ids that name pages in the app's URLs (`/services/new`, `/services/import`), so no entity may use them. */
const RESERVED_IDS = ['new', 'import', 'edit'];

/** Reads a required slug id and reports it when it is not one. */
export function checkId(c: Checker, obj: Fields, path: string, example: string): string | undefined {
  const id = c.string(obj, 'id', path, true);
  if (id !== undefined && id.trim() !== '' && !isSlug(id)) {
    c.add(at(path, 'id'), `id "${id}" must be a slug: lower-case letters, digits and dashes, e.g. "${example}"`);
  } else if (id !== undefined && RESERVED_IDS.includes(id)) {
    c.add(
      at(path, 'id'),
      `id "${id}" is reserved for the app's pages (${RESERVED_IDS.join(', ')}); choose another, e.g. "${example}"`
    );
  }
  return id;
}

/** Reports an e-mail address that does not look like `name@example.com`. */
export function checkEmail(c: Checker, email: string | undefined, path: string): void {
  if (email !== undefined && email.trim() !== '' && !EMAIL.test(email)) {
    c.add(path, `email "${email}" does not look like an e-mail address, e.g. "ana@example.com"`);
  }
}

/**
 * Why a URL is refused, or `undefined` when it is an absolute http(s) URL. Only http(s) is
 * allowed because links are rendered as clickable anchors; `javascript:` and `data:` would run
 * or embed content in the Grafana page.
 */
export function urlProblem(url: string): string | undefined {
  const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'javascript' || scheme === 'data' || scheme === 'vbscript') {
    return `"${scheme}:" URLs are refused because they run or embed code in the page; use an http:// or https:// address`;
  }
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || !parsed.hostname) {
    return `must be a full http:// or https:// address, e.g. "https://wiki.example.com/runbook", got ${JSON.stringify(url)}`;
  }
  return undefined;
}

/** Reads an optional URL field and reports it when it is not http(s). */
export function checkUrl(c: Checker, obj: Fields, key: string, path: string, required = false): string | undefined {
  const url = c.string(obj, key, path, required);
  const problem = url !== undefined && url.trim() !== '' ? urlProblem(url) : undefined;
  if (problem) {
    c.add(at(path, key), `${key} ${problem}`);
  }
  return url;
}

/** Whether `name` is a valid Prometheus label name. */
export function isLabelName(name: string): boolean {
  return LABEL_NAME.test(name);
}

/** Reports label names of a map that Prometheus would refuse. */
export function checkLabelNames(c: Checker, labels: Record<string, string>, path: string): void {
  for (const name of Object.keys(labels)) {
    if (!isLabelName(name)) {
      c.add(
        at(path, name),
        `label name "${name}" must start with a letter or "_" and hold only letters, digits and "_"`
      );
    }
  }
}

/**
 * Why an SLO window is refused, or `undefined` for `Nd` (1 to 365 whole days) or a calendar window
 * (`calendar-week`, `calendar-month`, `calendar-quarter`).
 */
export function windowProblem(window: string): string | undefined {
  const days = ROLLING_WINDOW.exec(window)?.[1];
  if (CALENDAR_WINDOWS[window] || (days !== undefined && Number(days) >= 1 && Number(days) <= MAX_WINDOW_DAYS)) {
    return undefined;
  }
  return `window must be whole days from 1d to ${MAX_WINDOW_DAYS}d (e.g. "28d" or "30d"), "calendar-week", "calendar-month" or "calendar-quarter", got ${JSON.stringify(window)}`;
}

/** Reads a Prometheus duration field such as `1h`; returns it in milliseconds when valid. */
export function checkDuration(c: Checker, obj: Fields, key: string, path: string): number | undefined {
  const text = c.string(obj, key, path, true);
  if (text === undefined || text.trim() === '') {
    return undefined;
  }
  const ms = parsePromDuration(text);
  if (ms === undefined) {
    c.add(
      at(path, key),
      `${key} must be a Prometheus duration such as "5m", "1h" or "1h30m", got ${JSON.stringify(text)}`
    );
  }
  return ms;
}
