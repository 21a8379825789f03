/**
 * The error ratio of an SLO over any window, in PromQL, from the few series each SLO records.
 *
 * By default an SLO records six series (bench/RESULTS.md, "Rule cost"): the errors and events of
 * the last 5 minutes (`slo:sli_error:increase5m`, `slo:sli_total:increase5m`), the same in hourly
 * tiles (`…:increase1h`), `slo:info` and the budget left over its period, recorded hourly after the
 * tiles where it changes only with them (meta-rules.ts), so it is read through
 * {@link readBudgetLeft}. Every window an alert, a panel or the release gate needs is summed from
 * those inside the query itself:
 *
 * - 5 minutes: the last 5-minute increases, errors over events.
 * - Under an hour (30m): every increase recorded in the window (once a minute, in the SLO's `-1m`
 *   group), summed. Recorded every i minutes there are 30 / i of them; consecutive 5-minute spans overlap,
 *   so an event counts once per evaluation whose span holds it, on both sides alike: the ratio is
 *   traffic-weighted with full weight on events 5 to 30 minutes old; the newest 5 minutes ramp in
 *   and the 5 minutes before the window ramp out. The weights add up to exactly the window.
 * - From an hour to under a day (1h, 2h, 6h), and longer windows not in whole hours: one increase every
 *   5 minutes (a subquery `[5h59m59s999ms:5m]`, 72 steps for 6h): spans that follow each other
 *   without overlap when the increases' interval divides 5 minutes, so each event counts once, over
 *   exactly the window that ends at the last 5-minute step.
 * - A day or more in whole hours (1d, 3d, the period): the hourly tiles, 24 for 1d, 720 for 30d.
 *
 * Only countable SLIs (ratio, latency, log) have increases. A freeform SLI, and a window shorter
 * than 5 minutes, keep a recorded ratio per window (`slo:sli_error:ratio_rate<w>`), as do all SLOs
 * when the registry records Sloth's series (`settings.slothSeries`).
 *
 * Ranges over recorded series are 1 ms shorter than their window (ranges.ts).
 */
import { allowedErrorRatio } from '../budget/budget';
import { Sli } from '../model';
import { orTerms } from '../query/combine';
import { isCountableSli } from '../query/sli';
import { windowSeconds } from '../windows/windows';
import {
  BASE_WINDOW,
  INFO_OBJECTIVE,
  LABEL_ID,
  LABEL_WINDOW,
  PERIOD_BUDGET_REMAINING,
  SLI_ERROR_INCREASE_1H,
  SLI_ERROR_INCREASE_5M,
  SLI_TOTAL_INCREASE_1H,
  SLI_TOTAL_INCREASE_5M,
  SLO_INFO,
  TILE_WINDOW,
  sliErrorRatioName,
} from './names';
import { exactRange } from './ranges';

const TILED_FROM_SECONDS = 86_400;
/** Windows from this length on sum one 5-minute increase every 5 minutes (a subquery). */
const STEPPED_FROM_SECONDS = 3600;

/**
 * Windows of a day or more in whole hours are summed from the hourly tiles: 24 or 72 recorded
 * samples per series instead of every 5-minute increase. The tiles lag by up to an hour: these are
 * the long windows of ticket alerts (3x over 1d, 1x over 3d), whose short windows (2h, 6h) do not,
 * of the release-freeze policy and of the period.
 */
export function isTiledWindow(window: string): boolean {
  const seconds = windowSeconds(window);
  return seconds >= TILED_FROM_SECONDS && seconds % windowSeconds(TILE_WINDOW) === 0;
}

/** Whether a countable SLI's ratio over `window` can be summed from its increases (5 minutes or more). */
export function isSummableWindow(window: string): boolean {
  return windowSeconds(window) >= windowSeconds(BASE_WINDOW);
}

/** The range and series to sum for `window`: tiles, 5-minute steps, or every recorded increase. */
function sumOver(window: string): { errors: string; total: string; range: string } {
  if (isTiledWindow(window)) {
    return { errors: SLI_ERROR_INCREASE_1H, total: SLI_TOTAL_INCREASE_1H, range: exactRange(window) };
  }
  const stepped = windowSeconds(window) >= STEPPED_FROM_SECONDS;
  return {
    errors: SLI_ERROR_INCREASE_5M,
    total: SLI_TOTAL_INCREASE_5M,
    range: stepped ? `${exactRange(window)}:${BASE_WINDOW}` : exactRange(window),
  };
}

/**
 * Error ratio over `window` summed from the increases of the series `selector` picks (`{sloth_id="x"}`
 * or `{sloth_service=~"a|b"}`). The result keeps the series' labels but `sloth_window` and the
 * name, one series per SLO and group; empty for SLOs without increases (freeform SLIs).
 */
