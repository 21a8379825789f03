/**
 * Reading every SLO's values from the recorded series in a handful of instant queries: one per
 * recorded metric for all SLOs (grouped by `sloth_id`), never one per SLO. The SLI query is per
 * period (`slo:sli_error:ratio_rate30d`, `…28d`) because the period is part of the series name.
 */
import { isProblem, parseSloWindow, ruleWindowDays } from '../../domain/budget';
import { Severity, Slo } from '../../domain/model';
import {
  BURN_ALERT_MATCHER,
  CURRENT_BURN_RATE,
  FREEZE_ALERT,
  LABEL_ID,
  LABEL_SLOTH_SEVERITY,
  PERIOD_BUDGET_REMAINING,
  sliErrorRatioName,
} from '../../domain/rules/names';
import { InstantQuery, InstantResult, Sample } from '../prometheus/instantQuery';
import { SloAlert, SloMeasurement } from './types';

const BUDGET_REF = 'budgetLeft';
const BURN_REF = 'burnRate';
const ALERTS_REF = 'alerts';
const SLI_REF_PREFIX = 'sli_';
const PREVIOUS_REF_PREFIX = 'previousBudgetLeft_';

/** The period the rules record for an SLO's window, e.g. `30d` (a calendar month records 30d). */
export function recordedPeriod(slo: Slo): string | undefined {
  const window = parseSloWindow(slo.window);
  return isProblem(window) ? undefined : `${ruleWindowDays(window)}d`;
}

/** The instant queries that read every SLO's recorded values. */
export function recordedQueries(slos: Slo[]): InstantQuery[] {
  const periods = [...new Set(slos.map(recordedPeriod).filter((period): period is string => Boolean(period)))].sort();
  return [
    ...periods.map((period) => ({
      refId: `${SLI_REF_PREFIX}${period}`,
      expr: `max by (${LABEL_ID}) (${sliErrorRatioName(period)})`,
    })),
    { refId: BUDGET_REF, expr: `min by (${LABEL_ID}) (${PERIOD_BUDGET_REMAINING})` },
    // The budget left one window ago closed the window before the current one: with the current
    // value, enough to tell a budget spent two windows in a row (the governance check's limit).
    ...periods.map((period) => ({
      refId: `${PREVIOUS_REF_PREFIX}${period}`,
      expr: `min by (${LABEL_ID}) (${PERIOD_BUDGET_REMAINING} offset ${period})`,
    })),
    { refId: BURN_REF, expr: `max by (${LABEL_ID}) (${CURRENT_BURN_RATE})` },
    {
      // Burn alerts by the label they all carry (`alerting.name` may rename them), told by
      // `sloth_severity`, which page and ticket labels cannot change as they can `severity`.
      refId: ALERTS_REF,
      expr: `count by (${LABEL_ID}, alertname, alertstate, ${LABEL_SLOTH_SEVERITY}) (ALERTS{${BURN_ALERT_MATCHER}} or ALERTS{alertname="${FREEZE_ALERT}"})`,
    },
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

/**
 * Measurements of the SLOs that have recorded values; SLOs without any recorded SLI or budget
 * are left out (they need the raw query).
 */
export function readRecorded(slos: Slo[], results: Record<string, InstantResult>): Map<string, SloMeasurement> {
  const budget = byId(results[BUDGET_REF]);
  const burn = byId(results[BURN_REF]);
  const alerts = alertsById(results[ALERTS_REF]);
  const sliByPeriod = new Map<string, Map<string, number>>();
  const previousByPeriod = new Map<string, Map<string, number>>();
  const measured = new Map<string, SloMeasurement>();
  for (const slo of slos) {
    const period = recordedPeriod(slo);
    if (period && !sliByPeriod.has(period)) {
      sliByPeriod.set(period, byId(results[`${SLI_REF_PREFIX}${period}`]));
      previousByPeriod.set(period, byId(results[`${PREVIOUS_REF_PREFIX}${period}`]));
    }
    const errorRatio = period ? sliByPeriod.get(period)?.get(slo.id) : undefined;
    const previousBudgetLeft = period ? previousByPeriod.get(period)?.get(slo.id) : undefined;
    const budgetLeft = budget.get(slo.id);
    if (errorRatio === undefined && budgetLeft === undefined) {
      continue;
    }
    measured.set(slo.id, {
      source: 'recorded',
      sli: errorRatio === undefined ? undefined : 1 - errorRatio,
      budgetLeft,
      burnRate: burn.get(slo.id),
      ...(previousBudgetLeft === undefined ? {} : { previousBudgetLeft }),
      alert: alertOf(alerts.get(slo.id) ?? []),
    });
  }
  return measured;
}
