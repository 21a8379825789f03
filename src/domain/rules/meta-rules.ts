/**
 * The per-SLO meta group: the `slo:info` series that carries the SLO's objective, window and name
 * (the shared rules derive objective, budget and period length from it), and the period ratio of a
 * freeform SLI, which has no event counts to share. It reads recorded series only, so it lives in
 * the Prometheus file for every SLI kind.
 */
import { SloContext } from './context';
import { CURRENT_WINDOW, SLO_INFO, sliErrorRatioName } from './names';
import { exactRange } from './ranges';
import { recording } from './sli-rules';
import { RecordingRule, RuleGroup } from './types';

/** Labels `slo:info` adds to the SLO's labels; the shared constants are read from them. */
export const INFO_OBJECTIVE = 'objective';
export const INFO_WINDOW = 'slo_window';
export const INFO_NAME = 'slo_name';

/** The meta rules of one SLO (`slo-<id>-meta`; on Prometheus they join the SLO's `slo-<id>-1m` group). */
export function buildMetaGroup(ctx: SloContext): RuleGroup {
  const { slo } = ctx;
  const rules: RecordingRule[] = [
    ...freeformPeriodRatio(ctx),
    {
      record: SLO_INFO,
      expr: 'vector(1)',
      labels: {
        ...ctx.labels,
        [INFO_OBJECTIVE]: String(slo.objective),
        [INFO_WINDOW]: slo.window,
        [INFO_NAME]: slo.name,
      },
    },
  ];
  return { name: `slo-${slo.id}-meta`, rules };
}

/**
 * A freeform SLI has no counts, so no traffic weighting: its period ratio is Sloth's, the mean of
 * its 5-minute ratio over the period (every 5 minutes weigh the same, busy or quiet). It reads as
 * many samples as the mean of the 1h ratio it replaces (both are recorded every cycle), but counts
 * a burn in full 5 minutes after it ends, where the 1h mean took an hour: 12x too low at the end of
 * a 5-minute burn, 7.5x five minutes later (promtool scenario "the period ratio of a freeform SLI").
 * Countable SLIs divide summed error tiles by summed event tiles in the shared rules. When the
 * period is also an alert window, the SLI group already records it.
 */
function freeformPeriodRatio(ctx: SloContext): RecordingRule[] {
  const { slo, matcher, period } = ctx;
  if (slo.sli.kind !== 'freeform' || ctx.sliWindows.includes(period)) {
    return [];
  }
  return [
    recording(
      ctx,
      sliErrorRatioName(period),
      `avg_over_time(${sliErrorRatioName(CURRENT_WINDOW)}${matcher}[${exactRange(period)}])`,
      period
    ),
  ];
}
