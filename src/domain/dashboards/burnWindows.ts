/**
 * The burn-rate panels of the on-call dashboard: one per alert window pair (long/short) in use by
 * the service's SLOs, with the alert thresholds (factors from the window presets) drawn as lines.
 * A panel covers every SLO alerting on that pair in one query per window.
 */
import { allowedErrorRatio } from '../budget/budget';
import { isProblem, parseSloWindow, ruleWindowDays } from '../budget/window';
import { BurnWindow, Slo } from '../model';
import { BASE_WINDOW, LABEL_ID } from '../rules/names';
import { enabledBurnWindows, windowSeconds } from '../windows/windows';
import { orTerms } from '../query/combine';
import { regexMatcher } from '../query/selector';
import { isCountableSli } from '../query/sli';
import { sloErrorRatio } from './sloQueries';
import { Threshold } from './types';

/** Windows from an hour on are summed at 5-minute steps or from hourly tiles (rules/windowRatio.ts). */
const STEPPED_FROM_SECONDS = 3600;

/** One window pair and the SLOs (with their factor) that alert on it. */
export interface BurnPanelSpec {
  long: string;
  short: string;
  tiers: string[];
  severity: BurnWindow['severity'];
  slos: Array<{ slo: Slo; factor: number }>;
}

/** Window pairs of the SLOs' enabled burn alerts, shortest long window first. */
export function burnPanelSpecs(slos: Slo[]): BurnPanelSpec[] {
  const specs = new Map<string, BurnPanelSpec>();
  for (const slo of slos) {
    const window = parseSloWindow(slo.window);
    if (isProblem(window)) {
      continue;
    }
    for (const burn of enabledBurnWindows(slo.alerting, ruleWindowDays(window))) {
      const key = `${burn.long}/${burn.short}`;
      const spec = specs.get(key) ?? {
        long: burn.long,
        short: burn.short,
        tiers: [],
        severity: burn.severity,
        slos: [],
      };
      if (!spec.tiers.includes(burn.tier)) {
        spec.tiers.push(burn.tier);
      }
      if (burn.severity === 'page') {
        spec.severity = 'page';
      }
      spec.slos.push({ slo, factor: burn.factor });
      specs.set(key, spec);
    }
  }
  return [...specs.values()].sort((a, b) => windowSeconds(a.long) - windowSeconds(b.long));
}

/**
 * The burn rate of the spec's SLOs over `window`: error ratio ÷ allowed error ratio, per SLO, from
 * the series `recorded` selects (`{sloth_service="checkout"}`) of the SLOs picked by `$slo`. The
 * panel belongs to one service, whose SLOs it lists anyway: one term per objective divides by
 * that objective's allowed ratio, a constant, instead of joining with `slo:info` at every step.
 */
export function burnRateExpr(spec: BurnPanelSpec, window: string, recorded: string): string {
  const byObjective = new Map<number, Slo[]>();
  for (const { slo } of spec.slos) {
    byObjective.set(slo.objective, [...(byObjective.get(slo.objective) ?? []), slo]);
  }
  const terms = [...byObjective].map(([objective, slos]) => {
    const selector = `${recorded.slice(0, -1)}, ${LABEL_ID}=~"$slo", ${regexMatcher(
      LABEL_ID,
      slos.map((slo) => slo.id)
    )}}`;
    return `${sloErrorRatio(slos, window, selector)} / ${allowedErrorRatio(objective)}`;
  });
  return `max by (${LABEL_ID}) (${orTerms(terms)})`;
}

/**
 * The minimum step of the burn rate over `window` when the spec's SLOs count events and the window
 * is an hour or longer: it is summed from one 5-minute increase every 5 minutes or from hourly
 * tiles (rules/windowRatio.ts), so it changes only on 5-minute marks, and a finer step draws each
 * value again and has Prometheus sum the window again (a 20-second step over 6 hours sums a 6-hour
 * window 1,080 times instead of 72). A shorter window sums every evaluation's increase, and a
 * freeform SLI's recorded ratios change at every evaluation: those keep the dashboard's step.
 */
export function burnMinInterval(spec: BurnPanelSpec, window: string): string | undefined {
  const stepped = windowSeconds(window) >= STEPPED_FROM_SECONDS;
  return stepped && spec.slos.every(({ slo }) => isCountableSli(slo.sli)) ? BASE_WINDOW : undefined;
}

/** Green below the lowest factor; each distinct factor drawn in the tier's colour. */
export function burnThresholds(spec: BurnPanelSpec): Threshold[] {
  const color = spec.severity === 'page' ? 'red' : 'orange';
  const factors = [...new Set(spec.slos.map(({ factor }) => factor))].sort((a, b) => a - b);
  return [{ value: null, color: 'green' }, ...factors.map((value) => ({ value, color }))];
}
