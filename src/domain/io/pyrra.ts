import { Service, Slo } from '../model';
import { Problem } from '../problems';
import { isFields, shown } from '../validation/checker';
import { finishImport, ImportResult, newService, SourceFile, SourceLines } from './importResult';
import { ReportEntry } from './migrationReport';
import { OwnerLabels } from './ownerLabels';
import { PyrraObject, YamlPath } from './pyrraFields';
import { convertPyrraSlo } from './pyrraSlo';
import { readDocuments, SourceDoc } from './sourceDoc';

const API_VERSION = 'pyrra.dev/v1alpha1';
const KIND = 'ServiceLevelObjective';
/** What `kubectl get slo -o yaml` writes: the objects under `items`. */
const LIST_KINDS = ['List', 'ServiceLevelObjectiveList'];

/** Registry fields and the source field each comes from, so validation problems get its line. */
const ORIGINS: Array<[string, YamlPath]> = [
  ['id', ['metadata', 'name']],
  ['name', ['metadata', 'name']],
  ['labels', ['metadata', 'labels']],
  ['description', ['spec', 'description']],
  ['objective', ['spec', 'target']],
  ['window', ['spec', 'window']],
  ['sli', ['spec', 'indicator']],
  ['groupBy', ['spec', 'indicator']],
  ['alerting', ['spec', 'alerting']],
  ['alerting.windows', ['spec', 'window']],
  ['alerting.annotations', ['metadata', 'annotations']],
  ['alerting.runbookUrl', ['metadata', 'annotations']],
];

/** What the files imported so far hold, with where each entity came from. */
interface PyrraState {
  services: Service[];
  slos: Slo[];
  problems: Problem[];
  report: ReportEntry[];
  lines: SourceLines;
  /** Where each SLO id was first defined, e.g. `slos.yaml (document 2)`. */
  sloOrigins: Map<string, string>;
  ownerLabels: OwnerLabels;
}

function serviceFor(state: PyrraState, id: string, obj: PyrraObject, path: YamlPath): Service {
  let service = state.services.find((existing) => existing.id === id);
  if (!service) {
    service = newService(id);
    state.lines.markNode(`services[${state.services.length}]`, obj.src, [...obj.base, ...path]);
    state.services.push(service);
  }
  return service;
}

function importObject(state: PyrraState, value: unknown, obj: PyrraObject): void {
  if (!isFields(value) || value.apiVersion !== API_VERSION || value.kind !== KIND) {
    const found = isFields(value) ? `${shown(value.apiVersion ?? null)} ${shown(value.kind ?? null)}` : shown(value);
    obj.report(
      isFields(value) ? ['apiVersion'] : [],
      `expected apiVersion ${API_VERSION} and kind ${KIND}, found ${found}`
    );
    return;
  }
  const converted = convertPyrraSlo(value, obj);
  if (!converted) {
    return;
  }
  const { slo, servicePath, labelPaths } = converted;
  const earlier = state.sloOrigins.get(slo.id);
  if (earlier !== undefined) {
    obj.report(
      ['metadata', 'name'],
      `SLO "${slo.id}" is already defined in ${earlier}; SLO names must be unique per service`
    );
    return;
  }
  const { file, document } = obj.src.origin([...obj.base]);
  state.sloOrigins.set(slo.id, `${file ?? 'the pasted text'}${document ? ` (document ${document})` : ''}`);
  const service = serviceFor(state, slo.serviceId, obj, servicePath);
  const labelPath = (name: string) => [...obj.base, ...(labelPaths.get(name) ?? ['metadata', 'labels'])];
  state.ownerLabels.apply(slo, service, obj.src, labelPath, state.problems);
  const at = `slos[${state.slos.length}]`;
  state.lines.markNode(at, obj.src, obj.base);
  for (const [key, path] of ORIGINS) {
    state.lines.markNode(`${at}.${key}`, obj.src, [...obj.base, ...path]);
  }
  state.slos.push(slo);
}

/** A document holds one object, or a list of them under `items`. */
function importDocument(state: PyrraState, src: SourceDoc, value: unknown): void {
  if (isFields(value) && LIST_KINDS.includes(String(value.kind)) && Array.isArray(value.items)) {
    value.items.forEach((item, index) =>
      importObject(state, item, new PyrraObject(src, ['items', index], state.problems))
    );
  } else {
    importObject(state, value, new PyrraObject(src, [], state.problems));
  }
}

/**
 * Imports Pyrra `ServiceLevelObjective` resources (`pyrra.dev/v1alpha1`): several files of `---`
 * separated objects, or `kubectl get slo -o yaml` lists. Each becomes the SLO `<service>-<name>` of
 * a service named by its `pyrra.dev/service`, `service` or `app` label, else its namespace. Ratio
 * indicators become ratio SLIs, latency ones latency SLIs when they read one histogram, the others
 * freeform SLIs with Pyrra's own error ratio; Pyrra's burn-rate tiers become custom alert windows;
 * labels keep what Pyrra put on its rules, and `team`, `owner` and `tier` set the service's team
 * and tier as for Sloth (`OwnerLabels`). The report says where each field went.
 */
export function importPyrra(files: SourceFile[]): ImportResult {
  const state: PyrraState = {
    services: [],
    slos: [],
    problems: [],
    report: [],
    lines: new SourceLines(),
    sloOrigins: new Map(),
    ownerLabels: new OwnerLabels(),
  };
  for (const { value, src } of readDocuments(files, state.problems, state.report)) {
    importDocument(state, src, value);
  }
  return finishImport({ people: [], services: state.services, slos: state.slos }, state.problems, state.lines, {
    report: state.report,
  });
}
