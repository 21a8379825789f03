import { Service, Slo } from '../model';
import { Problem } from '../problems';
import { Fields, isFields } from '../validation/checker';
import { finishImport, ImportResult, newService, SourceFile, SourceLines } from './importResult';
import { convertSlothSlo } from './slothSlo';
import { SourceDoc, text, textMap } from './sourceDoc';
import { hasErrors } from './native';
import { readYaml, toData } from './yamlSource';

/** What the files imported so far hold, with where each entity came from. */
interface SlothState {
  services: Service[];
  slos: Slo[];
  problems: Problem[];
  lines: SourceLines;
  sloFiles: Map<string, string>;
}

/** The spec of a `prometheus/v1` file, or of a `PrometheusServiceLevel` Kubernetes resource. */
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
    state.lines.mark(`services[${state.services.length}]`, src.source.file, src.line(path));
    state.services.push(service);
  }
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
          `SLO "${slo.id}" is already defined in ${earlier || 'another document'}; SLO names must be unique per service`
        )
      );
      return;
    }
    state.sloFiles.set(slo.id, src.source.file ?? '');
    addRunbookLink(service, slo.alerting.runbookUrl);
    const at = `slos[${state.slos.length}]`;
    state.lines.mark(at, src.source.file, src.line(sloPath));
    for (const key of ['objective', 'sli', 'labels', 'alerting', 'description']) {
      state.lines.mark(`${at}.${key}`, src.source.file, src.line([...sloPath, key]));
    }
    state.slos.push(slo);
  });
  if (!Array.isArray(spec.slos) || list.length === 0) {
    state.problems.push(src.problem([...path, 'slos'], 'slos must be a non-empty list of SLOs'));
  }
}

/**
 * Imports Sloth `prometheus/v1` specs (one file per service, or several): `service` becomes the
 * service id, each SLO gets the id `<service>-<name>`. Event SLIs shaped `sum(rate(SEL[{{.window}}]))`
 * become ratio SLIs, other queries freeform SLIs with `{{window}}`. The same service in two files
 * collects the SLOs of both; an SLO defined twice is a problem.
 */
export function importSloth(files: SourceFile[]): ImportResult {
  const state: SlothState = { services: [], slos: [], problems: [], lines: new SourceLines(), sloFiles: new Map() };
  for (const { text: content, file } of files) {
    const source = readYaml(content, file);
    state.problems.push(...source.problems);
    if (hasErrors(source.problems)) {
      continue;
    }
    for (const document of source.documents) {
      const src = new SourceDoc(source, document);
      const { value, problem } = toData(source, document);
      if (problem) {
        state.problems.push(problem);
      } else if (value !== null && value !== undefined) {
        importDocument(state, src, value);
      }
    }
  }
  return finishImport({ people: [], services: state.services, slos: state.slos }, state.problems, state.lines);
}
