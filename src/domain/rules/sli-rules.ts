/**
 * Per-SLO SLI recording rules, run where the SLI's data is (Prometheus, or the Loki ruler for log
 * SLIs): the errors and events of the last 5 minutes and of each hour (the tiles), the event counts
 * of the low-traffic guard, and the error ratios that cannot be built from those (every window of a
 * freeform SLI, the sub-day windows of a log SLI). The error ratios of countable SLIs over the
 * alert windows and the period are built from these once for the whole registry (shared-rules.ts).
 */
import { errorCountQuery, errorRatioQuery, isCountableSli, sliQueryLanguage, totalCountQuery } from '../query/sli';
import { distinctWindows, windowSeconds } from '../windows/windows';
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
import { RecordingRule, RuleGroup } from './types';

/**
 * The tile group is evaluated once an hour so that each event lands in one tile: summing a 30-day
 * period then reads 720 samples per series instead of 8,640 at 5 minutes (or 43,200 raw samples
 * at 1 minute). The period ratio lags by up to an hour, which is small against a period of days;
 * fast changes are caught by the burn-rate windows. A missed evaluation drops an hour from both
 * the errors and the totals, so the ratio stays unbiased.
 */
export const TILE_INTERVAL = '1h';

const TILED_FROM_SECONDS = 86_400;

/**
 * Windows of a day or more (whole hours) are summed from the hourly tiles: 24 or 72 recorded
 * samples per series instead of every raw sample of every raw series over one or three days, which
 * made these two windows nine tenths of the samples all SLI rules read each cycle (bench/RESULTS.md,
 * "Rule cost"). The tiles lag by up to an hour: these are the long windows of ticket alerts (3x over
 * 1d, 1x over 3d), whose short windows (2h, 6h) do not, and of the release-freeze policy. A ratio
 * of two sums of tiles does not depend on how many tiles there are (a missed evaluation drops an
 * hour from both sides), so it stays right when a ruler evaluates the tiles more often than hourly,
 * as `promtool test rules` does.
 */
export function isTiledWindow(window: string): boolean {
  const seconds = windowSeconds(window);
  return seconds >= TILED_FROM_SECONDS && seconds % windowSeconds(TILE_WINDOW) === 0;
}

/**
 * Whether the error ratio of this SLO over `window` is recorded by the shared rules rather than by
 * its own: windows of countable SLIs read from the hourly tiles (log SLIs too: Loki's ruler writes
 * their tiles to Prometheus) and the other windows of countable PromQL SLIs from 5 minutes on,
 * summed from the 5-minute increases. A shorter window (a custom `1m`) cannot be summed from
 * 5-minute spans: the SLO records it from its raw series.
 */
export function isSharedWindow(ctx: SloContext, window: string): boolean {
  if (!isCountableSli(ctx.slo.sli)) {
    return false;
  }
  return (
    isTiledWindow(window) ||
    (sliQueryLanguage(ctx.slo.sli) === 'promql' && windowSeconds(window) >= windowSeconds(BASE_WINDOW))
  );
}

/**
 * SLI groups of one SLO: `slo-<id>-sli` (on Prometheus, its rules join the SLO's `slo-<id>` group;
 * on Loki, it stays a group) and, for countable SLIs, `slo-<id>-increase1h`.
 */
export function buildSliGroups(ctx: SloContext): RuleGroup[] {
  const { slo, groupBy } = ctx;
  const sli = slo.sli;
  const rules: RecordingRule[] = [];
  if (isCountableSli(sli) && sliQueryLanguage(sli) === 'promql') {
    rules.push(
      recording(ctx, SLI_ERROR_INCREASE_5M, errorCountQuery(sli, BASE_WINDOW, groupBy), BASE_WINDOW),
      recording(ctx, SLI_TOTAL_INCREASE_5M, totalCountQuery(sli, BASE_WINDOW, groupBy), BASE_WINDOW)
    );
  }
  for (const window of ctx.sliWindows.filter((candidate) => !isSharedWindow(ctx, candidate))) {
    rules.push(recording(ctx, sliErrorRatioName(window), errorRatioQuery(sli, window, groupBy), window));
  }
  const groups: RuleGroup[] = [{ name: `slo-${slo.id}-sli`, rules }];
  if (!isCountableSli(sli)) {
    return groups;
  }
  if ((slo.alerting.minEvents ?? 0) > 0) {
    // Counts stay on the raw series: a sum of tiles is exact only at one tile an hour, and a
    // missed tile evaluation would hold back an alert; ratios do not depend on the tile count.
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
