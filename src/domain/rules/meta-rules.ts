/**
 * The per-SLO meta group: the `slo:info` series that carries the SLO's objective, window and name
 * (the shared rules derive objective, budget and period length from it), and the period ratio of a
 * freeform SLI, which has no event counts to share. It reads recorded series only, so it lives in
 * the Prometheus file for every SLI kind.
 */
import { SloContext } from './context';
import { SLO_INFO, TILE_WINDOW, sliErrorRatioName } from './names';
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
 * A freeform SLI has no counts: its period ratio averages its 1h ratio (every hour weighs the
 * same). Countable SLIs divide summed error tiles by summed event tiles in the shared rules. When
 * the period is also an alert window, the SLI group already records it.
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
      `avg_over_time(${sliErrorRatioName(TILE_WINDOW)}${matcher}[${period}])`,
      period
    ),
  ];
}
