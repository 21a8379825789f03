/**
 * Reading every SLO's values from the recorded series in one data source request of a handful of
 * instant queries, each for all SLOs (grouped by `sloth_id`), never one per SLO:
 *
 * - budget left: `slo:period_error_budget_remaining:ratio`, which every SLO records (most of them
 *   hourly: read over the last 2 hours, rules/windowRatio.ts `readBudgetLeft`);
 * - the period SLI follows from it and the objective (`1 - (1 - budget left) × allowed ratio`),
 *   so no period ratio is queried (the rules no longer record one by default);
 * - the current burn rate: the 5-minute error ratio summed from the recorded increases (or, for a
 *   freeform SLI and Sloth's series, the recorded 5-minute ratio), divided here by the SLO's
 *   allowed error ratio;
 * - the budget left one period ago (per period, e.g. 30d and 28d), and the alerts;
 * - for SLOs whose budget policy limits the burn rate, the burn rate over the policy's window
 *   (e.g. 3d), one query per distinct window for those SLOs, as the release gate reads it.
 */
import {
  allowedErrorRatio,
  calendarPeriod,
  CalendarUnit,
  DEFAULT_TIME_ZONE,
  isProblem,
  parseSloWindow,
  sloPeriod,
  tidy,
} from '../../domain/budget';
import { gateTargets } from '../../domain/gate';
import { RegistryDocument, Severity, Slo } from '../../domain/model';
import {
  BURN_ALERT_MATCHER,
  CURRENT_WINDOW,
  FREEZE_ALERT,
  LABEL_ID,
  LABEL_SLOTH_SEVERITY,
} from '../../domain/rules/names';
import { errorRatio, readBudgetLeft } from '../../domain/rules/windowRatio';
import { InstantQuery, InstantResult, Sample } from '../prometheus/instantQuery';
import { SloAlert, SloMeasurement } from './types';

const BUDGET_REF = 'budgetLeft';
const CURRENT_RATIO_REF = 'currentErrorRatio';
const ALERTS_REF = 'alerts';
const PREVIOUS_REF_PREFIX = 'previousBudgetLeft_';
const POLICY_BURN_REF_PREFIX = 'policyBurn_';

/**
 * The range an SLO's period covers at `at`, e.g. `30d`; for a calendar window, the time since its
 * current period started in the SLO's time zone, e.g. `5d7h12m` (at least 5 minutes).
 */
export function recordedPeriod(slo: Slo, at = new Date()): string | undefined {
  const window = parseSloWindow(slo.window);
  if (isProblem(window)) {
    return undefined;
  }
  if (window.kind === 'rolling') {
    return `${window.days}d`;
  }
  const start = sloPeriod(window, at, slo.timeZone).start;
  const minutes = Math.max(5, Math.floor((at.getTime() - start.getTime()) / 60_000));
  return `${minutes}m`;
}

/**
 * What tells the period before the current one apart, for the query of its last budget left: the
 * window of a rolling SLO (`30d`: one window ago), or a calendar SLO's unit and time zone (its
 * periods end at the same instant).
 */
function previousKey(slo: Slo): string | undefined {
  const window = parseSloWindow(slo.window);
  if (isProblem(window)) {
    return undefined;
  }
  return window.kind === 'rolling' ? `${window.days}d` : `${window.unit}_${slo.timeZone ?? DEFAULT_TIME_ZONE}`;
}

/** The budget left as the period before the current one closed, for SLOs of `key` (see {@link previousKey}). */
function previousBudgetExpr(key: string, at: Date): string {
  const [unit, timeZone] = key.split('_');
  if (timeZone === undefined) {
    return `min by (${LABEL_ID}) (${readBudgetLeft('', `offset ${key}`)})`;
  }
  // the last value the every-minute rule recorded before the period ended
  const end = calendarPeriod(unit as CalendarUnit, at, timeZone).start.getTime() / 1000 - 60;
  return `min by (${LABEL_ID}) (${readBudgetLeft('', `@ ${end}`)})`;
}

/** A query's refId from the key: letters, digits and `_` only. */
const previousRef = (key: string) => `${PREVIOUS_REF_PREFIX}${key.replace(/[^A-Za-z0-9_]/g, '_')}`;

const burnWindowsByDoc = new WeakMap<RegistryDocument, Map<string, Map<string, number>>>();

/**
 * The SLOs whose budget policy limits the burn rate, by the window it is measured over, with their
 * allowed error ratio; worked out once per registry, for the queries and again for their answers.
 */
function policyBurnWindows(doc: RegistryDocument): Map<string, Map<string, number>> {
  const known = burnWindowsByDoc.get(doc);
  if (known) {
    return known;
  }
  const windows = new Map<string, Map<string, number>>();
  for (const target of gateTargets(doc.slos, doc)) {
    const { policy, policyWindow, allowed } = target;
    if (policy?.enabled && policy.freezeBurnRate !== undefined && policyWindow && allowed) {
      windows.set(policyWindow, (windows.get(policyWindow) ?? new Map()).set(target.sloId, allowed));
    }
  }
  burnWindowsByDoc.set(doc, windows);
  return windows;
}

