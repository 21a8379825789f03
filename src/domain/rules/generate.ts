/**
 * From a registry document to rule files: one Prometheus file per service (a ruler namespace per
 * service for Mimir/Cortex) and one Loki ruler file per service that has log SLIs. A service's
 * Prometheus file also records its hourly spend when billing is read from the same Prometheus.
 * When the registry records Sloth's series (`settings.slothSeries`), one shared Prometheus file
 * ({@link SHARED_RULES}) records them for every SLO.
 */
import { RegistryDocument } from '../model';
import { sliQueryLanguage } from '../query/sli';
import { buildAlertRules } from './alert-rules';
import { buildCostGroup } from './cost-rules';
import { buildSloContext, indexRegistry, SloContext } from './context';
import { budgetLeftRule, buildMetaGroup, calendarPeriodGroup } from './meta-rules';
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

/**
 * Rule files for every SLO of the document, one per service in the order services first appear
 * among the SLOs, then services that only record spend, then the registry's shared rules
 * ({@link SHARED_RULES}). Services without log SLIs get no Loki file.
 */
export function generateRuleFiles(doc: RegistryDocument): GeneratedRuleFiles {
  const perService = new Map<string, RuleGroup[]>();
  const loki = new Map<string, RuleGroup[]>();
  const index = indexRegistry(doc);
  const sloth = Boolean(doc.settings.slothSeries);
  // Contexts are kept only for Sloth's shared rules: otherwise each is garbage once its rules are
  // built, which spares the garbage collector from copying 10,000 of them.
  const contexts: SloContext[] = [];
  for (const slo of doc.slos) {
    const ctx = buildSloContext(slo, index);
    if (sloth) {
      contexts.push(ctx);
    }
    const rules = rulesOf(ctx, sloth);
    append(perService, rules.serviceId, rules.prometheus);
    append(loki, rules.serviceId, rules.loki);
  }
  const prometheus = new Map<string, RuleGroup[]>();
  for (const [serviceId, groups] of perService) {
    append(prometheus, serviceId, packGroups(serviceId, groups));
  }
  for (const service of doc.services) {
    const cost = buildCostGroup(doc.settings, service);
    append(prometheus, service.id, cost ? [cost] : []);
  }
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

/**
 * The groups of one SLO, by interval: `slo-<id>`, evaluated every cycle (its SLI rules when they
 * run on Prometheus, its page alerts; left out when empty), `slo-<id>-1m` (`slo:info`, the budget
 * left, ticket and freeze alerts, every `SLOW_INTERVAL`), and `slo-<id>-increase1h`, the hourly tiles. Prometheus
 * pays a fixed cost per group and cycle, several times that of a cheap rule (bench/RESULTS.md,
 * "Rule cost"), so one group per SLO and interval costs less than one per kind of rule; in a
 * service's file, groups of the same interval are packed further ({@link packGroups}).
 */
function rulesOf(ctx: SloContext, sloth: boolean): SloRules {
  const { slo } = ctx;
  const [sli, ...tiles] = buildSliGroups(ctx);
  const onLoki = sliQueryLanguage(slo.sli) === 'logql';
  const alerts = buildAlertRules(ctx);
  const main: RuleGroup = { name: `slo-${slo.id}`, rules: [...(onLoki ? [] : sli.rules), ...alerts.page] };
  const slow: RuleGroup = {
    name: `slo-${slo.id}-${SLOW_INTERVAL}`,
    interval: SLOW_INTERVAL,
    rules: [...buildMetaGroup(ctx, sloth).rules, budgetLeftRule(ctx), ...alerts.slow],
  };
  const every = main.rules.length > 0 ? [main, slow] : [slow];
  const period = calendarPeriodGroup(ctx);
  return {
    sloId: slo.id,
    serviceId: slo.serviceId,
    prometheus: [...every, ...(onLoki ? [] : tiles), ...(period ? [period] : [])],
    loki: onLoki ? [sli, ...tiles] : [],
  };
}

/**
 * A service's SLO groups, packed by interval, in order, into as few groups as hold at most
 * {@link MAX_RULES_PER_GROUP} rules each: `service-<service>.slos` (every cycle),
 * `service-<service>.slos-1m`, `service-<service>.slos-1h`, then `….2` and so on. A group left alone
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
