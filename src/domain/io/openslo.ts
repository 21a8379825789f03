import { Service, Slo } from '../model';
import { Problem } from '../problems';
import { Fields, isFields } from '../validation/checker';
import { finishImport, ImportResult, newService, newSlo, SourceFile, SourceLines } from './importResult';
import { entityPath, ReportEntry } from './migrationReport';
import { convertAlertPolicies, Lookup, Named } from './opensloAlerting';
import { convertIndicator } from './opensloSli';
import { checkSliceWindows, readBudgetingMethod, reportSlicing } from './opensloTimeslices';
import { convertTimeWindow } from './opensloWindow';
import { OwnerLabels } from './ownerLabels';
import { fields, readDocuments, SourceDoc, text, textMap } from './sourceDoc';

const KINDS = ['Service', 'SLO', 'SLI', 'AlertPolicy', 'AlertCondition', 'DataSource'] as const;
const SLO_SPEC_KEYS = [
  'description',
  'service',
  'indicator',
  'indicatorRef',
  'timeWindow',
  'budgetingMethod',
  'objectives',
  'alertPolicies',
];

type Kind = (typeof KINDS)[number];

/** Reads every document of every file and groups them by kind, reporting unknown kinds and versions. */
function collect(files: SourceFile[], problems: Problem[], report: ReportEntry[]): Map<Kind, Named[]> {
  const byKind = new Map<Kind, Named[]>(KINDS.map((kind) => [kind, []]));
  for (const { value, src } of readDocuments(files, problems, report)) {
    const kind = isFields(value) ? value.kind : undefined;
    if (!isFields(value) || value.apiVersion !== 'openslo/v1') {
      problems.push(
        src.problem(
          ['apiVersion'],
          `expected apiVersion "openslo/v1", found ${JSON.stringify(isFields(value) ? (value.apiVersion ?? null) : null)}`
        )
      );
    } else if (!(KINDS as readonly unknown[]).includes(kind)) {
      problems.push(
        src.problem(['kind'], `unknown kind ${JSON.stringify(kind ?? null)}; expected one of ${KINDS.join(', ')}`)
      );
    } else {
      byKind.get(kind as Kind)!.push({ data: value, src });
    }
  }
  return byKind;
}

const nameOf = (named: Named): string => text(fields(named.data, 'metadata'), 'name') ?? '';
const byName = (list: Named[]): Map<string, Named> => new Map(list.map((named) => [nameOf(named), named]));

/** `spec.objectives[0]` as a percentage: `targetPercent`, or `target` as a ratio; the others are dropped. */
function convertObjective(spec: Fields, slo: Slo, src: SourceDoc, problems: Problem[]): void {
  const objectives = Array.isArray(spec.objectives) ? spec.objectives.filter(isFields) : [];
  objectives.slice(1).forEach((_, index) => {
    const reason = `objective ${index + 2} of ${objectives.length}: only the first objective is imported`;
    problems.push(src.drop(['spec', 'objectives', index + 1], reason));
  });
  const [objective] = objectives;
  const path = ['spec', 'objectives', 0];
  const key = objective?.targetPercent !== undefined ? 'targetPercent' : 'target';
  const value = objective?.[key];
  // Keep a wrong type (or none) as it is so that validation names it.
  slo.objective = (
    key === 'target' && typeof value === 'number' ? Number((value * 100).toPrecision(12)) : value
  ) as number;
  if (value !== undefined) {
    src.mapped([...path, key], entityPath('slos', slo.id, 'objective'));
  }
  const displayName = text(objective, 'displayName');
  if (displayName !== undefined && displayName !== slo.name) {
    problems.push(src.drop([...path, 'displayName'], `objective name "${displayName}": the SLO has one objective`));
  }
  if (slo.sli.kind === 'latency') {
    src.mapped([...path, 'value'], entityPath('slos', slo.id, 'sli.threshold'));
  }
}

