import { baseRegistry } from '../testing/builders';
import { validateRegistry } from './registry';

type Node = Record<string, unknown> | unknown[];

/** Every path to a value of the base registry, as key lists. */
function paths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof value !== 'object' || value === null) {
    return [prefix];
  }
  const entries = Array.isArray(value) ? value.map((item, index) => [index, item] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, item]) => paths(item, [...prefix, key]))];
}

function replaced(path: Array<string | number>, value: unknown): unknown {
  const doc = baseRegistry() as unknown as Node;
  if (path.length === 0) {
    return value;
  }
  const parent = path.slice(0, -1).reduce<Node>((node, key) => (node as Record<string, Node>)[key], doc);
  (parent as Record<string | number, unknown>)[path[path.length - 1]] = value;
  return doc;
}

const WRONG_VALUES: unknown[] = [null, 'text', -1, 1e400, [], {}, true];

describe('validateRegistry on wrong types', () => {
  test.each(paths(baseRegistry()).map((path) => [path.join('.') || '(root)', path] as const))(
    'never throws when %s has a wrong type',
    (_name, path) => {
      for (const value of WRONG_VALUES) {
        expect(() => validateRegistry(replaced(path, value))).not.toThrow();
      }
    }
  );
});
