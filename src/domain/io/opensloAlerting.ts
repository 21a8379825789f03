import { ALERT_PRESETS, AlertPreset, Alerting, BurnWindow } from '../model';
import { Problem } from '../problems';
import { Fields, isFields } from '../validation/checker';
import { WINDOW_PRESETS } from '../windows/presets';
import { fields, SourceDoc, text } from './sourceDoc';

/** Annotation on an exported AlertPolicy that names the registry's preset, so a round trip keeps it. */
export const PRESET_ANNOTATION = 'business-owner/alert-preset';

/** A named OpenSLO object (AlertPolicy, AlertCondition) and the document it is defined in. */
export interface Named {
  data: Fields;
  src: SourceDoc;
}

type YamlPath = Array<string | number>;

/**
 * The AlertPolicy fields the import reads. `notificationTargets` has no place: the generated alerts
 * are routed by Alertmanager on their labels.
 */
const POLICY_KEYS = ['conditions', 'alertWhenBreaching', 'description'];

/** The AlertPolicy and AlertCondition documents of an import, by name. */
export interface Lookup {
  policies: Map<string, Named>;
  conditions: Map<string, Named>;
  /** Policies whose fields were checked already: an SLO shares a referenced policy with others. */
  checked: Set<Fields>;
}

/** Resolves `name`, `{ alertPolicyRef | conditionRef: name }` or an inline object. */
function resolve(
  entry: unknown,
  refKey: string,
  named: Map<string, Named>,
  src: SourceDoc,
  path: YamlPath,
  problems: Problem[]
): Named | undefined {
  const ref = typeof entry === 'string' ? entry : isFields(entry) ? text(entry, refKey) : undefined;
  if (ref !== undefined) {
    const found = named.get(ref);
    if (!found) {
      problems.push(src.problem(path, `"${ref}" is not defined in the imported files`));
    }
    return found;
  }
  return isFields(entry) ? { data: entry, src } : undefined;
}

function convertCondition(condition: Named, path: YamlPath, problems: Problem[]): BurnWindow | undefined {
  const { data, src } = condition;
  const spec = fields(data, 'spec');
  const rule = fields(spec, 'condition');
  if (text(rule, 'kind') !== 'burnrate') {
    const kind = JSON.stringify(text(rule, 'kind') ?? null);
    problems.push(src.drop(path, `only burnrate alert conditions are imported, found ${kind}`));
    return undefined;
  }
  const severity = text(spec, 'severity') === 'page' ? 'page' : 'ticket';
  return {
    tier: text(fields(data, 'metadata'), 'name') ?? `${severity}-${path.join('-')}`,
    severity,
    factor: rule?.threshold as number,
    long: text(rule, 'lookbackWindow') ?? '',
    // OpenSLO has no short window; `alertAfter` (how long the burn must last) plays its part.
    short: text(rule, 'alertAfter') ?? '',
  };
}

/**
 * Converts an SLO's `alertPolicies` to the registry's alerting: burn-rate conditions become custom
 * windows, unless the policy carries the preset annotation written by the export.
 */
export function convertAlertPolicies(
  list: unknown,
  lookup: Lookup,
  src: SourceDoc,
  path: YamlPath,
  problems: Problem[]
): Alerting {
  const entries = Array.isArray(list) ? list : [];
  if (entries.length === 0) {
    return { enabled: false, preset: 'google-30d' };
  }
  const windows: BurnWindow[] = [];
  let preset: AlertPreset | undefined;
  entries.forEach((entry, index) => {
    const policy = resolve(entry, 'alertPolicyRef', lookup.policies, src, [...path, index], problems);
    const annotation = text(fields(fields(policy?.data, 'metadata'), 'annotations'), PRESET_ANNOTATION);
    if ((ALERT_PRESETS as readonly string[]).includes(annotation ?? '')) {
      preset = annotation as AlertPreset;
    }
    const policySpec = fields(policy?.data, 'spec');
    if (policy && !lookup.checked.has(policy.data)) {
      lookup.checked.add(policy.data);
      const at = policy.data === entry ? [...path, index, 'spec'] : ['spec'];
      problems.push(...policy.src.unmapped(policySpec, POLICY_KEYS, at));
    }
    const conditions = policySpec?.conditions;
    (Array.isArray(conditions) ? conditions : []).forEach((item, position) => {
      const conditionPath = [...path, index, 'spec', 'conditions', position];
      const condition = policy && resolve(item, 'conditionRef', lookup.conditions, policy.src, conditionPath, problems);
      const window = condition && convertCondition(condition, conditionPath, problems);
      if (window) {
        windows.push(window);
      }
    });
  });
  if (preset && preset !== 'custom') {
    // The export writes only the enabled tiers of a preset: the missing ones were disabled.
    const present = new Set(windows.map((window) => window.tier));
    const disabledTiers = WINDOW_PRESETS[preset].windows
      .map((window) => window.tier)
      .filter((tier) => !present.has(tier));
    return disabledTiers.length > 0 ? { enabled: true, preset, disabledTiers } : { enabled: true, preset };
  }
  return windows.length > 0 ? { enabled: true, preset: 'custom', windows } : { enabled: true, preset: 'google-30d' };
}
