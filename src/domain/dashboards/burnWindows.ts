/**
 * The burn-rate panels of the on-call dashboard: one per alert window pair (long/short) in use by
 * the service's SLOs, with the alert thresholds (factors from the window presets) drawn as lines.
 * A panel covers every SLO alerting on that pair in one query per window.
 */
import { isProblem, parseSloWindow, ruleWindowDays } from '../budget/window';
import { BurnWindow, Slo } from '../model';
import { ERROR_BUDGET_RATIO, LABEL_ID, sliErrorRatioName } from '../rules/names';
import { enabledBurnWindows, windowSeconds } from '../windows/windows';
import { regexMatcher } from '../query/selector';
import { Threshold } from './types';

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

/** The burn rate of the spec's SLOs over `window`: error ratio ÷ allowed error ratio, per SLO. */
export function burnRateExpr(spec: BurnPanelSpec, window: string, recorded: string): string {
  const selector = `${recorded.slice(0, -1)}, ${LABEL_ID}=~"$slo", ${regexMatcher(
    LABEL_ID,
    spec.slos.map(({ slo }) => slo.id)
  )}}`;
  return (
    `max by (${LABEL_ID}) (${sliErrorRatioName(window)}${selector})` +
    ` / on (${LABEL_ID}) max by (${LABEL_ID}) (${ERROR_BUDGET_RATIO}${selector})`
  );
}

/** Green below the lowest factor; each distinct factor drawn in the tier's colour. */
export function burnThresholds(spec: BurnPanelSpec): Threshold[] {
  const color = spec.severity === 'page' ? 'red' : 'orange';
  const factors = [...new Set(spec.slos.map(({ factor }) => factor))].sort((a, b) => a - b);
  return [{ value: null, color: 'green' }, ...factors.map((value) => ({ value, color }))];
}
