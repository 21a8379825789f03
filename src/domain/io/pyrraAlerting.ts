import { Alerting, BurnWindow, Severity } from '../model';
import { Fields } from '../validation/checker';
import { PyrraObject, YamlPath } from './pyrraFields';
import { fields } from './sourceDoc';

/**
 * Pyrra's four multiwindow burn-rate tiers (`Windows` in pyrra-dev/pyrra slo/rules.go), kept as
 * data: each window is the SLO window divided by these numbers and rounded to the minute, so a 28d
 * SLO gets 14x over 1h/5m, 7x over 6h/30m, 2x over 1d/2h and 1x over 4d/6h, and the windows scale
 * with the SLO window. `hold` is Pyrra's `for`. The factors stay 14/7/2/1 whatever the window,
 * unlike the app's presets, whose factors follow a budget share and whose slowest tier reads 3d:
 * no preset reproduces these tiers, so they are imported as custom windows.
 */
const PYRRA_TIERS = [
  { tier: 'fast-burn', key: 'fastBurn', severity: 'critical', factor: 14, long: 672, short: 8064, hold: 20160 },
  { tier: 'medium-burn', key: 'mediumBurn', severity: 'critical', factor: 7, long: 112, short: 1344, hold: 2688 },
  { tier: 'slow-burn', key: 'slowBurn', severity: 'warning', factor: 2, long: 28, short: 336, hold: 672 },
  { tier: 'long-term-burn', key: 'longTermBurn', severity: 'warning', factor: 1, long: 7, short: 112, hold: 224 },
];

/** The name of Pyrra's burn-rate alerts when `alerting.name` is not set (slo/slo.go). */
const PYRRA_ALERT_NAME = 'ErrorBudgetBurn';
const ALERTING_KEYS = ['name', 'disabled', 'burnrates', 'absent', 'absentName', 'severities'];
const SEVERITY_KEYS = ['absent', ...PYRRA_TIERS.map((tier) => tier.key)];
const MINUTE = 60_000;
const UNITS: Array<[string, number]> = [
  ['y', 365 * 86_400_000],
  ['w', 7 * 86_400_000],
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', MINUTE],
  ['s', 1000],
  ['ms', 1],
];

/** A duration as Prometheus (and Pyrra's `long`/`short` alert labels) write it: `1h4m`, `4d`. */
function formatDuration(ms: number): string {
  let rest = ms;
  const parts = UNITS.map(([unit, size]) => {
    const count = Math.floor(rest / size);
    rest -= count * size;
    return count > 0 ? `${count}${unit}` : '';
  });
  return parts.join('') || '0s';
}

/** Go's `Duration.Round(time.Minute)`: to the nearest minute, halves away from zero. */
const roundToMinute = (ms: number) => Math.round(ms / MINUTE) * MINUTE;

/**
 * Whether Pyrra's windows for an SLO window of `windowMs` are all at least a minute: below 3d the
 * fast tier's short window (the SLO window / 8064) rounds to 0s, and Pyrra's own rules break.
 */
export function pyrraWindowsFit(windowMs: number): boolean {
  return PYRRA_TIERS.every((tier) => roundToMinute(windowMs / tier.short) > 0);
}

/**
 * The `severity` label of each tier: Pyrra's default (critical, critical, warning, warning) unless
 * `severities` sets it. A tier pages when it has the severity of the fast-burn tier; the others
 * open tickets, and the app gives all ticket tiers one label, so a third value is reported.
 */
function tierSeverities(severities: Fields | undefined, path: YamlPath, obj: PyrraObject): string[] {
  const values = PYRRA_TIERS.map((tier) => obj.text(severities, tier.key, path) ?? tier.severity);
  const ticket = values.filter((value) => value !== values[0]);
  const odd = PYRRA_TIERS.findIndex((_, index) => values[index] !== values[0] && values[index] !== ticket[0]);
  if (odd >= 0) {
    obj.report(
      [...path, PYRRA_TIERS[odd].key],
      `severity "${values[odd]}" is a third severity; the app gives every ticket tier one severity label, "${ticket[0]}"`,
      'warning'
    );
  }
  return values;
}

function convertWindows(windowMs: number, severities: string[]): BurnWindow[] {
  return PYRRA_TIERS.map((tier, index) => {
    const severity: Severity = severities[index] === severities[0] ? 'page' : 'ticket';
    const long = formatDuration(roundToMinute(windowMs / tier.long));
    return {
      tier: tier.tier,
      severity,
      factor: tier.factor,
      long,
      short: formatDuration(roundToMinute(windowMs / tier.short)),
    };
  });
}

