/**
 * Query interpolation for the sandbox. In Grafana, the data source fills in dashboard variables
 * and macros through Grafana's template service before a query leaves the browser; the sandbox's
 * small data sources do not, so the sandbox's `runRequest` does it here: `$__rate_interval`,
 * `$__interval`, `$__range`, then the scene's variables (found by walking up from the query
 * runner, as scenes do), multi-value variables as an escaped regex alternation.
 */
import { DataQueryRequest } from '@grafana/data';

interface VariableLike {
  state: { name: string; isMulti?: boolean; includeAll?: boolean; allValue?: string };
  getValue(): unknown;
  hasAllValue?: () => boolean;
}

interface SceneObjectLike {
  parent?: SceneObjectLike;
  state?: { $variables?: { state: { variables: VariableLike[] } } };
}

function escapeRegex(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function findVariable(object: SceneObjectLike | undefined, name: string): VariableLike | undefined {
  for (let current = object; current; current = current.parent) {
    const found = current.state?.$variables?.state.variables.find((variable) => variable.state.name === name);
    if (found) {
      return found;
    }
  }
  return undefined;
}

function variableText(variable: VariableLike): string {
  if (variable.hasAllValue?.() && variable.state.allValue) {
    return variable.state.allValue;
  }
  const value = variable.getValue();
  if (Array.isArray(value)) {
    return value.map((item) => escapeRegex(String(item))).join('|');
  }
  return variable.state.isMulti || variable.state.includeAll ? escapeRegex(String(value)) : String(value ?? '');
}

function seconds(ms: number): string {
  return `${Math.max(1, Math.round(ms / 1000))}s`;
}

/** The query text with macros and the scene's variables filled in. */
export function interpolateQuery(text: string, request: DataQueryRequest): string {
  const intervalMs = request.intervalMs ?? 60_000;
  const rangeMs = request.range.to.valueOf() - request.range.from.valueOf();
  const macros: Record<string, string> = {
    __rate_interval: seconds(Math.max(4 * 60_000, intervalMs + 60_000)),
    __interval: seconds(intervalMs),
    __range: seconds(rangeMs),
    __auto: seconds(intervalMs),
  };
  // Scenes pass the query runner wrapped so that it is never serialised; `valueOf()` unwraps it.
  const wrapped = request.scopedVars?.__sceneObject?.value as { valueOf(): unknown } | undefined;
  const scene = wrapped?.valueOf() as SceneObjectLike | undefined;
  return text.replace(
    /\$\{(\w+)(?::[\w-]+)?\}|\$(\w+)/g,
    (match, braced: string | undefined, bare: string | undefined) => {
      const name = braced ?? bare ?? '';
      if (macros[name] !== undefined) {
        return macros[name];
      }
      const variable = findVariable(scene, name);
      return variable ? variableText(variable) : match;
    }
  );
}
