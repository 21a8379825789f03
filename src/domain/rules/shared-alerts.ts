/**
 * Registry-wide alerting rules: one rule per burn tier (and one freeze rule) for every set of SLOs
 * whose alerts differ only by the SLO they select, instead of one rule per SLO and tier.
 *
 * Prometheus pays for each alerting rule it evaluates, and for each selector in it, far more than
 * for the samples it reads: 4,500 per-SLO alerts cost 1.29 s of CPU per 20-second cycle at 1,000
 * SLOs, the same alerts as a few rules that select all their SLOs at once 0.21 s (bench/RESULTS.md,
 * "Rule cost"). A shared rule is the SLO's own expression read for all its SLOs at once; its series
 * carry each SLO's identity and labels, so its alerts have exactly the labels and the text of the
 * per-SLO ones:
 *
 * - the expression is joined with `slo:info` of its SLOs (`{sloth_id=~"a|b|…"}`), which carries the
 *   SLO's name, its service's name and its runbook (`slo_name`, `slo_service_name`,
 *   `slo_runbook_url`, the last only when it has one), and the annotations print them from
 *   `$labels`; the rule then sets those labels empty, which removes them from the alert;
 * - the windows are read with the fewest equal-to matchers on the series' own labels that select
 *   the rule's SLOs and no other SLO of the registry ({@link narrowestSelector}), or with the set of
 *   ids where none does;
 * - the rule's labels name the objective and window (`objective`, `slo_window`), as every SLO's own
 *   alerts do, which keeps rules of different objectives apart for promtool's duplicate check;
 * - a freeze alert that escalates to the business owner reads their contact from `slo:info` too
 *   (`slo_owner_contact`).
 */
import {
  AlertNames,
  escalatesToOwner,
  burnAlertAnnotations,
  burnAlertExpr,
  burnAlertLabels,
  flatValues,
  FREEZE_FOR,
  freezeAlertAnnotations,
  freezeAlertExpr,
  freezeAlertLabels,
  firstPageTier,
} from './alert-rules';
import { SloContext } from './context';
import {
  burnAlertName,
  FREEZE_ALERT,
  INFO_NAME,
  INFO_OWNER_CONTACT,
  INFO_RUNBOOK,
  INFO_SERVICE_NAME,
  LABEL_ID,
  LABEL_SERVICE,
  LABEL_SLO,
  SLO_INFO,
  SLOW_INTERVAL,
} from './names';
import { formatMatchers, regexMatcher } from '../query/selector';
import { SLO_SET_INSTANT_MATCHER, SLO_SET_MATCHER } from './text';
import { AlertingRule, RuleGroup } from './types';

/**
 * `serviceId` of the rule file that holds the registry-wide alerting rules: not a service id
 * (those have no dots). Load it once, beside the service files.
 */
export const SHARED_ALERTS = 'registry.alerts';

/** Names of the groups of shared alerts: every evaluation cycle, and every `SLOW_INTERVAL` (`-1m`). */
export const SHARED_ALERT_GROUP = 'registry.alerts';

/** The labels the shared rules read from `slo:info` for their text, removed from the alerts. */
const TEXT_LABELS = [INFO_NAME, INFO_SERVICE_NAME, INFO_RUNBOOK, INFO_OWNER_CONTACT];

/** Prefix of the empty label that tells apart shared rules with one name and labels ({@link SharedAlerts}). */
const VARIANT_LABEL = 'slo_variant_';

/** Stands for the SLO matcher while a rule's shape is worked out. */
const SLOT = SLO_SET_MATCHER;

const PAGE_VALUE = '{{ $value | humanizePercentage }}';

/** What the text of a shared rule calls an SLO: labels of `slo:info`. */
function templatedNames(ctx: SloContext): AlertNames {
  return {
    service: `{{ $labels.${INFO_SERVICE_NAME} }}`,
    slo: `{{ $labels.${INFO_NAME} }}`,
    ...(ctx.runbookUrl ? { runbook: `{{ $labels.${INFO_RUNBOOK} }}` } : {}),
    ...(escalatesToOwner(ctx) ? { ownerContact: `{{ $labels.${INFO_OWNER_CONTACT} }}` } : {}),
  };
}

/**
 * The labels of `slo:info` the text of the SLO's alerts reads: the runbook's only when it has one,
 * the business owner's contact only in a freeze alert that escalates to them.
 */
