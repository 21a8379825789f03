import { Slo } from '../model';
import { parsePromDuration } from '../query/duration';
import { Fields, isFields, shown } from '../validation/checker';
import { windowProblem } from '../validation/formats';
import { newSlo } from './importResult';
import { entityPath } from './migrationReport';
import { convertPyrraAlerting, pyrraWindowsFit } from './pyrraAlerting';
import { PyrraObject, YamlPath } from './pyrraFields';
import { convertPyrraLabels } from './pyrraLabels';
import { convertPyrraIndicator } from './pyrraSli';
import { fields, textMap } from './sourceDoc';

/** A Pyrra SLO as the registry holds it, with what its service takes from it. */
export interface PyrraSlo {
  slo: Slo;
  /** Where the service id was read, for problems about the service. */
  servicePath: YamlPath;
  /** Where each of `slo.labels` was read, relative to the object. */
  labelPaths: Map<string, YamlPath>;
}

/**
 * `status` is written by the operator. `metadata` describes the Kubernetes object: only its name,
 * namespace, labels and annotations mean something for the SLO (see `convertPyrraLabels`), the rest
 * (uid, resourceVersion, managedFields, ...) is not reported, as for Sloth's resource.
 */
const TOP_KEYS = ['apiVersion', 'kind', 'metadata', 'spec', 'status'];
const SPEC_KEYS = ['description', 'target', 'window', 'indicator', 'alerting'];
/** Metadata labels that name the service, first found first; then the namespace. */
const SERVICE_LABELS = ['pyrra.dev/service', 'service', 'app'];
/** The namespace Kubernetes gives an object that names none. */
const DEFAULT_NAMESPACE = 'default';
const DAY = 86_400_000;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The service of the SLO: a service label, else the namespace, else Kubernetes' default namespace. */
function serviceOf(metadata: Fields | undefined, obj: PyrraObject): { id: string; path: YamlPath } {
  const labels = textMap(metadata, 'labels');
  const label = SERVICE_LABELS.find((key) => labels[key]?.trim());
  if (label) {
    return { id: labels[label], path: ['metadata', 'labels', label] };
  }
  const namespace = obj.text(metadata, 'namespace', ['metadata']);
  if (namespace) {
    return { id: namespace, path: ['metadata', 'namespace'] };
  }
  obj.report(
    ['metadata'],
    `no ${SERVICE_LABELS.join(', ')} label and no namespace: the SLO goes to service "${DEFAULT_NAMESPACE}", the namespace Kubernetes would give it`,
    'warning'
  );
  return { id: DEFAULT_NAMESPACE, path: ['metadata'] };
}

/** `spec.target`, a percentage written as text ("99.5"); a number is taken as it is. */
function convertTarget(spec: Fields, obj: PyrraObject): number | undefined {
  if (typeof spec.target === 'number') {
    return spec.target;
  }
  const target = obj.text(spec, 'target', ['spec'], true)?.trim();
  if (target !== undefined && !NUMBER.test(target)) {
    obj.report(['spec', 'target'], `spec.target must be a percentage such as "99.5", got ${shown(target)}`);
    return undefined;
  }
  return target === undefined ? undefined : Number(target);
}

/** Why an SLO window of `ms` cannot be imported, or `undefined` when it can. */
function windowRefusal(ms: number | undefined): string | undefined {
  if (ms === undefined || ms % DAY !== 0 || windowProblem(`${ms / DAY}d`)) {
    return 'the app supports whole days from 1d to 365d, e.g. 7d, 28d (or 4w), 30d or 90d';
  }
  if (!pyrraWindowsFit(ms)) {
    return "Pyrra's fastest burn-rate window (the SLO window / 8064) rounds to 0s below 3d, which breaks its rules too";
  }
  return undefined;
}

/** `spec.window` as whole days (`4w` is `28d`), with its length for the burn-rate windows. */
function convertWindow(spec: Fields, obj: PyrraObject): { window: string; ms: number } | undefined {
  const text = obj.text(spec, 'window', ['spec'], true)?.trim();
  const ms = text === undefined ? undefined : parsePromDuration(text);
  const refusal = windowRefusal(ms);
  if (text !== undefined && refusal) {
    obj.report(['spec', 'window'], `spec.window ${JSON.stringify(text)} cannot be imported: ${refusal}`);
  }
  return ms === undefined || refusal ? undefined : { window: `${ms / DAY}d`, ms };
}

/**
 * Converts one Pyrra `ServiceLevelObjective`: the SLO id is `<service>-<metadata.name>`, the
 * service comes from a `pyrra.dev/service`, `service` or `app` label, else the namespace;
 * `spec.target` is the objective and `spec.window` the window. Everything the import cannot carry
 * over is reported at its path; `undefined` when an error leaves no SLO to import.
 */
export function convertPyrraSlo(data: Fields, obj: PyrraObject): PyrraSlo | undefined {
  obj.unmapped(data, TOP_KEYS, []);
  const metadata = fields(data, 'metadata');
  const name = obj.text(metadata, 'name', ['metadata'], true);
  const spec = fields(data, 'spec');
  if (!spec) {
    obj.report(['spec'], 'spec is required: a ServiceLevelObjective needs spec.target, spec.window and spec.indicator');
    return undefined;
  }
  obj.unmapped(spec, SPEC_KEYS, ['spec']);
  const indicator = convertPyrraIndicator(fields(spec, 'indicator'), obj);
  const objective = convertTarget(spec, obj);
  const window = convertWindow(spec, obj);
  if (spec.alerting !== undefined && spec.alerting !== null && !isFields(spec.alerting)) {
    obj.report(['spec', 'alerting'], `spec.alerting must be an object, got ${shown(spec.alerting)}`);
  }
  if (!name || !indicator || objective === undefined || !window) {
    return undefined;
  }
  const service = serviceOf(metadata, obj);
  const slo = newSlo(`${service.id}-${name}`, service.id, indicator.sli);
  const target = (field: string) => entityPath('slos', slo.id, field);
  obj.mapped(service.path, entityPath('services', service.id, 'id'));
  obj.mapped(['metadata', 'name'], target('name'), `the SLO id is ${slo.id}`);
  slo.name = name;
  slo.description = obj.text(spec, 'description', ['spec']);
  if (slo.description !== undefined) {
    obj.mapped(['spec', 'description'], target('description'));
  }
  slo.objective = objective;
  obj.mapped(['spec', 'target'], target('objective'));
  slo.window = window.window;
  obj.mapped(['spec', 'window'], target('window'));
  indicator.report(entityPath('slos', slo.id));
  if (indicator.groupBy.length > 0) {
    slo.groupBy = indicator.groupBy;
  }
  const labels = convertPyrraLabels(
    name,
    metadata,
    indicator.labelSource,
    indicator.groupBy,
    entityPath('slos', slo.id),
    obj
  );
  slo.labels = labels.labels;
  slo.alerting = convertPyrraAlerting(fields(spec, 'alerting'), window.ms, labels.annotations, target('alerting'), obj);
  return { slo, servicePath: service.path, labelPaths: labels.paths };
}
