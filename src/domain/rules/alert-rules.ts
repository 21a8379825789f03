/**
 * Alerting rules: one multiwindow burn-rate alert per enabled tier, and the error-budget policy
 * (release freeze) alert. Expressions read recorded series only, so alerts for log SLIs live in
 * the Prometheus file too: each window's error ratio is summed from the SLO's recorded increases in
 * the expression itself (windowRatio.ts), or read from its recorded ratio (freeform SLIs). The
 * expression builders are shared with Grafana-managed rules.
 */
import { tidy } from '../budget/budget';
import { BurnWindow } from '../model';
import { parsePromDuration } from '../query/duration';
import { isCountableSli } from '../query/sli';
import { budgetSpentWhenFires } from '../windows/windows';
import { unlessSilenced } from './adjustments';
import { SloContext } from './context';
import {
  BASE_WINDOW,
  burnAlertName,
  FREEZE_ALERT,
  INFO_OBJECTIVE,
  INFO_WINDOW,
  LABEL_BURN_TIER,
  LABEL_ID,
  LABEL_SERVICE,
  LABEL_SEVERITY,
  LABEL_SLO,
  LABEL_SLOTH_SEVERITY,
  LABEL_WINDOW,
  sliTotalCountName,
} from './names';
import { flat, SLO_SET_INSTANT_MATCHER, SLO_SET_MATCHER, withMatcher } from './text';
import { AlertingRule } from './types';
import { budgetLeft, isSummableWindow, sliErrorRatio, summedEventCount } from './windowRatio';

/** How long the freeze condition must hold: the policy is slow-moving, a blip must not freeze. */
export const FREEZE_FOR = '5m';

/**
 * What an alert's text calls the SLO, its service and its runbook: the names themselves in an
 * SLO's own rules ({@link namesOf}), label templates in the registry-wide rules (shared-alerts.ts),
 * which read them from `slo:info`.
 */
export interface AlertNames {
  service: string;
  slo: string;
  /** Absent when the SLO has no runbook. */
  runbook?: string;
  /**
   * The business owner as the freeze alert names them (`Name <email>`), when its policy escalates
   * to them; absent otherwise.
   */
  ownerContact?: string;
}

/** The SLO's own names, as its own alerting rules print them. */
export function namesOf(ctx: SloContext): AlertNames {
  return {
    service: ctx.service?.name ?? ctx.slo.serviceId,
    slo: ctx.slo.name,
    ...(ctx.runbookUrl ? { runbook: ctx.runbookUrl } : {}),
    ...(escalatesToOwner(ctx) ? { ownerContact: `${ctx.businessOwner!.name} <${ctx.businessOwner!.email}>` } : {}),
  };
}

/** Whether the SLO's freeze alert escalates to its business owner (the policy says so and there is one). */
export function escalatesToOwner(ctx: SloContext): boolean {
  return Boolean(ctx.slo.budgetPolicy?.escalateToBusinessOwner && ctx.businessOwner);
}

/** The alerting rules of one SLO, by how often they run. */
export interface SloAlertRules {
  /** The SLO's first page tier ({@link firstPageTier}): every evaluation cycle. */
  page: AlertingRule[];
  /**
   * Its other page tiers, the ticket tiers and the freeze alert: every `SLOW_INTERVAL` (names.ts).
   */
  slow: AlertingRule[];
}

/**
 * The burn tier that runs every evaluation cycle: the SLO's first page tier, the one that fires first
 * when everything fails (the least `factor × long window`; the first listed of equals); none without
 * page tiers. Every other tier runs every `SLOW_INTERVAL` (names.ts), like the increases it reads:
 *
 * - a page tier fires before the first only on a burn rate below the first's factor, and then only
 *   once its own factor times its long window has burnt at that rate: longer than the first tier's
 *   long window (an hour with the presets; hours for the 6-hour tier). A minute's delay adds little.
 * - a ticket tier wakes nobody.
 *
 * The increases change once a minute, so evaluating these more often finds the same values again.
 */