function textLabels(ctx: SloContext, freeze = false): string[] {
  return TEXT_LABELS.filter(
    (name) =>
      (name !== INFO_RUNBOOK || ctx.runbookUrl) && (name !== INFO_OWNER_CONTACT || (freeze && escalatesToOwner(ctx)))
  );
}

/**
 * Labels of a shared rule: the SLO's alert labels without its identity (the series carry it), and
 * the text labels set empty, which removes them from the alerts. Rules with and without a runbook
 * differ by those, which keeps them apart for promtool's duplicate check too.
 */
function sharedLabels(labels: Record<string, string>, text: string[]): Record<string, string> {
  const shared: Record<string, string> = {};
  for (const [name, value] of Object.entries(labels)) {
    if (name !== LABEL_ID && name !== LABEL_SERVICE && name !== LABEL_SLO) {
      shared[name] = value;
    }
  }
  for (const name of text) {
    shared[name] = '';
  }
  return shared;
}

interface SharedRule {
  /** The rule without its expression, which needs every member. */
  rule: Omit<AlertingRule, 'expr'>;
  /** The SLO's expression with {@link SLOT} where its matcher goes. */
  shape: string;
  /** Every tier but an SLO's first page tier, and the freeze alert, run every `SLOW_INTERVAL` ({@link firstPageTier}). */
  slow: boolean;
  ids: string[];
}

/**
 * Collects the alerts of every SLO into shared rules ({@link add}, SLO by SLO) and gives them as
 * groups at the end ({@link groups}).
 */
export class SharedAlerts {
  /** The shared rules in order, and by shape, then by name, labels and text. */
  private readonly rules: SharedRule[] = [];
  private readonly byShape = new Map<string, Map<string, SharedRule>>();
  /** How many shared rules have each alert name and labels. */
  private readonly identities = new Map<string, number>();
  /** The SLOs with at least one alert. */
  private readonly alertingSlos = new Set<string>();
  /** The labels on the recorded series of every SLO of the registry, alerting or not. */
  private readonly series = new SeriesIndex();

  /** Adds the SLO's burn and freeze alerts to the shared rules. */
  add(ctx: SloContext) {
    this.series.add(ctx.slo.id, ctx.labels, ctx.groupBy);
    const names = templatedNames(ctx);
    const text = textLabels(ctx);
    const freezeText = textLabels(ctx, true);
    const first = firstPageTier(ctx.alertWindows);
    for (const window of ctx.alertWindows) {
      const slow = window !== first;
      const rule: Omit<AlertingRule, 'expr'> = {
        alert: burnAlertName(ctx.slo.alerting),
        labels: sharedLabels(burnAlertLabels(ctx, window), text),
        annotations: flatValues(burnAlertAnnotations(ctx, window, PAGE_VALUE, names)),
      };
      this.join(ctx, rule, burnAlertExpr({ ...ctx, matcher: SLOT }, window), slow);
    }
    const freezeExpr = freezeAlertExpr({ ...ctx, matcher: SLOT });
    if (freezeExpr) {
      const rule: Omit<AlertingRule, 'expr'> = {
        alert: FREEZE_ALERT,
        for: FREEZE_FOR,
        labels: sharedLabels(freezeAlertLabels(ctx), freezeText),
        annotations: flatValues(freezeAlertAnnotations(ctx, names)),
      };
      this.join(ctx, rule, freezeExpr, true);
    }
  }

  /**
   * The shared rules, the SLOs' first page tiers first (every cycle), then the others, at most `maxRules` to a
   * group: `registry.alerts`, `registry.alerts.2`, …, `registry.alerts-1m`, …; no SLO's group has a dot in its name.
   */
  groups(maxRules: number): RuleGroup[] {
    const page: AlertingRule[] = [];
    const slow: AlertingRule[] = [];
    for (const shared of this.rules) {
      const selector = shared.ids.length > 1 ? this.series.narrowestSelector(shared.ids) : undefined;
      (shared.slow ? slow : page).push(toRule(shared, this.alertingSlos.size, selector));
    }
    return [
      ...pack(SHARED_ALERT_GROUP, undefined, page, maxRules),
      ...pack(`${SHARED_ALERT_GROUP}-${SLOW_INTERVAL}`, SLOW_INTERVAL, slow, maxRules),
    ];
  }