/** The SLO's labels; list values (OpenSLO allows them) have no place in Prometheus labels. */
function convertLabels(metadata: Fields | undefined, src: SourceDoc, problems: Problem[]): Record<string, string> {
  const labels = fields(metadata, 'labels') ?? {};
  const kept = textMap(metadata, 'labels');
  for (const name of Object.keys(labels).filter((key) => !(key in kept))) {
    problems.push(src.drop(['metadata', 'labels', name], `label ${name} is a list; Prometheus labels hold one value`));
  }
  return kept;
}

function convertSlo(
  named: Named,
  index: Map<Kind, Map<string, Named>>,
  lookup: Lookup,
  problems: Problem[]
): Slo | undefined {
  const { data, src } = named;
  const spec = fields(data, 'spec') ?? {};
  const metadata = fields(data, 'metadata');
  problems.push(...src.unmapped(spec, SLO_SPEC_KEYS, ['spec']));
  problems.push(...src.unmapped(metadata, ['name', 'displayName', 'labels'], ['metadata']));
  const objective = Array.isArray(spec.objectives) && isFields(spec.objectives[0]) ? spec.objectives[0] : undefined;
  const ref = text(spec, 'indicatorRef');
  const indicator = ref !== undefined ? index.get('SLI')!.get(ref) : { data: fields(spec, 'indicator') ?? {}, src };
  if (!indicator) {
    problems.push(src.problem(['spec', 'indicatorRef'], `indicatorRef "${ref}" names no SLI of the imported files`));
    return undefined;
  }
  const method = readBudgetingMethod(spec, src, problems);
  if (method === undefined) {
    return undefined;
  }
  const slicing = method === 'Occurrences' ? undefined : method;
  const sliPath = ref !== undefined ? ['spec'] : ['spec', 'indicator', 'spec'];
  const indicatorSpec = fields(indicator.data, 'spec');
  const sli = convertIndicator(indicatorSpec, objective, indicator.src, sliPath, problems, slicing);
  if (!sli) {
    return undefined;
  }
  const slo = newSlo(nameOf(named), text(spec, 'service') ?? '', sli);
  const target = (field: string) => entityPath('slos', slo.id, field);
  const mapped = (path: Array<string | number>, field: string, reason?: string) => {
    if (src.document.hasIn(path)) {
      src.mapped(path, target(field), reason);
    }
  };
  mapped(['metadata', 'name'], 'id');
  slo.name = text(metadata, 'displayName') ?? slo.id;
  mapped(['metadata', 'displayName'], 'name');
  slo.description = text(spec, 'description');
  mapped(['spec', 'description'], 'description');
  mapped(['spec', 'service'], 'serviceId');
  mapped(['spec', ref !== undefined ? 'indicatorRef' : 'indicator'], 'sli', `a ${sli.kind} SLI`);
  if (slicing) {
    reportSlicing(slicing, src, target('sli'));
    if (fields(indicatorSpec, 'thresholdMetric')) {
      ['op', 'value'].forEach((key) => mapped(['spec', 'objectives', 0, key], 'sli', 'compared in each slice'));
    }
  } else if (spec.budgetingMethod === 'Occurrences') {
    mapped(['spec', 'budgetingMethod'], 'sli', 'the SLI counts events');
  }
  slo.labels = convertLabels(metadata, src, problems);
  convertObjective(spec, slo, src, problems);
  const window = convertTimeWindow(spec, slo.id, src, problems);
  if (window) {
    slo.window = window.window;
    if (window.timeZone) {
      slo.timeZone = window.timeZone;
    }
  }
  slo.alerting = convertAlertPolicies(spec.alertPolicies, lookup, src, ['spec', 'alertPolicies'], problems);
  mapped(['spec', 'alertPolicies'], 'alerting');
  if (slicing && !checkSliceWindows(slo.alerting, slicing, src, problems)) {
    return undefined;
  }
  return slo;
}

