/**
 * The burn-rate panels of the on-call dashboard: one per alert window pair (long/short) in use by
 * the service's SLOs, with the alert thresholds (factors from the window presets) drawn as lines.
 * A panel covers every SLO alerting on that pair in one query per window.
 */
import { isProblem, parseSloWindow, ruleWindowDays } from '../budget/window';
import { BurnWindow, Slo } from '../model';
import { BASE_WINDOW, LABEL_ID, TILE_WINDOW } from '../rules/names';
import { isTiledWindow } from '../rules/windowRatio';
import { enabledBurnWindows, windowSeconds } from '../windows/windows';
import { isCountableSli } from '../query/sli';
import { burnRateBySlo } from './sloQueries';
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

/**
 * The burn rate of the spec's SLOs over `window`, per SLO, from the series `recorded` selects
 * (`{sloth_service="checkout"}`) of the SLOs picked by `$slo`: one term per objective, divided by
 * that objective's allowed ratio (burnRateBySlo).
 */
export function burnRateExpr(spec: BurnPanelSpec, window: string, recorded: string): string {
  return burnRateBySlo(
    spec.slos.map(({ slo }) => slo),
    window,
    `${recorded.slice(0, -1)}, ${LABEL_ID}=~"$slo"}`,
    LABEL_ID
  );
}

/**
 * The minimum step of the burn rate over `window` when the spec's SLOs count events: an hour for a
 * window summed from the hourly tiles (it moves once an hour), else 5 minutes. From an hour on a
 * window is summed from one 5-minute increase every 5 minutes, so it changes only on 5-minute marks;
 * a shorter one moves at every evaluation, but its value 5 minutes apart still counts every event
 * (a 5-minute window sampled every 5 minutes tiles the time axis, a 30-minute one counts each event
 * six times). A finer step draws the same values again and has Prometheus sum the window again: a
 * 20-second step over 6 hours sums it 1,080 times instead of 72. A freeform SLI's recorded ratios
 * keep the dashboard's step.
 */
export function burnMinInterval(spec: BurnPanelSpec, window: string): string | undefined {
  if (!spec.slos.every(({ slo }) => isCountableSli(slo.sli))) {
    return undefined;
  }
  return isTiledWindow(window) ? TILE_WINDOW : BASE_WINDOW;
}

/** Green below the lowest factor; each distinct factor drawn in the tier's colour. */
export function burnThresholds(spec: BurnPanelSpec): Threshold[] {
  const color = spec.severity === 'page' ? 'red' : 'orange';
  const factors = [...new Set(spec.slos.map(({ factor }) => factor))].sort((a, b) => a - b);
  return [{ value: null, color: 'green' }, ...factors.map((value) => ({ value, color }))];
}