/**
 * What the import cannot carry over: Pyrra's hold time before a burn alert fires and the labels it
 * gives each tier's alert (a warning: no source field holds them), and its alert on a missing
 * metric, which `absent: false` switches off.
 */
function reportLosses(alerting: Fields | undefined, windowMs: number, enabled: boolean, obj: PyrraObject): void {
  const path: YamlPath = ['spec', 'alerting'];
  if (enabled) {
    const holds = PYRRA_TIERS.map((tier) => formatDuration(roundToMinute(windowMs / tier.hold)));
    obj.report(
      path,
      `Pyrra holds its burn-rate alerts for ${holds.join(', ')} (fast to long-term burn) before they fire and labels them with their short, long and exhaustion; the app's fire as soon as both windows burn and carry burn_tier instead`,
      'warning'
    );
  }
  const absentName = obj.text(alerting, 'absentName', path);
  if (obj.flag(alerting, 'absent', path) !== false) {
    const name = absentName ?? 'SLOMetricAbsent';
    obj.drop(
      [...path, 'absent'],
      `Pyrra's ${name} alert on a missing metric has no equivalent in the app; set spec.alerting.absent: false to acknowledge`
    );
  }
  const absentSeverity = fields(alerting, 'severities')?.absent;
  const unused: Array<[YamlPath, unknown]> = [
    [[...path, 'absentName'], absentName],
    [[...path, 'severities', 'absent'], absentSeverity],
  ];
  for (const [at] of unused.filter(([, value]) => value !== undefined)) {
    obj.drop(at, `${at.join('.')} names the absent alert, which the app does not have`);
  }
}

/** Reports where the fields of `spec.alerting` went, under `target` (the SLO's `alerting`). */
function reportMapped(alerting: Fields | undefined, severities: string[], target: string, obj: PyrraObject): void {
  const path: YamlPath = ['spec', 'alerting'];
  obj.mapped(['spec', 'window'], `${target}.windows`, "Pyrra's four burn-rate tiers for this window");
  for (const key of ['disabled', 'burnrates'].filter((key) => alerting?.[key] !== undefined)) {
    obj.mapped([...path, key], `${target}.enabled`);
  }
  if (alerting?.name !== undefined) {
    obj.mapped([...path, 'name'], `${target}.name`);
  }
  const set = fields(alerting, 'severities') ?? {};
  PYRRA_TIERS.forEach(({ key }, index) => {
    if (set[key] !== undefined) {
      const labels = severities[index] === severities[0] ? 'pageLabels' : 'ticketLabels';
      obj.label([...path, 'severities', key], `${target}.${labels}.severity`);
    }
  });
}

/**
 * Converts `spec.alerting` of a Pyrra SLO whose window lasts `windowMs`: Pyrra's tiers become
 * custom windows, `disabled: true` or `burnrates: false` disables the burn-rate alerts, the alert
 * keeps Pyrra's name (`name`, else `ErrorBudgetBurn`) and each tier's severity stays its
 * `severity` label (through the page and ticket labels), so that routes keyed on them still match. `annotations` are those Pyrra copies onto its alerts; `runbook_url`
 * also becomes the runbook. `target` is the SLO's `alerting` in the registry, for the report.
 */
export function convertPyrraAlerting(
  alerting: Fields | undefined,
  windowMs: number,
  annotations: Record<string, string>,
  target: string,
  obj: PyrraObject
): Alerting {
  const path: YamlPath = ['spec', 'alerting'];
  obj.unmapped(alerting, ALERTING_KEYS, path);
  const severities = fields(alerting, 'severities');
  obj.unmapped(severities, SEVERITY_KEYS, [...path, 'severities']);
  const tierValues = tierSeverities(severities, [...path, 'severities'], obj);
  const disabled = obj.flag(alerting, 'disabled', path) === true;
  const enabled = !disabled && obj.flag(alerting, 'burnrates', path) !== false;
  reportLosses(alerting, windowMs, enabled, obj);
  reportMapped(alerting, tierValues, target, obj);
  const ticket = tierValues.find((value) => value !== tierValues[0]);
  const name = obj.text(alerting, 'name', path) ?? PYRRA_ALERT_NAME;
  const runbookUrl = annotations.runbook_url;
  if (runbookUrl) {
    obj.mapped(['metadata', 'annotations', 'pyrra.dev/runbook_url'], `${target}.runbookUrl`);
  }
  return {
    enabled,
    name,
    preset: 'custom',
    windows: convertWindows(windowMs, tierValues),
    pageLabels: { severity: tierValues[0] },
    ...(ticket ? { ticketLabels: { severity: ticket } } : {}),
    ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
    ...(runbookUrl ? { runbookUrl } : {}),
  };
}
