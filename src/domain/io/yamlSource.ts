import { Document, isMap, isScalar, LineCounter, parseAllDocuments } from 'yaml';

import { Problem } from '../problems';

/** YAML text split into documents, with what is needed to point problems at lines. */
export interface YamlSource {
  file?: string;
  documents: Document[];
  lineCounter: LineCounter;
  /** Syntax errors (and warnings) of the YAML itself, each with its line. */
  problems: Problem[];
}

/** The first line of a yaml error message, without the position the `line` field carries. */
function shortMessage(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * Parses YAML text that may hold several `---` documents. Syntax errors become problems with
 * line numbers; it never throws.
 */
export function readYaml(text: string, file?: string): YamlSource {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const documents = Array.isArray(parsed) ? parsed : [];
  const problems: Problem[] = [];
  documents.forEach((document, index) => {
    for (const [list, severity] of [
      [document.errors, undefined],
      [document.warnings, 'warning'],
    ] as const) {
      for (const error of list) {
        const position = error.linePos?.[0];
        const column = position ? ` (column ${position.col})` : '';
        problems.push({
          path: '',
          message: `YAML syntax error: ${shortMessage(error.message)}${column}`,
          file,
          line: position?.line,
          ...(documents.length > 1 ? { document: index + 1 } : {}),
          ...(severity ? { severity } : {}),
        });
      }
    }
  });
  return { file, documents, lineCounter, problems };
}

/**
 * Converts a YAML document to plain data; aliases that expand too much become a problem, with the
 * document's index when the source holds several.
 */
export function toData(source: YamlSource, document: Document): { value?: unknown; problem?: Problem } {
  try {
    return { value: document.toJS({ maxAliasCount: 100 }) };
  } catch (error) {
    const line = document.contents?.range ? source.lineCounter.linePos(document.contents.range[0]).line : undefined;
    const index = source.documents.length > 1 ? { document: source.documents.indexOf(document) + 1 } : {};
    return {
      problem: {
        path: '',
        message: `YAML cannot be read: ${(error as Error).message}`,
        file: source.file,
        line,
        ...index,
      },
    };
  }
}

/** Splits `services[2].links[0].url` into `['services', 2, 'links', 0, 'url']`. */
export function parsePath(path: string): Array<string | number> {
  const parts: Array<string | number> = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    parts.push(match[2] !== undefined ? Number(match[2]) : match[1]);
  }
  return parts;
}

type Ranged = { range?: [number, number, number] | null } | null | undefined;

/** The range of the node at `path`: for a map entry, that of its key, where the entry starts. */
function rangeAt(document: Document, path: Array<string | number>): Ranged {
  const parent = path.length === 0 ? undefined : document.getIn(path.slice(0, -1), true);
  const last = path[path.length - 1];
  if (isMap(parent)) {
    const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === String(last));
    return pair ? (pair.key as Ranged) : undefined;
  }
  return (path.length === 0 ? document.contents : document.getIn(path, true)) as Ranged;
}

/** 1-based line of the YAML node at `path`, or of its nearest ancestor that exists. */
export function lineAt(source: YamlSource, document: Document, path: Array<string | number>): number | undefined {
  for (let length = path.length; length >= 0; length--) {
    const range = rangeAt(document, path.slice(0, length))?.range;
    if (range) {
      return source.lineCounter.linePos(range[0]).line;
    }
  }
  return undefined;
}
