/**
 * Per-SLO SLI recording rules, run where the SLI's data is (Prometheus, or the Loki ruler for log
 * SLIs). A countable SLI records its errors and events of the last 5 minutes and of each hour (the
 * tiles): every window alerts, panels and the gate read is summed from those in the query itself
 * (windowRatio.ts). A freeform SLI has no counts, so it records its error ratio over each window it
 * alerts on; so does a countable SLI for a window under 5 minutes, which 5-minute increases cannot
 * make up.
 */
import { countQueries, errorRatioQuery, isCountableSli, totalCountQuery } from '../query/sli';
import { distinctWindows } from '../windows/windows';
import { SloContext } from './context';
import {
  BASE_WINDOW,
  LABEL_WINDOW,
  SLI_ERROR_INCREASE_1H,
  SLI_ERROR_INCREASE_5M,
  SLI_TOTAL_INCREASE_1H,
  SLI_TOTAL_INCREASE_5M,
  TILE_WINDOW,
  sliErrorRatioName,
  sliTotalCountName,
} from './names';
import { flat } from './text';
import { RecordingRule, RuleGroup } from './types';
import { isSummableWindow } from './windowRatio';

/**
 * The tile group is evaluated once an hour so that each event lands in one tile: summing a 30-day
 * period then reads 720 samples per series instead of 8,640 at 5 minutes (or 43,200 raw samples
 * at 1 minute). The period ratio lags by up to an hour, which is small against a period of days;
 * fast changes are caught by the burn-rate windows. A missed evaluation drops an hour from both
 * the errors and the totals, so the ratio stays unbiased.
 */
export const TILE_INTERVAL = '1h';

/**
 * Whether the SLO records its own error ratio over `window`: every window of a freeform SLI, and
 * windows under 5 minutes of a countable one. The other windows are summed from the increases.
 */
export function recordsOwnRatio(ctx: SloContext, window: string): boolean {
  return !isCountableSli(ctx.slo.sli) || !isSummableWindow(window);
}

/**
 * SLI groups of one SLO: `slo-<id>-sli` (on Prometheus, its rules join the SLO's `slo-<id>` group;
 * on Loki, it stays a group) and, for countable SLIs, `slo-<id>-increase1h`.
 */
export function buildSliGroups(ctx: SloContext): RuleGroup[] {
  const { slo, groupBy } = ctx;
  const sli = slo.sli;
  const rules: RecordingRule[] = [];
  if (isCountableSli(sli)) {
    const counts = countQueries(sli, BASE_WINDOW, groupBy);
    rules.push(
      recording(ctx, SLI_ERROR_INCREASE_5M, counts.errors, BASE_WINDOW),
      recording(ctx, SLI_TOTAL_INCREASE_5M, counts.total, BASE_WINDOW)
    );
  }
  for (const window of ctx.sliWindows.filter((candidate) => recordsOwnRatio(ctx, candidate))) {
    rules.push(recording(ctx, sliErrorRatioName(window), errorRatioQuery(sli, window, groupBy), window));
  }
  const groups: RuleGroup[] = [{ name: `slo-${slo.id}-sli`, rules }];
  if (!isCountableSli(sli)) {
    return groups;
  }
  if ((slo.alerting.minEvents ?? 0) > 0) {
    // A long window under 5 minutes cannot be summed from the 5-minute increases.
    const counted = ctx.alertWindows.map((burn) => burn.long).filter((window) => !isSummableWindow(window));
    for (const window of distinctWindows(counted)) {
      rules.push(recording(ctx, sliTotalCountName(window), totalCountQuery(sli, window, groupBy), window));
    }
  }
  const tiles = countQueries(sli, TILE_WINDOW, groupBy);
  groups.push({
    name: `slo-${slo.id}-increase${TILE_WINDOW}`,
    interval: TILE_INTERVAL,
    rules: [
      recording(ctx, SLI_ERROR_INCREASE_1H, tiles.errors, TILE_WINDOW),
      recording(ctx, SLI_TOTAL_INCREASE_1H, tiles.total, TILE_WINDOW),
    ],
  });
  return groups;
}

/** A recording rule carrying the SLO's labels and `sloth_window`. */
export function recording(ctx: SloContext, record: string, expr: string, window?: string): RecordingRule {
  const labels = window ? { ...ctx.labels, [LABEL_WINDOW]: window } : { ...ctx.labels };
  return { record, expr: flat(expr), labels };
}
