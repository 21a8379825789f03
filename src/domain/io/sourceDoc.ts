import { Document } from 'yaml';

import { Problem } from '../problems';
import { Fields, isFields } from '../validation/checker';
import type { SourceFile } from './importResult';
import { ReportEntry } from './migrationReport';
import { hasErrors } from './native';
import { lineAt, readYaml, toData, YamlSource } from './yamlSource';

type YamlPath = Array<string | number>;

/** Where a node of the source is: its file, line and, in a file of several documents, document index. */
export interface Origin {
  file?: string;
  line?: number;
  document?: number;
}

/** `spec.slos[0].objective` for `['spec', 'slos', 0, 'objective']`. */
function dotted(path: YamlPath): string {
  return path
    .map((part) => (typeof part === 'number' ? `[${part}]` : `.${part}`))
    .join('')
    .replace(/^\./, '');
}

/**
 * One YAML document of an import file, for reporting problems at the line of a node and for the
 * migration report: what each source field became (`mapped`, `label`) or why it was `drop`ped.
 */
export class SourceDoc {
  constructor(
    readonly source: YamlSource,
    readonly document: Document,
    /** Where the migration report of the whole import is collected. */
    private readonly report: ReportEntry[] = []
  ) {}

  /** 1-based index of this document in its file, when the file holds several. */
  get index(): number | undefined {
    return this.source.documents.length > 1 ? this.source.documents.indexOf(this.document) + 1 : undefined;
  }

  /** 1-based line of the node at `path` (or its nearest existing ancestor). */
  line(path: YamlPath): number | undefined {
    return lineAt(this.source, this.document, path);
  }

  /** File, line and document index of the node at `path`. */
  origin(path: YamlPath): Origin {
    const origin: Origin = { file: this.source.file, line: this.line(path) };
    return this.index === undefined ? origin : { ...origin, document: this.index };
  }

  /** A problem at the node at `path`; the problem's own path is the dotted source path. */
  problem(path: YamlPath, message: string, severity?: Problem['severity']): Problem {
    return { path: dotted(path), message, ...this.origin(path), ...(severity ? { severity } : {}) };
  }

  /** Reports that the field at `path` became the registry field `target`, e.g. `slos[checkout-availability].objective`. */
  mapped(path: YamlPath, target: string, reason?: string): void {
    this.record({ outcome: 'mapped', source: dotted(path), target, ...(reason ? { reason } : {}) }, path);
  }

  /** Reports that the field at `path` is kept as the label `target`, e.g. `slos[checkout-availability].labels.owner`. */
  label(path: YamlPath, target: string): void {
    this.record({ outcome: 'label', source: dotted(path), target }, path);
  }

  /** Reports that the field at `path` is left out, and returns the warning `not mapped: <reason>`. */
  drop(path: YamlPath, reason: string): Problem {
    this.record({ outcome: 'dropped', source: dotted(path), reason }, path);
    return this.problem(path, `not mapped: ${reason}`, 'warning');
  }

  /** Drops the keys of `value` that the importer does not read: one `not mapped` warning each. */
  unmapped(value: unknown, known: readonly string[], path: YamlPath): Problem[] {
    if (!isFields(value)) {
      return [];
    }
    return Object.keys(value)
      .filter((key) => !known.includes(key))
      .map((key) =>
        this.drop([...path, key], `${dotted([...path, key])} has no place in the registry and is left out`)
      );
  }

  private record(entry: ReportEntry, path: YamlPath): void {
    this.report.push({ ...entry, ...this.origin(path) });
  }
}

/** One YAML document of an import as plain data, with its source. */
export interface ImportDocument {
  value: unknown;
  src: SourceDoc;
}

/**
 * Reads every document of every file, for the importers: YAML syntax errors and documents that
 * cannot be read become problems (a file with a syntax error is skipped as a whole), empty
 * documents are left out, and each document's `SourceDoc` reports into `report`.
 */
export function readDocuments(files: SourceFile[], problems: Problem[], report: ReportEntry[]): ImportDocument[] {
  const documents: ImportDocument[] = [];
  for (const { text: content, file } of files) {
    const source = readYaml(content, file);
    problems.push(...source.problems);
    if (hasErrors(source.problems)) {
      continue;
    }
    for (const document of source.documents) {
      const { value, problem } = toData(source, document);
      if (problem) {
        problems.push(problem);
      } else if (value !== null && value !== undefined) {
        documents.push({ value, src: new SourceDoc(source, document, report) });
      }
    }
  }
  return documents;
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
