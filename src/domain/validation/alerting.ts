import { ALERT_PRESETS } from '../model';
import { at, Checker, Fields, isFields, shown } from './checker';
import { checkDuration, checkLabelNames, checkUrl } from './formats';

function checkWindow(c: Checker, window: unknown, path: string, tiers: Set<string>): void {
  if (!isFields(window)) {
    c.add(
      path,
      `a burn-rate window must be an object with tier, severity, factor, long and short, got ${shown(window)}`
    );
    return;
  }
  const tier = c.string(window, 'tier', path, true);
  if (tier && tiers.has(tier)) {
    c.add(at(path, 'tier'), `tier "${tier}" is used by another window; tier names must be unique`);
  }
  tiers.add(tier ?? '');
  c.oneOf(window, 'severity', path, ['page', 'ticket'], true);
  const factor = c.number(window, 'factor', path, true);
  if (factor !== undefined && factor <= 0) {
    c.add(at(path, 'factor'), `factor must be a positive burn rate, e.g. 14.4, got ${factor}`);
  }
  const long = checkDuration(c, window, 'long', path);
  const short = checkDuration(c, window, 'short', path);
  if (long !== undefined && short !== undefined && short >= long) {
    c.add(
      at(path, 'short'),
      `the short window (${window.short}) must be shorter than the long window (${window.long})`
    );
  }
}

function checkWindows(c: Checker, alerting: Fields, path: string, preset: string | undefined): void {
  const windows = c.list(alerting, 'windows', path);
  if (preset === 'custom' && windows.length === 0) {
    c.add(
      at(path, 'windows'),
      `the custom preset needs at least one window, e.g. { tier: page-fast, severity: page, factor: 14.4, long: 1h, short: 5m }`
    );
  }
  if (preset !== 'custom' && windows.length > 0) {
    c.add(
      at(path, 'windows'),
      `windows are used only with preset "custom"; preset "${preset}" ignores them`,
      'warning'
    );
  }
  const tiers = new Set<string>();
  windows.forEach((window, index) => checkWindow(c, window, at(at(path, 'windows'), index), tiers));
}

/** Checks an SLO's `alerting`: preset, custom windows, labels, runbook URL, min-events guard. */
export function checkAlerting(c: Checker, slo: Fields, path: string): void {
  const alerting = c.object(slo, 'alerting', path, true);
  if (!alerting) {
    return;
  }
  const where = at(path, 'alerting');
  c.boolean(alerting, 'enabled', where, true);
  const preset = c.oneOf(alerting, 'preset', where, ALERT_PRESETS, true);
  checkWindows(c, alerting, where, preset);
  c.list(alerting, 'disabledTiers', where).forEach((tier, index) => {
    if (typeof tier !== 'string') {
      c.add(at(at(where, 'disabledTiers'), index), `disabledTiers entries must be tier names, got ${shown(tier)}`);
    }
  });
  checkLabelNames(c, c.stringMap(alerting, 'pageLabels', where), at(where, 'pageLabels'));
  checkLabelNames(c, c.stringMap(alerting, 'ticketLabels', where), at(where, 'ticketLabels'));
  checkLabelNames(c, c.stringMap(alerting, 'annotations', where), at(where, 'annotations'));
  checkUrl(c, alerting, 'runbookUrl', where);
  const minEvents = c.number(alerting, 'minEvents', where);
  if (minEvents !== undefined && (!Number.isInteger(minEvents) || minEvents < 0)) {
    c.add(at(where, 'minEvents'), `minEvents must be a whole number of events, 0 or more, got ${minEvents}`);
  }
}

/** Checks an SLO's optional `budgetPolicy`: thresholds in range and at least one when enabled. */
export function checkBudgetPolicy(c: Checker, slo: Fields, path: string): void {
  const policy = c.object(slo, 'budgetPolicy', path);
  if (!policy) {
    return;
  }
  const where = at(path, 'budgetPolicy');
  const enabled = c.boolean(policy, 'enabled', where, true);
  c.boolean(policy, 'escalateToBusinessOwner', where, true);
  const burnRate = c.number(policy, 'freezeBurnRate', where);
  if (burnRate !== undefined && burnRate <= 0) {
    c.add(at(where, 'freezeBurnRate'), `freezeBurnRate must be a positive burn-rate factor, e.g. 2, got ${burnRate}`);
  }
  const budgetLeft = c.number(policy, 'freezeBudgetLeftPercent', where);
  if (budgetLeft !== undefined && (budgetLeft < 0 || budgetLeft > 100)) {
    c.add(
      at(where, 'freezeBudgetLeftPercent'),
      `freezeBudgetLeftPercent must be a percentage from 0 to 100, got ${budgetLeft}`
    );
  }
  if (enabled && burnRate === undefined && budgetLeft === undefined) {
    c.add(where, `an enabled budget policy needs freezeBurnRate or freezeBudgetLeftPercent (or both)`);
  }
  checkRecovery(c, policy, where, burnRate, budgetLeft);
}

/** Checks the recovery thresholds: no stricter to leave reliability work than to freeze. */
function checkRecovery(
  c: Checker,
  policy: Fields,
  where: string,
  freezeBurnRate: number | undefined,
  freezeLeft: number | undefined
): void {
  const left = c.number(policy, 'recoverBudgetLeftPercent', where);
  if (left !== undefined && (left < 0 || left > 100)) {
    c.add(
      at(where, 'recoverBudgetLeftPercent'),
      `recoverBudgetLeftPercent must be a percentage from 0 to 100, got ${left}`
    );
  } else if (left !== undefined && freezeLeft !== undefined && left < freezeLeft) {
    c.add(
      at(where, 'recoverBudgetLeftPercent'),
      `recoverBudgetLeftPercent must be at least freezeBudgetLeftPercent (${freezeLeft}): reliability work ends once the budget is back above the freeze threshold, got ${left}`
    );
  }
  const rate = c.number(policy, 'recoverBurnRate', where);
  if (rate === undefined) {
    return;
  }
  if (rate <= 0) {
    c.add(at(where, 'recoverBurnRate'), `recoverBurnRate must be a positive burn-rate factor, e.g. 1, got ${rate}`);
  } else if (freezeBurnRate === undefined) {
    c.add(
      at(where, 'recoverBurnRate'),
      `recoverBurnRate needs freezeBurnRate: the burn rate is only measured when the policy freezes on it; set freezeBurnRate or remove recoverBurnRate`
    );
  } else if (rate > freezeBurnRate) {
    c.add(
      at(where, 'recoverBurnRate'),
      `recoverBurnRate must be at most freezeBurnRate (${freezeBurnRate}): reliability work ends once the burn rate is back under the freeze threshold, got ${rate}`
    );
  }
}
