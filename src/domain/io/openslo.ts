import { Service, Slo } from '../model';
import { Problem } from '../problems';
import { Fields, isFields } from '../validation/checker';
import { finishImport, ImportResult, newService, newSlo, SourceFile, SourceLines } from './importResult';
import { hasErrors } from './native';
import { convertAlertPolicies, Named } from './opensloAlerting';
import { convertIndicator } from './opensloSli';
import { fields, SourceDoc, text, textMap } from './sourceDoc';
import { readYaml, toData } from './yamlSource';

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
function collect(files: SourceFile[], problems: Problem[]): Map<Kind, Named[]> {
  const byKind = new Map<Kind, Named[]>(KINDS.map((kind) => [kind, []]));
  for (const { text: content, file } of files) {
    const source = readYaml(content, file);
    problems.push(...source.problems);
    if (hasErrors(source.problems)) {
      continue;
    }
    for (const document of source.documents) {
      const src = new SourceDoc(source, document);
      const { value, problem } = toData(source, document);
      if (problem || value === null || value === undefined) {
        problems.push(...(problem ? [problem] : []));
        continue;
      }
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
  }
  return byKind;
}

const nameOf = (named: Named): string => text(fields(named.data, 'metadata'), 'name') ?? '';
const byName = (list: Named[]): Map<string, Named> => new Map(list.map((named) => [nameOf(named), named]));

/** The window of `spec.timeWindow[0]`: rolling whole days (weeks count as 7 days) or the calendar month. */
function convertWindow(spec: Fields, src: SourceDoc, problems: Problem[]): string | undefined {
  const first = Array.isArray(spec.timeWindow) && isFields(spec.timeWindow[0]) ? spec.timeWindow[0] : undefined;
  const duration = text(first, 'duration') ?? '';
  const match = /^(\d+)([dw])$/.exec(duration);
  if (first?.isRolling === true && match) {
    return `${Number(match[1]) * (match[2] === 'w' ? 7 : 1)}d`;
  }
  if (first?.isRolling !== true && duration === '1M') {
    return 'calendar-month';
  }
  if (first) {
    problems.push(
      src.problem(
        ['spec', 'timeWindow', 0],
        `timeWindow ${JSON.stringify(duration)} is not supported: use a rolling window in days (e.g. 28d) or a 1M calendar window`
      )
    );
  }
  return undefined;
}

function convertSlo(named: Named, index: Map<Kind, Map<string, Named>>, problems: Problem[]): Slo | undefined {
  const { data, src } = named;
  const spec = fields(data, 'spec') ?? {};
  const metadata = fields(data, 'metadata');
  problems.push(...src.unmapped(spec, SLO_SPEC_KEYS, ['spec']));
  const objectives = Array.isArray(spec.objectives) ? spec.objectives.filter(isFields) : [];
  if (objectives.length > 1) {
    problems.push(
      src.problem(
        ['spec', 'objectives', 1],
        `only the first of ${objectives.length} objectives is imported; the others are dropped`,
        'warning'
      )
    );
  }
  const [objective] = objectives;
  const ref = text(spec, 'indicatorRef');
  const indicator = ref !== undefined ? index.get('SLI')!.get(ref) : { data: fields(spec, 'indicator') ?? {}, src };
  if (!indicator) {
    problems.push(src.problem(['spec', 'indicatorRef'], `indicatorRef "${ref}" names no SLI of the imported files`));
    return undefined;
  }
  const sliPath = ref !== undefined ? ['spec'] : ['spec', 'indicator', 'spec'];
  const sli = convertIndicator(fields(indicator.data, 'spec'), objective, indicator.src, sliPath, problems);
  if (!sli) {
    return undefined;
  }
  const slo = newSlo(nameOf(named), text(spec, 'service') ?? '', sli);
  slo.name = text(metadata, 'displayName') ?? slo.id;
  slo.description = text(spec, 'description');
  slo.labels = textMap(metadata, 'labels');
  const target =
    objective?.targetPercent ??
    (typeof objective?.target === 'number' ? Number((objective.target * 100).toPrecision(12)) : objective?.target);
  slo.objective = target as number;
  slo.window = convertWindow(spec, src, problems) ?? slo.window;
  const lookup = { policies: index.get('AlertPolicy')!, conditions: index.get('AlertCondition')! };
  slo.alerting = convertAlertPolicies(spec.alertPolicies, lookup, src, ['spec', 'alertPolicies'], problems);
  return slo;
}

function markSlo(lines: SourceLines, at: string, src: SourceDoc): void {
  lines.mark(at, src.source.file, src.line([]));
  lines.mark(`${at}.id`, src.source.file, src.line(['metadata', 'name']));
  lines.mark(`${at}.serviceId`, src.source.file, src.line(['spec', 'service']));
  lines.mark(`${at}.objective`, src.source.file, src.line(['spec', 'objectives', 0]));
  lines.mark(`${at}.window`, src.source.file, src.line(['spec', 'timeWindow']));
  lines.mark(`${at}.sli`, src.source.file, src.line(['spec', 'indicator']));
  lines.mark(`${at}.alerting`, src.source.file, src.line(['spec', 'alertPolicies']));
}

/**
 * Imports OpenSLO v1 documents (one or several files, `---` separated): Service, SLO, SLI (inline
 * or by `indicatorRef`), AlertPolicy and AlertCondition (burn-rate conditions become alert
 * windows); DataSource documents are ignored. SLOs whose service has no Service document get a new
 * service. Fields with no place in the registry are reported as `not mapped` warnings.
 */
export function importOpenSlo(files: SourceFile[]): ImportResult {
  const problems: Problem[] = [];
  const lines = new SourceLines();
  const byKind = collect(files, problems);
  const index = new Map([...byKind].map(([kind, list]) => [kind, byName(list)]));
  const services: Service[] = byKind.get('Service')!.map((named, position) => {
    const service = newService(nameOf(named));
    service.name = text(fields(named.data, 'metadata'), 'displayName') ?? service.id;
    service.description = text(fields(named.data, 'spec'), 'description');
    lines.mark(`services[${position}]`, named.src.source.file, named.src.line([]));
    return service;
  });
  const slos: Slo[] = [];
  for (const named of byKind.get('SLO')!) {
    const slo = convertSlo(named, index, problems);
    if (!slo) {
      continue;
    }
    if (slo.serviceId && !services.some((service) => service.id === slo.serviceId)) {
      lines.mark(`services[${services.length}]`, named.src.source.file, named.src.line(['spec', 'service']));
      services.push(newService(slo.serviceId));
    }
    markSlo(lines, `slos[${slos.length}]`, named.src);
    slos.push(slo);
  }
  return finishImport({ people: [], services, slos }, problems, lines);
}