export function firstPageTier(windows: readonly BurnWindow[]): BurnWindow | undefined {
  let first: BurnWindow | undefined;
  let firstCost = Infinity;
  for (const window of windows) {
    if (window.severity !== 'page') {
      continue;
    }
    const cost = window.factor * (parsePromDuration(window.long) ?? Infinity);
    if (first === undefined || cost < firstCost) {
      first = window;
      firstCost = cost;
    }
  }
  return first;
}

/** The alerting rules of one SLO: a burn alert per enabled tier, and the freeze alert. */
export function buildAlertRules(ctx: SloContext): SloAlertRules {
  const page: AlertingRule[] = [];
  const slow: AlertingRule[] = [];
  const first = firstPageTier(ctx.alertWindows);
  for (const window of ctx.alertWindows) {
    (window === first ? page : slow).push(burnAlert(ctx, window));
  }
  const freeze = freezeAlert(ctx);
  return { page, slow: freeze ? [...slow, freeze] : slow };
}

/**
 * Fires while both the long and the short window burn faster than the tier's factor; with
 * `minEvents`, only while the long window saw at least that many events; not during the window of
 * an approved budget adjustment that silences alerts (adjustments.ts).
 */
export function burnAlertExpr(ctx: SloContext, window: BurnWindow): string {
  const { sli } = ctx.slo;
  const minEvents = ctx.slo.alerting.minEvents ?? 0;
  // Written once per tier and SLI shape, then joined around each SLO's matcher (text.ts).
  // For a set of SLOs, the short window marks its selectors apart where it reads one sample a series.
  const set = ctx.matcher === SLO_SET_MATCHER;
  const instantShort = !isCountableSli(sli) || !isSummableWindow(window.short) || window.short === BASE_WINDOW;
  const shape = `burn ${isCountableSli(sli)} ${window.long} ${window.short} ${window.factor} ${ctx.allowed} ${minEvents} ${set}`;
  const burning = withMatcher(shape, ctx.matcher, (matcher) => {
    const bound = `(${window.factor} * ${ctx.allowed})`;
    const over = (w: string, selector = matcher) => `${sliErrorRatio(sli, w, selector)} > ${bound}`;
    const short = over(window.short, set && instantShort ? SLO_SET_INSTANT_MATCHER : matcher);
    const burning = `(\n  ${over(window.long)}\n  and\n  ${short}\n)`;
    if (minEvents <= 0 || !isCountableSli(sli)) {
      return burning;
    }
    const events = isSummableWindow(window.long)
      ? summedEventCount(window.long, matcher)
      : `max without (${LABEL_WINDOW}) (${sliTotalCountName(window.long)}${matcher})`;
    return `${burning}\nand (${events} >= ${minEvents})`;
  });
  return unlessSilenced(ctx, burning);
}

/**
 * Fires while the burn rate over the policy window (the longest recorded window, 3d for the
 * Google presets) exceeds `freezeBurnRate`, or less than `freezeBudgetLeftPercent` of the
 * period's budget is left. `undefined` when the SLO has no enabled policy with a threshold.
 */
export function freezeAlertExpr(ctx: SloContext): string | undefined {
  const policy = ctx.slo.budgetPolicy;
  if (!policy?.enabled) {
    return undefined;
  }
  const { freezeBurnRate, freezeBudgetLeftPercent } = policy;
  if (freezeBurnRate === undefined && freezeBudgetLeftPercent === undefined) {
    return undefined;
  }
  const { sli } = ctx.slo;
  const shape = `freeze ${isCountableSli(sli)} ${ctx.policyWindow} ${ctx.allowed} ${freezeBurnRate} ${freezeBudgetLeftPercent}`;
  return withMatcher(shape, ctx.matcher, (matcher) => {
    const parts: string[] = [];
    if (freezeBurnRate !== undefined) {
      const ratio = sliErrorRatio(sli, ctx.policyWindow, matcher);
      parts.push(`(${ratio} / ${ctx.allowed} > ${freezeBurnRate})`);
    }
    if (freezeBudgetLeftPercent !== undefined) {
      const left = budgetLeft(matcher);
      parts.push(`(${left} < ${freezeBudgetLeftPercent / 100})`);
    }
    return parts.join('\nor\n');
  });
}