  /**
   * Adds the SLO to the shared rule of this shape and text. A new rule whose name and labels an
   * earlier one has (SLOs that differ only in their text, their group labels or their expression,
   * e.g. a low-traffic guard) gets one more empty label, `slo_variant_<n>`: removed from its alerts
   * like every empty label, it keeps the rules apart for promtool's duplicate check.
   */
  private join(ctx: SloContext, rule: Omit<AlertingRule, 'expr'>, shape: string, slow: boolean) {
    // the shape is the same string for every SLO of one shape (text.ts), hashed once
    let sameShape = this.byShape.get(shape);
    if (sameShape === undefined) {
      sameShape = new Map();
      this.byShape.set(shape, sameShape);
    }
    const identity = `${rule.alert}\u0001${entriesKey(rule.labels)}`;
    const key = `${identity}\u0001${entriesKey(rule.annotations)}\u0001${rule.for ?? ''}\u0001${slow}`;
    this.alertingSlos.add(ctx.slo.id);
    const existing = sameShape.get(key);
    if (existing) {
      existing.ids.push(ctx.slo.id);
      return;
    }
    const earlier = this.identities.get(identity) ?? 0;
    this.identities.set(identity, earlier + 1);
    const labels = earlier === 0 ? rule.labels : { ...rule.labels, [`${VARIANT_LABEL}${earlier + 1}`]: '' };
    const shared: SharedRule = { rule: { ...rule, labels }, shape, slow, ids: [ctx.slo.id] };
    sameShape.set(key, shared);
    this.rules.push(shared);
  }
}

/** The names and values of `record`, in order, as one string (cheaper than JSON for a map key). */
function entriesKey(record: Record<string, string> = {}): string {
  let key = '';
  for (const name in record) {
    key += `${name}\u0000${record[name]}\u0000`;
  }
  return key;
}

/**
 * A shared rule with its expression: the SLOs' own, joined with their `slo:info` for the text.
 *
 * Prometheus parses a rule's expression again at every evaluation, and older releases (Debian 12's
 * 2.42 among them) compile each `=~` matcher anew: at 1,000 SLOs the sets of SLO ids were most
 * of what the alerting rules cost (bench/RESULTS.md, "Rule cost"). So the set is written once, in
 * the `slo:info` join, which is what limits the alerts to the rule's SLOs, and the windows are read
 * with `selector` (equal-to matchers that select those SLOs' series and no other SLO of the
 * registry: {@link SeriesIndex.narrowestSelector}). Series the selector reads beyond them (an SLO
 * deleted or moved to another rule, another registry's SLOs in the same Prometheus) find no
 * `slo:info` in the join and raise nothing.
 *
 * Without such a selector the windows name the set. Reads that cannot add an SLO to the result —
 * the `slo:info` join, and the short window of a burn alert, one sample a series on the right of
 * `and` — then leave it out when the rule covers a quarter of the registry's alerting SLOs or more,
 * and read every SLO's one sample instead: cheaper than compiling the set again.
 */
function toRule(
  { rule, shape, ids }: SharedRule,
  alertingSlos: number,
  selector?: Record<string, string>
): AlertingRule {
  const text = TEXT_LABELS.filter((name) => rule.labels?.[name] === '');
  const members = ids.length === 1 ? formatMatchers({ [LABEL_ID]: ids[0] }) : `{${regexMatcher(LABEL_ID, ids)}}`;
  let windows = members;
  let instant = members;
  let join = members;
  if (selector) {
    windows = Object.keys(selector).length > 0 ? formatMatchers(selector) : '';
    instant = windows;
  } else if (ids.length > 1 && ids.length * 4 >= alertingSlos) {
    instant = '';
    join = '';
  }
  const expr =
    `(${shape.split(SLOT).join(windows).split(SLO_SET_INSTANT_MATCHER).join(instant)})\n` +
    `* on (${LABEL_ID}) group_left (${text.join(', ')}) ${SLO_INFO}${join}`;
  return {
    alert: rule.alert,
    expr,
    ...(rule.for ? { for: rule.for } : {}),
    labels: rule.labels,
    annotations: rule.annotations,
  };
}

