import { Service, Slo } from '../model';
import { Problem } from '../problems';
import { Fields, isFields } from '../validation/checker';
import { finishImport, ImportResult, newService, SourceFile, SourceLines } from './importResult';
import { entityPath, ReportEntry } from './migrationReport';
import { OwnerLabels } from './ownerLabels';
import { convertSlothSlo } from './slothSlo';
import { fields, readDocuments, SourceDoc, text, textMap } from './sourceDoc';

/** What the files imported so far hold, with where each entity came from. */
interface SlothState {
  services: Service[];
  slos: Slo[];
  problems: Problem[];
  report: ReportEntry[];
  lines: SourceLines;
  sloFiles: Map<string, string>;
  ownerLabels: OwnerLabels;
}

/**
 * The spec of a `prometheus/v1` file, or of a `PrometheusServiceLevel` Kubernetes resource (whose
 * `metadata` describes the Kubernetes object, not the SLOs, and is not reported).
 */
function specOf(data: Fields, src: SourceDoc, problems: Problem[]): { spec?: Fields; path: string[] } {
  if (data.version === 'prometheus/v1') {
    problems.push(...src.unmapped(data, ['version', 'service', 'labels', 'slos'], []));
    return { spec: data, path: [] };
  }
  if (data.kind === 'PrometheusServiceLevel' && isFields(data.spec)) {
    problems.push(...src.unmapped(data.spec, ['service', 'labels', 'slos'], ['spec']));
    return { spec: data.spec, path: ['spec'] };
  }
  const found = JSON.stringify(data.version ?? data.kind ?? null);
  problems.push(
    src.problem(
      ['version'],
      `not a Sloth spec: expected version "prometheus/v1" (or kind PrometheusServiceLevel), found ${found}`
    )
  );
  return { path: [] };
}

function serviceFor(state: SlothState, id: string, src: SourceDoc, path: Array<string | number>): Service {
  let service = state.services.find((existing) => existing.id === id);
  if (!service) {
    service = newService(id);
    state.lines.markNode(`services[${state.services.length}]`, src, path);
    state.services.push(service);
  }
  src.mapped(path, entityPath('services', id, 'id'));
  return service;
}

/** A runbook annotation also becomes a runbook link of the service, once per URL. */
function addRunbookLink(service: Service, url: string | undefined): void {
  if (url && !service.links.some((link) => link.url === url)) {
    service.links.push({ type: 'runbook', title: `${service.name} runbook`, url });
  }
}

function importDocument(state: SlothState, src: SourceDoc, data: unknown): void {
  if (!isFields(data)) {
    state.problems.push(src.problem([], 'a Sloth file must be a YAML object with version, service and slos'));
    return;
  }
  const { spec, path } = specOf(data, src, state.problems);
  const serviceId = text(spec, 'service');
  if (!spec || !serviceId) {
    if (spec) {
      state.problems.push(src.problem([...path, 'service'], 'service is required: it becomes the service id'));
    }
    return;
  }
  const service = serviceFor(state, serviceId, src, [...path, 'service']);
  const labels = textMap(spec, 'labels');
  const list = Array.isArray(spec.slos) ? spec.slos : [];
  list.forEach((value, index) => {
    const sloPath = [...path, 'slos', index];
    const slo = isFields(value) ? convertSlothSlo(value, serviceId, labels, src, sloPath, state.problems) : undefined;
    if (!slo) {
      return;
    }
    const earlier = state.sloFiles.get(slo.id);
    if (earlier !== undefined) {
      state.problems.push(
        src.problem(
          [...sloPath, 'name'],
          `SLO "${slo.id}" is already defined in ${earlier}; SLO names must be unique per service`
        )
      );
      return;
    }
    const { file, document } = src.origin([]);
    state.sloFiles.set(slo.id, `${file ?? 'the pasted text'}${document ? ` (document ${document})` : ''}`);
    const ownLabels = fields(value as Fields, 'labels') ?? {};
    const labelPath = (name: string) => (name in ownLabels ? [...sloPath, 'labels', name] : [...path, 'labels', name]);
    state.ownerLabels.apply(slo, service, src, labelPath, state.problems);
    addRunbookLink(service, slo.alerting.runbookUrl);
    const at = `slos[${state.slos.length}]`;
    state.lines.markNode(at, src, sloPath);
    for (const key of ['objective', 'sli', 'labels', 'alerting', 'description']) {
      state.lines.markNode(`${at}.${key}`, src, [...sloPath, key]);
    }
    state.slos.push(slo);
  });
  if (!Array.isArray(spec.slos) || list.length === 0) {
    state.problems.push(src.problem([...path, 'slos'], 'slos must be a non-empty list of SLOs'));
  }
}

/**
 * Imports Sloth `prometheus/v1` specs and `PrometheusServiceLevel` resources (several files, several
 * `---` documents each): `service` becomes the service id, each SLO gets the id `<service>-<name>`.
 * Event SLIs shaped `sum(rate(SEL[{{.window}}]))` become ratio SLIs, other queries and raw error
 * ratios freeform SLIs with `{{window}}`; `alerting.name` is kept as the alert name. Labels stay
 * labels, and `tier`, `team` and `owner` also set the service's tier and on-call team (see
 * `OwnerLabels`). The same service in two documents collects the SLOs of both; an SLO defined
 * twice is a problem. The report says where each field went. The import turns on Sloth's series
 * (`settings.slothSeries`), so that dashboards and alert routes built on them keep working.
 */
export function importSloth(files: SourceFile[]): ImportResult {
  const state: SlothState = {
    services: [],
    slos: [],
    problems: [],
    report: [],
    lines: new SourceLines(),
    sloFiles: new Map(),
    ownerLabels: new OwnerLabels(),
  };
  for (const { value, src } of readDocuments(files, state.problems, state.report)) {
    importDocument(state, src, value);
  }
  // Sloth's dashboards and alert routes read its series: the registry keeps recording them.
  const imported = { people: [], services: state.services, slos: state.slos, settings: { slothSeries: true } };
  return finishImport(imported, state.problems, state.lines, { report: state.report });
}
