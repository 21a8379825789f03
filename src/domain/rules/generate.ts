/**
 * From a registry document to rule files: one Prometheus file per service (a ruler namespace per
 * service for Mimir/Cortex), one Loki ruler file per service that has log SLIs, and one shared
 * Prometheus file for the registry ({@link SHARED_RULES}). A service's Prometheus file also
 * records its hourly spend when billing is read from the same Prometheus.
 */
import { RegistryDocument } from '../model';
import { sliQueryLanguage } from '../promql/sli';
import { buildAlertGroup } from './alert-rules';
import { buildCostGroup } from './cost-rules';
import { buildSloContext, indexRegistry, SloContext } from './context';
import { buildMetaGroup } from './meta-rules';
import { buildSharedGroups } from './shared-rules';
import { buildSliGroups } from './sli-rules';
import { RuleFile, RuleGroup, SloRules } from './types';

/**
 * `serviceId` of the registry-wide rule file: rules that combine the series of every SLO (burn
 * rates, budget, the error ratios over the alert windows and the period). Not a service id: those
 * have no dots. Loaded once, beside the service files.
 */
export const SHARED_RULES = 'registry.shared';

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
  return slo ? rulesOf(buildSloContext(slo, indexRegistry(doc))) : undefined;
}

/**
 * Rule files for every SLO of the document, one per service in the order services first appear
 * among the SLOs, then services that only record spend, then the registry's shared rules
 * ({@link SHARED_RULES}). Services without log SLIs get no Loki file.
 */
export function generateRuleFiles(doc: RegistryDocument): GeneratedRuleFiles {
  const prometheus = new Map<string, RuleGroup[]>();
  const loki = new Map<string, RuleGroup[]>();
  const index = indexRegistry(doc);
  const contexts = doc.slos.map((slo) => buildSloContext(slo, index));
  for (const ctx of contexts) {
    const rules = rulesOf(ctx);
    append(prometheus, rules.serviceId, rules.prometheus);
    append(loki, rules.serviceId, rules.loki);
  }
  for (const service of doc.services) {
    const cost = buildCostGroup(doc.settings, service);
    append(prometheus, service.id, cost ? [cost] : []);
  }
  append(prometheus, SHARED_RULES, buildSharedGroups(contexts));
  return { prometheus: toFiles(prometheus), loki: toFiles(loki) };
}

/** The registry-wide rules, which need every per-SLO file's series: load them once, beside those files. */
export function sharedRuleFile(doc: RegistryDocument): RuleFile {
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
 * The groups of one SLO: `slo-<id>`, every rule evaluated each cycle (its SLI rules when they run
 * on Prometheus, `slo:info`, its alerts), and `slo-<id>-increase1h`, the hourly tiles. Prometheus
 * pays a fixed cost per group and cycle, several times that of a cheap rule (bench/RESULTS.md,
 * "Rule cost"), so one group per SLO costs less than one per kind of rule; a group per service
 * would cost less still, but would outgrow the 20 rules per group that Mimir allows by default.
 * Rules keep their order, so an alert reads the ratios recorded before it in the same evaluation.
 */
function rulesOf(ctx: SloContext): SloRules {
  const { slo } = ctx;
  const [sli, ...tiles] = buildSliGroups(ctx);
  const onLoki = sliQueryLanguage(slo.sli) === 'logql';
  const derived = [buildMetaGroup(ctx), ...buildAlertGroup(ctx)].flatMap((group) => group.rules);
  const main: RuleGroup = { name: `slo-${slo.id}`, rules: [...(onLoki ? [] : sli.rules), ...derived] };
  return {
    sloId: slo.id,
    serviceId: slo.serviceId,
    prometheus: onLoki ? [main] : [main, ...tiles],
    loki: onLoki ? [sli, ...tiles] : [],
  };
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