/**
 * Labels of a burn alert: `severity` (the tier's `page` or `ticket`, unless the SLO's labels set
 * it), the SLO's page or ticket labels, the objective and window (as `slo:info` writes them), then
 * the reserved ones: `burn_tier`, `sloth_severity` (`page` or `ticket`, as Sloth writes it,
 * whatever `severity` says) and the SLO identity. The series already carry the identity; repeating
 * it on the rule keeps rules of different SLOs in one file distinct (promtool's lint refuses
 * duplicate name-and-label rules), as the objective and window keep the registry-wide rules apart.
 */
export function burnAlertLabels(ctx: SloContext, window: BurnWindow): Record<string, string> {
  const extra = window.severity === 'page' ? ctx.slo.alerting.pageLabels : ctx.slo.alerting.ticketLabels;
  const { labels } = ctx;
  // One object per alert, without the intermediate ones of severity() and identity().
  return {
    [LABEL_SEVERITY]: ctx.slo.labels?.[LABEL_SEVERITY] ?? window.severity,
    ...extra,
    [INFO_OBJECTIVE]: String(ctx.slo.objective),
    [INFO_WINDOW]: ctx.slo.window,
    [LABEL_BURN_TIER]: window.tier,
    [LABEL_SLOTH_SEVERITY]: window.severity,
    [LABEL_ID]: labels[LABEL_ID],
    [LABEL_SERVICE]: labels[LABEL_SERVICE],
    [LABEL_SLO]: labels[LABEL_SLO],
  };
}

/**
 * Annotations of a burn alert. `value` is the template that prints the firing error ratio, which
 * differs between Prometheus (`$value`) and Grafana-managed rules; `names` what the text calls the
 * SLO, its service and runbook.
 */
export function burnAlertAnnotations(
  ctx: SloContext,
  window: BurnWindow,
  value: string,
  names: AlertNames = namesOf(ctx)
): Record<string, string> {
  const { slo } = ctx;
  const factor = shortFactor(window.factor);
  // a grouped SLO's alert fires per group: its text names the group (`route={{ $labels.route }}`)
  const group = (slo.groupBy ?? []).map((label) => `${label}={{ $labels.${label} }}`).join(', ');
  const description = burnDescription(ctx, window, value, factor);
  const annotations: Record<string, string> = {
    summary: `${names.service}: ${names.slo}${group ? ` (${group})` : ''} is burning its error budget ${factor}x too fast`,
    description: group ? flat(`In ${group}: ${description}`) : description,
  };
  if (names.runbook) {
    annotations.runbook_url = names.runbook;
  }
  return slo.alerting.annotations ? { ...annotations, ...slo.alerting.annotations } : annotations;
}

/**
 * The description of a burn alert, the same for every SLO with the same tier, objective and
 * period: written once for them all (it is most of an alert's annotations).
 */
function burnDescription(ctx: SloContext, window: BurnWindow, value: string, factor: number): string {
  // a calendar SLO's budget is its week's, month's or quarter's (scaled to 7, 30 or 90 days)
  const period = ctx.calendar ? `${ctx.calendar.unit}'s` : ctx.period;
  const key = `${value}\u0000${window.long} ${window.short} ${window.factor} ${ctx.allowed} ${ctx.slo.objective} ${period}`;
  let description = descriptions.get(key);
  if (description === undefined) {
    const spent = Math.round(budgetSpentWhenFires(window, ctx.periodDays) * 1000) / 10;
    description = flat(
      `Error ratio ${value} over the last ${window.long} and ${window.short}, above ${factor}x the ` +
        `${ctx.allowed} the ${ctx.slo.objective}% objective allows. At this pace ${spent}% of the ${period} ` +
        `budget goes in ${window.long}.`
    );
    if (descriptions.size >= 1000) {
      descriptions.clear();
    }
    descriptions.set(key, description);
  }
  return description;
}

const descriptions = new Map<string, string>();

