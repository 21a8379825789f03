import { Document } from 'yaml';

import { Problem } from '../problems';
import { Fields, isFields } from '../validation/checker';
import { lineAt, YamlSource } from './yamlSource';

type YamlPath = Array<string | number>;

/** One YAML document of an import file, for reporting problems at the line of a node. */
export class SourceDoc {
  constructor(
    readonly source: YamlSource,
    readonly document: Document
  ) {}

  /** 1-based line of the node at `path` (or its nearest existing ancestor). */
  line(path: YamlPath): number | undefined {
    return lineAt(this.source, this.document, path);
  }

  /** A problem at the node at `path`; the problem's own path is the dotted source path. */
  problem(path: YamlPath, message: string, severity?: Problem['severity']): Problem {
    const dotted = path
      .map((part) => (typeof part === 'number' ? `[${part}]` : `.${part}`))
      .join('')
      .replace(/^\./, '');
    return { path: dotted, message, file: this.source.file, line: this.line(path), ...(severity ? { severity } : {}) };
  }

  /** Warnings `not mapped: <path>` for the keys of `value` that the importer does not read. */
  unmapped(value: unknown, known: readonly string[], path: YamlPath): Problem[] {
    if (!isFields(value)) {
      return [];
    }
    return Object.keys(value)
      .filter((key) => !known.includes(key))
      .map((key) => {
        const full = [...path, key];
        return this.problem(
          full,
          `not mapped: ${full.join('.')} has no place in the registry and is left out`,
          'warning'
        );
      });
  }
}

/** Reads a text field of plain data, or `undefined`. */
export function text(obj: Fields | undefined, key: string): string | undefined {
  const value = obj?.[key];
  return typeof value === 'string' ? value : undefined;
}

/** Reads an object field of plain data, or `undefined`. */
export function fields(obj: Fields | undefined, key: string): Fields | undefined {
  const value = obj?.[key];
  return isFields(value) ? value : undefined;
}

/** Reads a map of labels or annotations; numbers and booleans (`tier: 1`) become text, other values are skipped. */
export function textMap(obj: Fields | undefined, key: string): Record<string, string> {
  const entries = Object.entries(fields(obj, key) ?? {}).filter(([, value]) =>
    ['string', 'number', 'boolean'].includes(typeof value)
  );
  return Object.fromEntries(entries.map(([name, value]) => [name, String(value)]));
}
