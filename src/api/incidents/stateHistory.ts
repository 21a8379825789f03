/**
 * Grafana alerting's state history of Grafana-managed rules: `GET /api/v1/rules/history` with
 * `from` and `to` in Unix seconds, `limit`, and `labels_<name>=<value>` filters on the alert
 * instance's labels. It answers one data frame (`{ schema: { fields }, data: { values } }`) named
 * `states`; with the Loki backend its fields are `time` (Unix ms), `line` (the transition:
 * `previous`, `current`, the instance's `labels`, `ruleUID`, …) and `labels` (the stream's), in
 * time order. Without a history backend the frame has no fields (nothing recorded); the annotation
 * backend answers only for one rule (`ruleUID`, else an error) and with other fields; a Prometheus
 * backend cannot be queried (an error). In all of these the report falls back to Prometheus.
 */
import { FiringInterval, FiringSeries } from '../../domain/incidents';
import { LABEL_SLOTH_SEVERITY } from '../../domain/rules/names';
import { apiRequest } from '../backend';

export const STATE_HISTORY_URL = '/api/v1/rules/history';
/** Transitions read at most; an answer this long may have been cut, which the result says. */
export const STATE_HISTORY_LIMIT = 5000;

interface FrameJson {
  schema?: { fields?: Array<{ name?: string }> };
  data?: { values?: unknown[][] };
}

interface Transition {
  previous?: string;
  current?: string;
  labels?: Record<string, string>;
}

export type StateHistoryResult =
  { ok: true; series: FiringSeries[]; truncated: boolean } | { ok: false; message: string };

/** `Alerting` (with or without a reason such as `(Error)`) and `Recovering` still fire. */
function isFiring(state: string | undefined): boolean {
  return state !== undefined && (state.startsWith('Alerting') || state.startsWith('Recovering'));
}

function isTransition(value: unknown): value is Transition {
  return typeof value === 'object' && value !== null && 'current' in value;
}

/**
 * Firing periods per alert instance from the transitions of a state-history frame. An instance
 * whose first transition leaves a firing state was firing before `from`: its period starts at
 * `from`. One still firing at its last transition is open.
 */
export function firingFromStateHistory(frame: FrameJson, from: number): StateHistoryResult {
  const names = (frame.schema?.fields ?? []).map((field) => field.name);
  if (names.length === 0) {
    // Grafana without a history backend answers an empty frame: nothing was recorded.
    return { ok: true, series: [], truncated: false };
  }
  const times = frame.data?.values?.[names.indexOf('time')];
  const lines = frame.data?.values?.[names.indexOf('line')];
  if (!names.includes('time') || !names.includes('line') || !Array.isArray(times) || !Array.isArray(lines)) {
    return { ok: false, message: 'the state history has no transitions: only a Loki backend lists them for all rules' };
  }
  const byInstance = new Map<string, { labels: Record<string, string>; intervals: FiringInterval[]; open?: number }>();
  times.forEach((time, index) => {
    const line = lines[index];
    if (typeof time !== 'number' || !isTransition(line) || !line.labels) {
      return;
    }
    const key = JSON.stringify(Object.entries(line.labels).sort());
    const instance = byInstance.get(key) ?? { labels: line.labels, intervals: [] };
    byInstance.set(key, instance);
    const firing = isFiring(line.current);
    if (firing && instance.open === undefined) {
      instance.open = time;
    } else if (!firing) {
      const started = instance.open ?? (isFiring(line.previous) && instance.intervals.length === 0 ? from : undefined);
      if (started !== undefined) {
        instance.intervals.push({ start: started, end: time });
      }
      instance.open = undefined;
    }
  });
  const series = [...byInstance.values()].map(({ labels, intervals, open }) => ({
    labels,
    intervals: open === undefined ? intervals : [...intervals, { start: open }],
  }));
  return { ok: true, series, truncated: times.length >= STATE_HISTORY_LIMIT };
}

/** The state history of the page alerts between `from` and `to` (Unix ms). */
export async function fetchStateHistory(from: number, to: number): Promise<StateHistoryResult> {
  const answer = await apiRequest<FrameJson>({
    url: STATE_HISTORY_URL,
    method: 'GET',
    params: {
      from: Math.floor(from / 1000),
      to: Math.ceil(to / 1000),
      limit: STATE_HISTORY_LIMIT,
      [`labels_${LABEL_SLOTH_SEVERITY}`]: 'page',
    },
  });
  if (!answer.ok) {
    return { ok: false, message: answer.message };
  }
  return firingFromStateHistory(answer.value ?? {}, from);
}
