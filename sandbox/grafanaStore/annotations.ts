/**
 * Grafana's annotation API (`/api/annotations`, pkg/api/annotations.go) over the sandbox store:
 *
 * - `POST` with `text` (required), `time` and `timeEnd` in Unix ms (one of them required; a point
 *   when only one is given, swapped when reversed: `validateTimeRange`), `tags` and an optional
 *   `dashboardUID` (an organization annotation without one, or when no such dashboard exists),
 *   answering `{ message: "Annotation added", id }`.
 * - `GET` with `from`/`to` (the annotations overlapping them, when both are given), `tags` (every
 *   one must be on the annotation, unless `matchAny=true`), `type` (`annotation` or `alert`),
 *   `dashboardUID` and `limit` (100 when absent), newest first, each with its creator's `login`
 *   and `email`.
 *
 * The routes check `annotations:read` and `annotations:create` (grafanaRoutes.ts).
 */
import { ApiAnswer, isRecord } from '../http';
import { Identity } from '../identity';
import { AnnotationRecord } from './model';
import { GrafanaStore } from './store';

/** `annotations.ItemQuery`'s limit when the request names none. */
const DEFAULT_LIMIT = 100;

const FAILED_TO_SAVE: ApiAnswer = { status: 400, body: { message: 'Failed to save annotation' } };

/** Tags as Grafana stores them: `key:value` pairs trimmed on both sides (`ParseTagPairs`/`JoinTagPairs`). */
function normalizeTag(tag: string): string {
  const index = tag.indexOf(':');
  return index < 0 ? tag.trim() : `${tag.slice(0, index).trim()}:${tag.slice(index + 1).trim()}`;
}

function numberOf(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : 0;
}

/** `time` and `timeEnd` as Grafana's `validateTimeRange` settles them; undefined when both are missing. */
function timeRange(time: number, timeEnd: number): { time: number; timeEnd: number } | undefined {
  if (time === 0 && timeEnd === 0) {
    return undefined;
  }
  const start = time === 0 ? timeEnd : time;
  const end = timeEnd === 0 ? start : timeEnd;
  return end < start ? { time: end, timeEnd: start } : { time: start, timeEnd: end };
}

/** `GET /api/annotations` as Grafana answers an item (`annotations.ItemDTO`). */
function itemDto(record: AnnotationRecord) {
  return {
    id: record.id,
    alertId: 0,
    alertName: '',
    dashboardId: record.dashboardId,
    dashboardUID: record.dashboardUID ?? null,
    panelId: record.panelId,
    userId: 0,
    newState: '',
    prevState: '',
    created: record.created,
    updated: record.created,
    time: record.time,
    timeEnd: record.timeEnd,
    text: record.text,
    tags: record.tags,
    login: record.login,
    email: record.email,
    avatarUrl: '',
    data: {},
  };
}

/** `POST /api/annotations`; the route has already checked `annotations:create`. */
export function createAnnotation(store: GrafanaStore, command: unknown, who: Identity): ApiAnswer {
  if (!isRecord(command)) {
    return { status: 400, body: { message: 'bad request data' } };
  }
  if (typeof command.text !== 'string' || command.text === '') {
    return FAILED_TO_SAVE;
  }
  const range = timeRange(numberOf(command.time), numberOf(command.timeEnd));
  if (!range) {
    return FAILED_TO_SAVE;
  }
  const dashboard =
    typeof command.dashboardUID === 'string' ? store.state.dashboards.get(command.dashboardUID) : undefined;
  const tags = Array.isArray(command.tags)
    ? command.tags.filter((tag): tag is string => typeof tag === 'string').map(normalizeTag)
    : [];
  const record: AnnotationRecord = {
    id: store.state.nextAnnotationId++,
    ...range,
    text: command.text,
    tags,
    dashboardId: dashboard?.id ?? 0,
    ...(dashboard ? { dashboardUID: dashboard.uid } : {}),
    panelId: dashboard ? numberOf(command.panelId) : 0,
    created: Date.now(),
    login: who.login,
    email: `${who.login}@sandbox.invalid`,
  };
  store.state.annotations.push(record);
  store.persist();
  return { status: 200, body: { message: 'Annotation added', id: record.id } };
}

/** `GET /api/annotations`; the route has already checked `annotations:read`. */
export function findAnnotations(store: GrafanaStore, params: URLSearchParams): ApiAnswer {
  const from = Number(params.get('from')) || 0;
  const to = Number(params.get('to')) || 0;
  const tags = params
    .getAll('tags')
    .filter((tag) => tag !== '')
    .map(normalizeTag);
  const matchAny = params.get('matchAny') === 'true';
  const type = params.get('type');
  const dashboardUID = params.get('dashboardUID');
  const limit = Number(params.get('limit')) > 0 ? Math.trunc(Number(params.get('limit'))) : DEFAULT_LIMIT;
  const found = store.state.annotations
    .filter(
      (record) =>
        (from <= 0 || to <= 0 || (record.time <= to && record.timeEnd >= from)) &&
        (tags.length === 0 ||
          (matchAny
            ? tags.some((tag) => record.tags.includes(tag))
            : tags.every((tag) => record.tags.includes(tag)))) &&
        // Annotations made through this API are never alert annotations.
        type !== 'alert' &&
        (!dashboardUID || record.dashboardUID === dashboardUID)
    )
    .sort((a, b) => b.time * 1000 + b.timeEnd - (a.time * 1000 + a.timeEnd))
    .slice(0, limit);
  return { status: 200, body: found.map(itemDto) };
}
