/**
 * The fallback for SLOs whose recorded series are missing (rules not loaded yet): the SLI's own
 * query over the window and over 5 minutes. Costly over 30 days, so it runs only for those SLOs.
 */
import { allowedErrorRatio, budgetConsumed, budgetRemaining } from '../../domain/budget';
import { Slo } from '../../domain/model';
import { errorRatioQuery } from '../../domain/query/sli';
import { CURRENT_WINDOW } from '../../domain/rules/names';
import { InstantQuery, InstantResult } from '../prometheus/instantQuery';
import { recordedPeriod } from './recorded';
import { SloMeasurement, UNKNOWN_ALERT } from './types';

const PERIOD_REF = 'period';
const CURRENT_REF = 'current';

/** The SLO's error ratio over its window and over the current-burn window, summed over all series. */
export function rawQueries(slo: Slo): InstantQuery[] {
  const period = recordedPeriod(slo) ?? '30d';
  return [
    { refId: PERIOD_REF, expr: errorRatioQuery(slo.sli, period) },
    { refId: CURRENT_REF, expr: errorRatioQuery(slo.sli, CURRENT_WINDOW) },
  ];
}

/** Reads the raw answers: no series, no events (0/0) and failures become "no data" with the reason. */
export function readRaw(slo: Slo, results: Record<string, InstantResult>): SloMeasurement {
  const period = results[PERIOD_REF];
  if (!period || !period.ok) {
    return { source: 'none', alert: UNKNOWN_ALERT, reason: { kind: 'queryFailed', message: period?.message ?? '' } };
  }
  if (period.samples.length === 0) {
    return { source: 'none', alert: UNKNOWN_ALERT, reason: { kind: 'noSeries' } };
  }
  const ratio = Math.max(...period.samples.map((sample) => sample.value));
  if (!Number.isFinite(ratio)) {
    return { source: 'none', alert: UNKNOWN_ALERT, reason: { kind: 'noTraffic' } };
  }
  const current = results[CURRENT_REF];
  const currentRatio = current?.ok && current.samples.length > 0 ? current.samples[0].value : undefined;
  return {
    source: 'raw',
    sli: 1 - ratio,
    budgetLeft: budgetRemaining(budgetConsumed(ratio, slo.objective)),
    burnRate:
      currentRatio !== undefined && Number.isFinite(currentRatio)
        ? currentRatio / allowedErrorRatio(slo.objective)
        : undefined,
    alert: UNKNOWN_ALERT,
  };
}