/** The instant queries that read every SLO's recorded values, all sent in one request. */
export function recordedQueries(doc: RegistryDocument): InstantQuery[] {
  const slos = doc.slos;
  const keys = [...new Set(slos.map(previousKey).filter((key): key is string => Boolean(key)))].sort();
  const at = new Date();
  return [
    { refId: BUDGET_REF, expr: `min by (${LABEL_ID}) (${readBudgetLeft()})` },
    // The budget left one window ago closed the window before the current one (for a calendar
    // window, the last value of its previous period): with the current value, enough to tell a
    // budget spent two windows in a row (the governance check's limit).
    ...keys.map((key) => ({ refId: previousRef(key), expr: previousBudgetExpr(key, at) })),
    { refId: CURRENT_RATIO_REF, expr: `max by (${LABEL_ID}) ${errorRatio(CURRENT_WINDOW)}` },
    {
      // Burn alerts by the label they all carry (`alerting.name` may rename them), told by
      // `sloth_severity`, which page and ticket labels cannot change as they can `severity`.
      refId: ALERTS_REF,
      expr: `count by (${LABEL_ID}, alertname, alertstate, ${LABEL_SLOTH_SEVERITY}) (ALERTS{${BURN_ALERT_MATCHER}} or ALERTS{alertname="${FREEZE_ALERT}"})`,
    },
    // SLO ids are slugs: an alternation of them needs no escaping.
    ...[...policyBurnWindows(doc)].map(([window, ids]) => ({
      refId: `${POLICY_BURN_REF_PREFIX}${window}`,
      expr: `max by (${LABEL_ID}) (${errorRatio(window, `{${LABEL_ID}=~"${[...ids.keys()].join('|')}"}`)})`,
    })),
  ];
}

function byId(result: InstantResult | undefined): Map<string, number> {
  const values = new Map<string, number>();
  for (const sample of result?.ok ? result.samples : []) {
    const id = sample.labels[LABEL_ID];
    if (id !== undefined && Number.isFinite(sample.value)) {
      values.set(id, sample.value);
    }
  }
  return values;
}

function alertsById(result: InstantResult | undefined): Map<string, Sample[]> {
  const alerts = new Map<string, Sample[]>();
  for (const sample of result?.ok ? result.samples : []) {
    const id = sample.labels[LABEL_ID];
    if (id !== undefined) {
      alerts.set(id, [...(alerts.get(id) ?? []), sample]);
    }
  }
  return alerts;
}

/** Alert state from the `ALERTS` series of one SLO whose rules are loaded. */
export function alertOf(samples: Sample[]): SloAlert {
  const burn = samples.filter((sample) => sample.labels[LABEL_SLOTH_SEVERITY] !== undefined);
  const firing = burn.filter((sample) => sample.labels.alertstate === 'firing');
  const shown = firing.length > 0 ? firing : burn;
  const severities = shown.map((sample) => sample.labels[LABEL_SLOTH_SEVERITY] as Severity | undefined);
  const freeze = samples.some(
    (sample) => sample.labels.alertname === FREEZE_ALERT && sample.labels.alertstate === 'firing'
  );
  const status = firing.length > 0 ? 'firing' : burn.length > 0 ? 'pending' : 'inactive';
  const severity = severities.includes('page') ? 'page' : severities.includes('ticket') ? 'ticket' : undefined;
  return { status, ...(severity ? { severity } : {}), ...(freeze ? { freeze } : {}) };
}

/** The first failed recorded query's message, when any failed. */
export function recordedFailure(results: Record<string, InstantResult>): string | undefined {
  for (const result of Object.values(results)) {
    if (!result.ok) {
      return result.message;
    }
  }
  return undefined;
}

/** The SLI over the period that leaves `budgetLeft` of the budget: 1 − (1 − budget left) × allowed error ratio. */
export function periodSli(budgetLeft: number, objective: number): number {
  return tidy(1 - (1 - budgetLeft) * allowedErrorRatio(objective));
}

/**
 * Measurements of the SLOs that have a recorded budget left; SLOs without one are left out (they
 * need the raw query).
 */
export function readRecorded(
  doc: RegistryDocument,
  results: Record<string, InstantResult>
): Map<string, SloMeasurement> {
  const slos = doc.slos;
  const budget = byId(results[BUDGET_REF]);
  const policyBurn = new Map<string, { rate: number; window: string }>();
  for (const [window, ids] of policyBurnWindows(doc)) {
    for (const [id, ratio] of byId(results[`${POLICY_BURN_REF_PREFIX}${window}`])) {
      const allowed = ids.get(id);
      if (allowed) {
        policyBurn.set(id, { rate: tidy(ratio / allowed), window });
      }
    }
  }
  const currentRatio = byId(results[CURRENT_RATIO_REF]);
  const alerts = alertsById(results[ALERTS_REF]);
  const previousByPeriod = new Map<string, Map<string, number>>();
  const measured = new Map<string, SloMeasurement>();
  for (const slo of slos) {
    const period = previousKey(slo);
    if (period && !previousByPeriod.has(period)) {
      previousByPeriod.set(period, byId(results[previousRef(period)]));
    }
    const budgetLeft = budget.get(slo.id);
    if (budgetLeft === undefined) {
      continue;
    }
    const previousBudgetLeft = period ? previousByPeriod.get(period)?.get(slo.id) : undefined;
    const ratio = currentRatio.get(slo.id);
    measured.set(slo.id, {
      source: 'recorded',
      sli: periodSli(budgetLeft, slo.objective),
      budgetLeft,
      burnRate: ratio === undefined ? undefined : tidy(ratio / allowedErrorRatio(slo.objective)),
      ...(previousBudgetLeft === undefined ? {} : { previousBudgetLeft }),
      ...(policyBurn.has(slo.id) ? { policyBurn: policyBurn.get(slo.id) } : {}),
      alert: alertOf(alerts.get(slo.id) ?? []),
    });
  }
  return measured;
}