export function summedErrorRatio(window: string, selector = ''): string {
  if (!isSummableWindow(window)) {
    throw new Error(`window ${window} is shorter than ${BASE_WINDOW}: it has a recorded ratio`);
  }
  if (window === BASE_WINDOW) {
    return `max without (${LABEL_WINDOW}) (${SLI_ERROR_INCREASE_5M}${selector} / ${SLI_TOTAL_INCREASE_5M}${selector})`;
  }
  const { errors, total, range } = sumOver(window);
  return (
    `max without (${LABEL_WINDOW}) (` +
    `sum_over_time(${errors}${selector}[${range}]) / sum_over_time(${total}${selector}[${range}]))`
  );
}

/** The events over `window` summed from the 5-minute increases (the low-traffic guard). */
export function summedEventCount(window: string, selector = ''): string {
  const range = `${exactRange(window)}:${BASE_WINDOW}`;
  return `max without (${LABEL_WINDOW}) (sum_over_time(${SLI_TOTAL_INCREASE_5M}${selector}[${range}]))`;
}

/** The recorded error ratio over `window`, without `sloth_window` (freeform SLIs, Sloth's series). */
export function recordedErrorRatio(window: string, selector = ''): string {
  return `max without (${LABEL_WINDOW}) (${sliErrorRatioName(window)}${selector})`;
}

/**
 * Error ratio over `window` of SLOs with this SLI: summed from the increases when it counts events
 * and the window is 5 minutes or more, else its recorded ratio.
 */
export function sliErrorRatio(sli: Sli, window: string, selector = ''): string {
  return isCountableSli(sli) && isSummableWindow(window)
    ? summedErrorRatio(window, selector)
    : recordedErrorRatio(window, selector);
}

/**
 * Error ratio over `window` for every SLO the selector picks, whatever its SLI: summed from the
 * increases where an SLO has them, else its recorded ratio (freeform SLIs; a window under 5
 * minutes has only the recorded one).
 */
export function errorRatio(window: string, selector = ''): string {
  if (!isSummableWindow(window)) {
    return recordedErrorRatio(window, selector);
  }
  return `(${summedErrorRatio(window, selector)} or ${recordedErrorRatio(window, selector)})`;
}

/**
 * How far back the budget left is read. Most SLOs record it once an hour (meta-rules.ts), so the
 * 5 minutes Prometheus looks back for an instant vector would find it only just after each
 * evaluation; 2 hours still find it after one missed evaluation or a restart. The price: an SLO
 * removed from the registry keeps its last value for up to 2 hours.
 */
export const BUDGET_LEFT_LOOKBACK = '2h';

/**
 * The budget left of the series the selector picks, as every reader reads it: the last value of the
 * last {@link BUDGET_LEFT_LOOKBACK}, at the query's time or at the one `modifier` sets (`offset 30d`,
 * `@ 1700000000`). One series per SLO, group and window, labelled as recorded.
 */
export function readBudgetLeft(selector = '', modifier = ''): string {
  const at = modifier ? ` ${modifier}` : '';
  return `last_over_time(${PERIOD_BUDGET_REMAINING}${selector}[${BUDGET_LEFT_LOOKBACK}]${at})`;
}

/**
 * The share of the period's budget left of the SLOs the selector picks, without `sloth_window`: one
 * series per SLO and group; negative when the budget is overspent.
 */
export function budgetLeft(selector = ''): string {
  return `max without (${LABEL_WINDOW}) (${readBudgetLeft(selector)})`;
}

/**
 * The error ratio each SLO's objective allows (its error budget as a ratio), one series per SLO
 * named by `sloth_id`, built from `slo:info`'s `objective` label: one term per distinct objective,
 * so a query divides by it with `/ on (sloth_id) group_left …` at the cost of one `slo:info` series
 * per SLO and no recorded constant.
 */
export function allowedRatioBySlo(objectives: number[], selector = ''): string {
  const distinct = [...new Set(objectives)].sort((a, b) => a - b);
  if (distinct.length === 0) {
    return `(0 * group by (${LABEL_ID}) (${SLO_INFO}${selector}))`;
  }
  const inner = selector.replace(/^\{|\}$/g, '');
  return orTerms(
    distinct.map(
      (objective) =>
        `(${allowedErrorRatio(objective)} * group by (${LABEL_ID}) (${SLO_INFO}{${[
          ...(inner ? [inner] : []),
          `${INFO_OBJECTIVE}="${objective}"`,
        ].join(', ')}}))`
    )
  );
}