function markSlo(lines: SourceLines, at: string, src: SourceDoc): void {
  lines.markNode(at, src);
  lines.markNode(`${at}.id`, src, ['metadata', 'name']);
  lines.markNode(`${at}.serviceId`, src, ['spec', 'service']);
  lines.markNode(`${at}.objective`, src, ['spec', 'objectives', 0]);
  lines.markNode(`${at}.window`, src, ['spec', 'timeWindow']);
  lines.markNode(`${at}.sli`, src, ['spec', 'indicator']);
  lines.markNode(`${at}.alerting`, src, ['spec', 'alertPolicies']);
  lines.markNode(`${at}.labels`, src, ['metadata', 'labels']);
}

function convertService(named: Named, problems: Problem[]): Service {
  const { data, src } = named;
  const metadata = fields(data, 'metadata');
  const service = newService(nameOf(named));
  const target = (field: string) => entityPath('services', service.id, field);
  problems.push(
    ...src.unmapped(metadata, ['name', 'displayName'], ['metadata']),
    ...src.unmapped(fields(data, 'spec'), ['description'], ['spec'])
  );
  src.mapped(['metadata', 'name'], target('id'));
  service.name = text(metadata, 'displayName') ?? service.id;
  if (metadata?.displayName !== undefined) {
    src.mapped(['metadata', 'displayName'], target('name'));
  }
  service.description = text(fields(data, 'spec'), 'description');
  if (service.description !== undefined) {
    src.mapped(['spec', 'description'], target('description'));
  }
  return service;
}

/**
 * Imports OpenSLO v1 documents (one or several files, `---` separated): Service, SLO, SLI (inline
 * or by `indicatorRef`), AlertPolicy and AlertCondition (burn-rate conditions become alert
 * windows); DataSource documents are skipped with a warning. Rolling windows in days or weeks and
 * calendar months are imported (see `convertTimeWindow`); budgetingMethod Timeslices and
 * RatioTimeslices are measured per slice in a freeform SLI (see opensloTimeslices.ts). SLOs whose
 * service has no Service document get a new service; SLO labels `tier`, `team` and `owner` also set
 * the service's tier and on-call team (see `OwnerLabels`). Fields with no place in the registry are reported as `not mapped` warnings,
 * and the report says where each field went.
 */
export function importOpenSlo(files: SourceFile[]): ImportResult {
  const problems: Problem[] = [];
  const report: ReportEntry[] = [];
  const lines = new SourceLines();
  const ownerLabels = new OwnerLabels();
  const byKind = collect(files, problems, report);
  const index = new Map([...byKind].map(([kind, list]) => [kind, byName(list)]));
  const lookup: Lookup = {
    policies: index.get('AlertPolicy')!,
    conditions: index.get('AlertCondition')!,
    checked: new Set(),
  };
  const services: Service[] = byKind.get('Service')!.map((named, position) => {
    lines.markNode(`services[${position}]`, named.src);
    return convertService(named, problems);
  });
  for (const { src } of byKind.get('DataSource')!) {
    const reason = 'kind DataSource is skipped: the app reads the data sources chosen on its configuration page';
    problems.push(src.drop(['kind'], reason));
  }
  const slos: Slo[] = [];
  for (const named of byKind.get('SLO')!) {
    const slo = convertSlo(named, index, lookup, problems);
    if (!slo) {
      continue;
    }
    let service = services.find((candidate) => candidate.id === slo.serviceId);
    if (!service && slo.serviceId) {
      lines.markNode(`services[${services.length}]`, named.src, ['spec', 'service']);
      service = newService(slo.serviceId);
      services.push(service);
    }
    if (service) {
      ownerLabels.apply(slo, service, named.src, (name) => ['metadata', 'labels', name], problems);
    }
    markSlo(lines, `slos[${slos.length}]`, named.src);
    slos.push(slo);
  }
  return finishImport({ people: [], services, slos }, problems, lines, { report });
}
