/**
 * SLI recording rules: the error ratio over every window the alerts and dashboards use, the
 * one-hour error and event tiles of the period ratio, and the event counts of the low-traffic
 * guard. They run where the SLI's data is: Prometheus, or the Loki ruler for log SLIs.
 */
import { errorCountQuery, errorRatioQuery, isCountableSli, totalCountQuery } from '../promql/sli';
import { distinctWindows } from '../windows/windows';
import { SloContext } from './context';
import {
  LABEL_WINDOW,
  SLI_ERROR_INCREASE_1H,
  SLI_TOTAL_INCREASE_1H,
  TILE_WINDOW,
  sliErrorRatioName,
  sliTotalCountName,
} from './names';
import { RecordingRule, RuleGroup } from './types';

/**
 * The tile group is evaluated once an hour so that each event lands in one tile: summing a 30-day
 * period then reads 720 samples per series instead of 8,640 at 5 minutes (or 43,200 raw samples
 * at 1 minute). The period ratio lags by up to an hour, which is small against a period of days;
 * fast changes are caught by the burn-rate windows. A missed evaluation drops an hour from both
 * the errors and the totals, so the ratio stays unbiased.
 */
export const TILE_INTERVAL = '1h';

/** SLI groups of one SLO: `slo-<id>-sli` and, for countable SLIs, `slo-<id>-increase1h`. */
export function buildSliGroups(ctx: SloContext): RuleGroup[] {
  const { slo, groupBy } = ctx;
  const rules: RecordingRule[] = ctx.sliWindows.map((window) =>
    recording(ctx, sliErrorRatioName(window), errorRatioQuery(slo.sli, window, groupBy), window)
  );
  const groups: RuleGroup[] = [{ name: `slo-${slo.id}-sli`, rules }];
  const sli = slo.sli;
  if (!isCountableSli(sli)) {
    return groups;
  }
  if ((slo.alerting.minEvents ?? 0) > 0) {
    for (const window of distinctWindows(ctx.alertWindows.map((burn) => burn.long))) {
      rules.push(recording(ctx, sliTotalCountName(window), totalCountQuery(sli, window, groupBy), window));
    }
  }
  groups.push({
    name: `slo-${slo.id}-increase${TILE_WINDOW}`,
    interval: TILE_INTERVAL,
    rules: [
      recording(ctx, SLI_ERROR_INCREASE_1H, errorCountQuery(sli, TILE_WINDOW, groupBy), TILE_WINDOW),
      recording(ctx, SLI_TOTAL_INCREASE_1H, totalCountQuery(sli, TILE_WINDOW, groupBy), TILE_WINDOW),
    ],
  });
  return groups;
}

/** A recording rule carrying the SLO's labels and `sloth_window`. */
export function recording(ctx: SloContext, record: string, expr: string, window?: string): RecordingRule {
  const labels = window ? { ...ctx.labels, [LABEL_WINDOW]: window } : { ...ctx.labels };
  return { record, expr, labels };
}
