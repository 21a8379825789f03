import { LABEL_TEAM, LABEL_TIER } from '../rules/names';
import { Fields } from '../validation/checker';
import { PyrraObject, YamlPath } from './pyrraFields';
import { Read } from './pyrraSli';
import { textMap } from './sourceDoc';

/** Pyrra copies metadata labels and annotations with this prefix, without it, onto its rules and alerts. */
const PROPAGATED = 'pyrra.dev/';
/** Metadata labels that say who owns the SLO: read even without the prefix (see `OwnerLabels`). */
const OWNERSHIP = [LABEL_TEAM, 'owner', LABEL_TIER];

/** The labels of a Pyrra SLO, with the source path of each, and the annotations of its alerts. */
export interface PyrraLabels {
  labels: Record<string, string>;
  paths: Map<string, YamlPath>;
  annotations: Record<string, string>;
}

/**
 * The labels Pyrra puts on an SLO's rules and alerts (slo/rules.go): `slo` with the SLO name, the
 * `pyrra.dev/` metadata labels without the prefix, then the equality matchers of the total (or bool
 * gauge) metric that are not grouped by, each overriding the ones before. Then `team`, `owner` and
 * `tier` metadata labels without the prefix, which Pyrra leaves on the Kubernetes object but which
 * name the SLO's owners. Other metadata labels describe the Kubernetes object (`prometheus: k8s`,
 * `role: alert-rules`) and are not read, as Pyrra does not read them.
 */
function collectLabels(name: string, metaLabels: Record<string, string>, source: Read, groupBy: string[]) {
  const labels = new Map<string, { value: string; path: YamlPath }>([
    ['slo', { value: name, path: ['metadata', 'name'] }],
  ]);
  for (const [key, value] of Object.entries(metaLabels).filter(([key]) => key.startsWith(PROPAGATED))) {
    labels.set(key.slice(PROPAGATED.length), { value, path: ['metadata', 'labels', key] });
  }
  for (const matcher of source.selector.matchers) {
    if (matcher.op === '=' && matcher.name !== '__name__' && !groupBy.includes(matcher.name)) {
      labels.set(matcher.name, { value: matcher.value, path: source.path });
    }
  }
  for (const key of OWNERSHIP.filter((key) => metaLabels[key] !== undefined && !labels.has(key))) {
    labels.set(key, { value: metaLabels[key], path: ['metadata', 'labels', key] });
  }
  return labels;
}

/**
 * The labels and alert annotations of a Pyrra SLO: the labels Pyrra's rules carry (see
 * `collectLabels`), which `OwnerLabels` then maps onto the service where the app derives them, and
 * the `pyrra.dev/` annotations, which Pyrra copies onto its alerts without the prefix. `slo` is the
 * SLO's registry path, for the report.
 */
export function convertPyrraLabels(
  name: string,
  metadata: Fields | undefined,
  source: Read,
  groupBy: string[],
  slo: string,
  obj: PyrraObject
): PyrraLabels {
  const collected = collectLabels(name, textMap(metadata, 'labels'), source, groupBy);
  const annotations: Record<string, string> = {};
  for (const [key, value] of Object.entries(textMap(metadata, 'annotations'))) {
    if (key.startsWith(PROPAGATED)) {
      annotations[key.slice(PROPAGATED.length)] = value;
      obj.mapped(['metadata', 'annotations', key], `${slo}.alerting.annotations.${key.slice(PROPAGATED.length)}`);
    }
  }
  return {
    labels: Object.fromEntries([...collected].map(([key, { value }]) => [key, value])),
    paths: new Map([...collected].map(([key, { path }]) => [key, path])),
    annotations,
  };
}
