/**
 * Rule YAML for download: one SLO, one service or the whole registry, as Prometheus rule files
 * (and Loki ruler files for log SLIs), the Alertmanager configuration that routes their alerts,
 * plus the SLO in OpenSLO and native YAML for copying.
 */
import { buildEscalationPlan, renderAlertmanagerConfig } from '../../domain/escalation';
import { exportOpenSlo } from '../../domain/io/opensloExport';
import { stringifyRegistryYaml } from '../../domain/io/native';
import { RegistryDocument } from '../../domain/model';
import {
  generateRuleFiles,
  generateSloRules,
  mergeRuleFiles,
  renderRuleFile,
  RuleGroup,
  SHARED_RULES,
  sharedRuleFile,
} from '../../domain/rules';

export type RuleScope = { kind: 'slo'; id: string } | { kind: 'service'; id: string } | { kind: 'all' };

export interface RuleDownload {
  fileName: string;
  text: string;
}

function files(base: string, prometheus: RuleGroup[], loki: RuleGroup[]): RuleDownload[] {
  const result = [{ fileName: `${base}.rules.yaml`, text: renderRuleFile({ groups: prometheus }) }];
  if (loki.length > 0) {
    result.push({ fileName: `${base}.loki.rules.yaml`, text: renderRuleFile({ groups: loki }) });
  }
  return result;
}

/**
 * The rule files of `scope`: Prometheus always, Loki only when log SLIs are in scope. One SLO's or
 * one service's file holds its own alerts; the whole registry is one Prometheus file whose alerts
 * are registry-wide rules (rules/shared-alerts.ts). When the registry records Sloth's series, for
 * one SLO or one service the registry's shared rules come as a file of their own, the same for
 * every scope (load it once); the whole registry's file has them.
 */
export function ruleDownloads(doc: RegistryDocument, scope: RuleScope): RuleDownload[] {
  const sharedFile = sharedRuleFile(doc);
  const shared =
    sharedFile.groups.length > 0 ? [{ fileName: `${SHARED_RULES}.rules.yaml`, text: renderRuleFile(sharedFile) }] : [];
  if (scope.kind === 'slo') {
    const rules = generateSloRules(doc, scope.id);
    return rules ? [...files(`slo-${scope.id}`, rules.prometheus, rules.loki), ...shared] : [];
  }
  // a service's file keeps its alerts, so that it stands alone; the whole registry shares them
  const generated = generateRuleFiles(doc, { shareAlerts: scope.kind === 'all' });
  const wanted = (file: { serviceId: string }) => scope.kind === 'all' || file.serviceId === scope.id;
  const merge = (list: typeof generated.prometheus) =>
    mergeRuleFiles(list.filter(wanted).map((item) => item.file)).groups;
  if (scope.kind === 'all') {
    return files('slos', merge(generated.prometheus), merge(generated.loki));
  }
  return [...files(`service-${scope.id}`, merge(generated.prometheus), merge(generated.loki)), ...shared];
}

/** The Alertmanager configuration routing the alerts of every SLO to teams and business owners. */
export function alertmanagerDownload(doc: RegistryDocument): RuleDownload {
  return { fileName: 'alertmanager.yaml', text: renderAlertmanagerConfig(buildEscalationPlan(doc)) };
}

/** The registry cut down to one SLO, its service and the people that service names. */
function sloOnly(doc: RegistryDocument, sloId: string): RegistryDocument {
  const slos = doc.slos.filter((slo) => slo.id === sloId);
  const services = doc.services.filter((service) => slos.some((slo) => slo.serviceId === service.id));
  const named = new Set(services.flatMap((service) => Object.values(service.owners)));
  return { ...doc, people: doc.people.filter((person) => named.has(person.id)), services, slos };
}

/** One SLO as OpenSLO v1 documents (its Service, then the SLO). */
export function sloAsOpenSlo(doc: RegistryDocument, sloId: string): string {
  return exportOpenSlo(sloOnly(doc, sloId));
}

/** One SLO as native registry YAML with its service and owners, importable on the configuration page. */
export function sloAsNativeYaml(doc: RegistryDocument, sloId: string): string {
  return stringifyRegistryYaml(sloOnly(doc, sloId));
}
