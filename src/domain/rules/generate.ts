/**
 * From a registry document to rule files: one Prometheus file per service (a ruler namespace per
 * service for Mimir/Cortex) and one Loki ruler file per service that has log SLIs. A service's
 * Prometheus file also records its hourly spend when billing is read from the same Prometheus.
 * When the registry records Sloth's series (`settings.slothSeries`), one shared Prometheus file
 * ({@link SHARED_RULES}) records them for every SLO.
 */
import { RegistryDocument } from '../model';
import { sliQueryLanguage } from '../query/sli';
import { buildAlertRules, SloAlertRules } from './alert-rules';
import { buildCostGroup } from './cost-rules';
import { buildSloContext, indexRegistry, SloContext } from './context';
import { budgetLeftRule, buildMetaGroup, calendarPeriodGroup, hasHourlyBudgetLeft } from './meta-rules';
import { SharedAlerts, SHARED_ALERTS } from './shared-alerts';
import { buildSharedGroups } from './shared-rules';
import { buildSliGroups } from './sli-rules';
import { SLOW_INTERVAL } from './names';
import { Rule, RuleFile, RuleGroup, SloRules } from './types';

/**
 * `serviceId` of the registry-wide rule file: Sloth's series (error ratios over every window,
 * constants, burn rates), combined from the series of every SLO; only when the registry records
 * them (`settings.slothSeries`). Not a service id: those have no dots. Loaded once, beside the
 * service files.
 */
export const SHARED_RULES = 'registry.shared';

/**
 * The most rules in a group of SLO rules: the default limit of Grafana Mimir's and Cortex's
 * rulers (`ruler_max_rules_per_rule_group`).
 */
export const MAX_RULES_PER_GROUP = 20;

export { SHARED_ALERTS } from './shared-alerts';

/** A rule file for one service, or the registry's shared rules ({@link SHARED_RULES}). */
export interface ServiceRuleFile {
  serviceId: string;
  file: RuleFile;
}

export interface GeneratedRuleFiles {
  prometheus: ServiceRuleFile[];
  loki: ServiceRuleFile[];
}

/** Rules of one SLO, or `undefined` when the document has no SLO with that id. */
export function generateSloRules(doc: RegistryDocument, sloId: string): SloRules | undefined {
  const slo = doc.slos.find((candidate) => candidate.id === sloId);
  return slo ? rulesOf(buildSloContext(slo, indexRegistry(doc)), Boolean(doc.settings.slothSeries)) : undefined;
}

/** Options of {@link generateRuleFiles}. */
export interface GenerateOptions {
  /**
   * `false` keeps every alert in its SLO's own groups, so that each service's file stands alone (a
   * service's download); by default the alerts that can be are registry-wide rules in the file
   * {@link SHARED_ALERTS} (shared-alerts.ts), which costs Prometheus a fraction of the CPU.
   */
  shareAlerts?: boolean;
}

/**
 * Rule files for every SLO of the document, one per service in the order services first appear
 * among the SLOs, then services that only record spend, then the registry-wide alerting rules
 * ({@link SHARED_ALERTS}) and the registry's shared rules ({@link SHARED_RULES}). Services without
 * log SLIs get no Loki file.
 */
export function generateRuleFiles(doc: RegistryDocument, options: GenerateOptions = {}): GeneratedRuleFiles {
  const perService = new Map<string, RuleGroup[]>();
  const loki = new Map<string, RuleGroup[]>();
  const index = indexRegistry(doc);
  const sloth = Boolean(doc.settings.slothSeries);
  const alerts = options.shareAlerts === false ? undefined : new SharedAlerts();
  // Contexts are kept only for Sloth's shared rules: otherwise each is garbage once its rules are
  // built, which spares the garbage collector from copying 10,000 of them.
  const contexts: SloContext[] = [];
  for (const slo of doc.slos) {
    const ctx = buildSloContext(slo, index);
    if (sloth) {
      contexts.push(ctx);
    }
    const rules = rulesOf(ctx, sloth, alerts);
    append(perService, rules.serviceId, rules.prometheus);
    append(loki, rules.serviceId, rules.loki);
  }
  // a service's spend is packed with its SLOs' hourly tiles, which run at the same interval
  for (const service of doc.services) {
    const cost = buildCostGroup(doc.settings, service);
    append(perService, service.id, cost ? [cost] : []);
  }
  const prometheus = new Map<string, RuleGroup[]>();
  for (const [serviceId, groups] of perService) {
    append(prometheus, serviceId, packGroups(serviceId, groups));
  }
  append(prometheus, SHARED_ALERTS, alerts ? alerts.groups(MAX_RULES_PER_GROUP) : []);
  append(prometheus, SHARED_RULES, sloth ? buildSharedGroups(contexts) : []);
  return { prometheus: toFiles(prometheus), loki: toFiles(loki) };
}

/**
 * The registry-wide rules (Sloth's series), which need every per-SLO file's series: load them once,
 * beside those files. No groups unless the registry records Sloth's series.
 */
export function sharedRuleFile(doc: RegistryDocument): RuleFile {
  if (!doc.settings.slothSeries) {
    return { groups: [] };
  }
  const index = indexRegistry(doc);
  return { groups: buildSharedGroups(doc.slos.map((slo) => buildSloContext(slo, index))) };
}

/**
 * Merges rule files into one, e.g. to load every service into a single Prometheus. Groups with
 * the same name must be identical (they are then kept once); different ones are an error, since
 * a ruler would silently keep only one of them.
 */
export function mergeRuleFiles(files: RuleFile[]): RuleFile {
  const byName = new Map<string, RuleGroup>();
  for (const group of files.flatMap((file) => file.groups)) {
    const seen = byName.get(group.name);
    if (seen && JSON.stringify(seen) !== JSON.stringify(group)) {
      throw new Error(`rule group "${group.name}" is defined twice with different rules`);
    }
    byName.set(group.name, group);
  }
  return { groups: [...byName.values()] };
}

