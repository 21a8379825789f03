/**
 * Per-SLO SLI recording rules, run where the SLI's data is (Prometheus, or the Loki ruler for log
 * SLIs). A countable SLI records its errors and events of the last 5 minutes and of each hour (the
 * tiles): every window alerts, panels and the gate read is summed from those in the query itself
 * (windowRatio.ts). A freeform SLI has no counts, so it records its error ratio over each window it
 * alerts on; so does a countable SLI for a window under 5 minutes, which 5-minute increases cannot
 * make up.
 */
import {
  CountableSli,
  countQueries,
  errorCountFromTotal,
  errorRatioQuery,
  isCountableSli,
  totalCountQuery,
} from '../query/sli';
import { distinctWindows } from '../windows/windows';
import { SloContext } from './context';
import { formatMatchers } from '../query/selector';
import {
  BASE_WINDOW,
  LABEL_ID,
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
import { isAlertingRule, RecordingRule, RuleFile, RuleGroup } from './types';
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
 * SLI groups of one SLO: `slo-<id>-sli` (on Prometheus, its rules join the SLO's `slo-<id>-1m` group;
 * on Loki, it stays a group) and, for countable SLIs, `slo-<id>-increase1h`.
 */
export function buildSliGroups(ctx: SloContext): RuleGroup[] {
  const { slo, groupBy } = ctx;
  const sli = slo.sli;
  const rules: RecordingRule[] = [];
  if (isCountableSli(sli)) {
    rules.push(...countRules(ctx, sli, BASE_WINDOW, SLI_ERROR_INCREASE_5M, SLI_TOTAL_INCREASE_5M));
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
  groups.push({
    name: `slo-${slo.id}-increase${TILE_WINDOW}`,
    interval: TILE_INTERVAL,
    rules: countRules(ctx, sli, TILE_WINDOW, SLI_ERROR_INCREASE_1H, SLI_TOTAL_INCREASE_1H),
  });
  return groups;
}

/**
 * The error and event counts over `window`, total first. On Prometheus the error count then reads
 * the total just recorded instead of counting the SLI's raw series again ({@link errorCountFromTotal}):
 * a rule group's later rules read what its earlier ones recorded at the same evaluation time, so
 * the two stay consistent, and the increases of every SLO cost a third less (bench/RESULTS.md, "Rule
 * cost"). On Loki, whose ruler sends what it records to Prometheus, both count the logs.
 */
function countRules(
  ctx: SloContext,
  sli: CountableSli,
  window: string,
  errorsName: string,
  totalName: string
): RecordingRule[] {
  const counts = countQueries(sli, window, ctx.groupBy);
  const errors =
    sli.kind === 'logRatio'
      ? counts.errors
      : errorCountFromTotal(sli, window, ctx.groupBy, `${totalName}${ctx.matcher}`);
  return [recording(ctx, totalName, counts.total, window), recording(ctx, errorsName, errors, window)];
}

/** A recording rule carrying the SLO's labels and `sloth_window`. */
export function recording(ctx: SloContext, record: string, expr: string, window?: string): RecordingRule {
  const labels = window ? { ...ctx.labels, [LABEL_WINDOW]: window } : { ...ctx.labels };
  return { record, expr: flat(expr), labels };
}

/** Each error count's name, by the name of the total it reads. */
const ERRORS_OF_TOTAL = new Map([
  [SLI_TOTAL_INCREASE_5M, SLI_ERROR_INCREASE_5M],
  [SLI_TOTAL_INCREASE_1H, SLI_ERROR_INCREASE_1H],
]);

/**
 * The rules with every error count reading its SLI's raw series again instead of the total its group
 * recorded just before: the same values, for tools that evaluate each rule on its own over a range,
 * such as `promtool tsdb create-blocks-from rules`, which queries a server that does not hold what the
 * same run records. Each total's expression takes the place of its recorded series.
 */
export function standaloneRuleFile(file: RuleFile): RuleFile {
  const totals = new Map<string, string>();
  for (const rule of file.groups.flatMap((group) => group.rules)) {
    const id = rule.labels?.[LABEL_ID];
    if (!isAlertingRule(rule) && ERRORS_OF_TOTAL.has(rule.record) && id !== undefined) {
      totals.set(`${rule.record}${formatMatchers({ [LABEL_ID]: id })}`, rule.expr);
    }
  }
  const standalone = (rule: RecordingRule): RecordingRule => {
    const id = rule.labels?.[LABEL_ID];
    if (id === undefined || ![...ERRORS_OF_TOTAL.values()].includes(rule.record)) {
      return rule;
    }
    let expr = rule.expr;
    for (const total of ERRORS_OF_TOTAL.keys()) {
      const selector = `${total}${formatMatchers({ [LABEL_ID]: id })}`;
      const raw = totals.get(selector);
      if (raw !== undefined) {
        expr = expr.split(selector).join(`(${raw})`);
      }
    }
    return { ...rule, expr };
  };
  return {
    groups: file.groups.map((group) => ({
      ...group,
      rules: group.rules.map((rule) => (isAlertingRule(rule) ? rule : standalone(rule))),
    })),
  };
}