/** The labels of one SLO's recorded series: its own, and the names of its group labels, which take any value. */
interface SloSeries {
  labels: Record<string, string>;
  grouped: readonly string[];
  /** The last search that counted the SLO among its own ({@link SeriesIndex.narrowestSelector}). */
  search: number;
}

/** Labels tried first for a rule's selector: those that name the service and the SLO (names.ts). */
const PREFERRED = [LABEL_SERVICE, LABEL_SLO];

/**
 * The labels on the recorded series of every SLO of the registry, to find for a set of SLOs the
 * equal-to matchers that select their series and no other SLO's ({@link narrowestSelector}).
 */
class SeriesIndex {
  private readonly byId = new Map<string, SloSeries>();
  private searches = 0;

  add(id: string, labels: Record<string, string>, groupBy: readonly string[]) {
    this.byId.set(id, { labels, grouped: groupBy, search: 0 });
  }

  /**
   * Equal-to matchers on labels that every series of `ids` carries with one value, as few as
   * select those SLOs' series and no other SLO's of the registry (an SLO grouped by a label may
   * carry any value of it), the service's and the SLO's name tried first; `{}` when `ids` are all
   * the registry's SLOs; undefined when no such matchers exist. Chosen greedily: each matcher the
   * one that leaves the fewest other SLOs.
   *
   * One pass over the registry: each other SLO becomes the set of candidate matchers it passes
   * (bits of a number), and an SLO that passes them all ends the search at once.
   */
  narrowestSelector(ids: string[]): Record<string, string> | undefined {
    const search = ++this.searches;
    const members: SloSeries[] = [];
    for (const id of ids) {
      const slo = this.byId.get(id);
      if (slo === undefined) {
        return undefined;
      }
      if (slo.search !== search) {
        slo.search = search;
        members.push(slo);
      }
    }
    if (members.length === this.byId.size) {
      return {};
    }
    const first = members[0];
    const candidates: string[] = [];
    for (const name in first.labels) {
      const value = first.labels[name];
      if (name !== LABEL_ID && members.every((slo) => slo.labels[name] === value)) {
        candidates.push(name);
      }
    }
    candidates.sort((a, b) => rank(a) - rank(b));
    candidates.length = Math.min(candidates.length, 30);
    const all = 2 ** candidates.length - 1;
    // how many other SLOs pass each combination of candidates
    const passing = new Map<number, number>();
    for (const slo of this.byId.values()) {
      if (slo.search === search) {
        continue;
      }
      let mask = 0;
      for (let bit = 0; bit < candidates.length; bit++) {
        const name = candidates[bit];
        const value = slo.labels[name];
        if (value === first.labels[name] || (value === undefined && slo.grouped.includes(name))) {
          mask |= 1 << bit;
        }
      }
      if (mask === all) {
        return undefined;
      }
      passing.set(mask, (passing.get(mask) ?? 0) + 1);
    }
    // every other SLO fails some candidate, so each step leaves out at least one more
    const left = (chosen: number) => {
      let count = 0;
      for (const [mask, n] of passing) {
        if ((mask & chosen) === chosen) {
          count += n;
        }
      }
      return count;
    };
    let chosen = 0;
    while (left(chosen) > 0) {
      let best = -1;
      let bestLeft = Infinity;
      for (let bit = 0; bit < candidates.length; bit++) {
        const next = chosen | (1 << bit);
        if (next !== chosen && left(next) < bestLeft) {
          best = next;
          bestLeft = left(next);
        }
      }
      chosen = best;
    }
    const selector: Record<string, string> = {};
    candidates.forEach((name, bit) => {
      if (chosen & (1 << bit)) {
        selector[name] = first.labels[name];
      }
    });
    return selector;
  }
}

function rank(name: string): number {
  const preferred = PREFERRED.indexOf(name);
  return preferred === -1 ? PREFERRED.length : preferred;
}

function pack(name: string, interval: string | undefined, rules: AlertingRule[], maxRules: number): RuleGroup[] {
  const groups: RuleGroup[] = [];
  for (let start = 0; start < rules.length; start += maxRules) {
    const i = start / maxRules;
    const group: RuleGroup = { name: i === 0 ? name : `${name}.${i + 1}`, rules: rules.slice(start, start + maxRules) };
    groups.push(interval ? { ...group, interval } : group);
  }
  return groups;
}