/** An SLO's own alerts when they are in the registry-wide rules instead. */
const NO_ALERTS: SloAlertRules = { page: [], slow: [] };

/**
 * The groups of one SLO, by interval: `slo-<id>`, evaluated every cycle (its first page tier,
 * `firstPageTier` in alert-rules.ts; left out when empty, as it is when the alerts are
 * registry-wide), `slo-<id>-1m` (its SLI rules when they run on Prometheus, `slo:info`, its other
 * alert tiers and the freeze alert, every `SLOW_INTERVAL`), and
 * `slo-<id>-increase1h`, the hourly tiles. The SLI rules run every minute whatever the evaluation
 * interval: a 5-minute increase moves little in 20 seconds, and recording it three times a minute
 * was most of what the rules cost Prometheus at a 20-second interval (bench/RESULTS.md, "Rule
 * cost"); the first page tier, still evaluated every cycle, then sees errors up to a minute later. The budget left
 * follows the tiles where it changes only with them, else joins `slo-<id>-1m` (meta-rules.ts). Prometheus
 * pays a fixed cost per group and cycle, several times that of a cheap rule (bench/RESULTS.md,
 * "Rule cost"), so one group per SLO and interval costs less than one per kind of rule; in a
 * service's file, groups of the same interval are packed further ({@link packGroups}). With
 * `shared`, the SLO's alerts join the registry-wide rules (shared-alerts.ts) instead of its groups.
 */
function rulesOf(ctx: SloContext, sloth: boolean, shared?: SharedAlerts): SloRules {
  const { slo } = ctx;
  const [sli, ...tiles] = buildSliGroups(ctx);
  const onLoki = sliQueryLanguage(slo.sli) === 'logql';
  // with the registry-wide rules, the SLO's alerts join them instead of its own groups
  shared?.add(ctx);
  const alerts = shared ? NO_ALERTS : buildAlertRules(ctx);
  const main: RuleGroup = { name: `slo-${slo.id}`, rules: alerts.page };
  const budget = budgetLeftRule(ctx);
  const hourly = hasHourlyBudgetLeft(ctx, onLoki);
  // the SLI's increases every minute, first: the budget left and the alerts of the group read them
  const slow: RuleGroup = {
    name: `slo-${slo.id}-${SLOW_INTERVAL}`,
    interval: SLOW_INTERVAL,
    rules: [
      ...(onLoki ? [] : sli.rules),
      ...buildMetaGroup(ctx, sloth).rules,
      ...(hourly ? [] : [budget]),
      ...alerts.slow,
    ],
  };
  const every = main.rules.length > 0 ? [main, slow] : [slow];
  // after the tiles: a group's later rules read what its earlier ones recorded at the same evaluation
  const tiled = hourly ? tiles.map((group) => ({ ...group, rules: [...group.rules, budget] })) : tiles;
  const period = calendarPeriodGroup(ctx);
  return {
    sloId: slo.id,
    serviceId: slo.serviceId,
    prometheus: [...every, ...(onLoki ? [] : tiled), ...(period ? [period] : [])],
    loki: onLoki ? [sli, ...tiles] : [],
  };
}

/**
 * A service's SLO groups (and last its spend group, hourly like the tiles), packed by interval, in
 * order, into as few groups as hold at most {@link MAX_RULES_PER_GROUP} rules each:
 * `service-<service>.slos` (every cycle), `service-<service>.slos-1m`, `service-<service>.slos-1h`,
 * then `….2` and so on. A group left alone
 * in its pack keeps its name, and so does a larger one. Prometheus pays a fixed cost per group and
 * cycle (bench/RESULTS.md, "Rule cost"), and rulers limit the groups per tenant. Each SLO's rules
 * stay together and in order, and every SLO's own file ({@link generateSloRules}) keeps its groups.
 */
function packGroups(serviceId: string, groups: RuleGroup[]): RuleGroup[] {
  const byInterval = new Map<string | undefined, RuleGroup[][]>();
  // Rules in the last pack of each interval.
  const lastSize = new Map<string | undefined, number>();
  for (const group of groups) {
    const packs = byInterval.get(group.interval) ?? [];
    byInterval.set(group.interval, packs);
    const last = packs[packs.length - 1];
    const size = lastSize.get(group.interval) ?? 0;
    if (last && size + group.rules.length <= MAX_RULES_PER_GROUP) {
      last.push(group);
      lastSize.set(group.interval, size + group.rules.length);
    } else {
      packs.push([group]);
      lastSize.set(group.interval, group.rules.length);
    }
  }
  return [...byInterval].flatMap(([interval, packs]) =>
    packs.map((pack, i): RuleGroup => {
      if (pack.length === 1) {
        return pack[0];
      }
      const name = `service-${serviceId}.slos${interval ? `-${interval}` : ''}${i === 0 ? '' : `.${i + 1}`}`;
      const rules: Rule[] = [];
      for (const group of pack) {
        for (const rule of group.rules) {
          rules.push(rule);
        }
      }
      return interval ? { name, interval, rules } : { name, rules };
    })
  );
}

function append(files: Map<string, RuleGroup[]>, serviceId: string, groups: RuleGroup[]) {
  if (groups.length === 0) {
    return;
  }
  const existing = files.get(serviceId);
  if (existing) {
    existing.push(...groups);
  } else {
    files.set(serviceId, [...groups]);
  }
}

function toFiles(files: Map<string, RuleGroup[]>): ServiceRuleFile[] {
  return [...files.entries()].map(([serviceId, groups]) => ({ serviceId, file: { groups } }));
}