/** A burn factor to 3 significant digits, as the annotations print it; the tiers are a handful. */
function shortFactor(factor: number): number {
  let short = shortFactors.get(factor);
  if (short === undefined) {
    short = tidy(factor, 3);
    if (shortFactors.size >= 1000) {
      shortFactors.clear();
    }
    shortFactors.set(factor, short);
  }
  return short;
}

const shortFactors = new Map<number, number>();

/** Labels of the freeze alert; it names the business owner when the policy escalates to them. */
export function freezeAlertLabels(ctx: SloContext): Record<string, string> {
  const labels: Record<string, string> = {
    ...severity(ctx, 'ticket'),
    policy: 'release-freeze',
    [INFO_OBJECTIVE]: String(ctx.slo.objective),
    [INFO_WINDOW]: ctx.slo.window,
    ...identity(ctx),
  };
  if (ctx.slo.budgetPolicy?.escalateToBusinessOwner && ctx.businessOwner) {
    labels.escalate = 'business-owner';
  }
  return labels;
}

/** Annotations of the freeze alert; `names` as for {@link burnAlertAnnotations}. */
export function freezeAlertAnnotations(ctx: SloContext, names: AlertNames = namesOf(ctx)): Record<string, string> {
  const { slo } = ctx;
  const owner: Record<string, string> = names.ownerContact ? { business_owner_contact: names.ownerContact } : {};
  return {
    summary: `${names.service}: releases frozen by the error-budget policy of ${names.slo}`,
    description:
      `The error-budget policy of ${names.slo} (${slo.objective}% over ${slo.window}) freezes releases: ` +
      policyText(ctx) +
      '. Only fixes that reduce errors ship until the budget recovers.',
    ...owner,
    ...(names.runbook ? { runbook_url: names.runbook } : {}),
  };
}

function burnAlert(ctx: SloContext, window: BurnWindow): AlertingRule {
  return {
    alert: burnAlertName(ctx.slo.alerting),
    expr: burnAlertExpr(ctx, window),
    labels: burnAlertLabels(ctx, window),
    annotations: flatValues(burnAlertAnnotations(ctx, window, '{{ $value | humanizePercentage }}')),
  };
}

/** An SLO's own freeze alert, when its policy has a threshold. */
export function freezeAlert(ctx: SloContext): AlertingRule | undefined {
  const expr = freezeAlertExpr(ctx);
  if (!expr) {
    return undefined;
  }
  return {
    alert: FREEZE_ALERT,
    expr,
    for: FREEZE_FOR,
    labels: freezeAlertLabels(ctx),
    annotations: flatValues(freezeAlertAnnotations(ctx)),
  };
}

/** The annotations, each text flattened (text.ts): they are held with the rules until rendered. */
export function flatValues(annotations: Record<string, string>): Record<string, string> {
  for (const name of Object.keys(annotations)) {
    flat(annotations[name]);
  }
  return annotations;
}

function policyText(ctx: SloContext): string {
  const policy = ctx.slo.budgetPolicy;
  const parts: string[] = [];
  if (policy?.freezeBurnRate !== undefined) {
    parts.push(`burn rate over ${ctx.policyWindow} above ${policy.freezeBurnRate}x`);
  }
  if (policy?.freezeBudgetLeftPercent !== undefined) {
    parts.push(`less than ${policy.freezeBudgetLeftPercent}% of the budget left`);
  }
  return parts.join(' or ');
}

/**
 * `severity` of an alert: the SLO's own `severity` label when it has one (the series carry it, and
 * a label the user set is not replaced), else the app's.
 */
function severity(ctx: SloContext, fallback: string): Record<string, string> {
  return { [LABEL_SEVERITY]: ctx.slo.labels?.[LABEL_SEVERITY] ?? fallback };
}

function identity(ctx: SloContext): Record<string, string> {
  return {
    [LABEL_ID]: ctx.labels[LABEL_ID],
    [LABEL_SERVICE]: ctx.labels[LABEL_SERVICE],
    [LABEL_SLO]: ctx.labels[LABEL_SLO],
  };
}
