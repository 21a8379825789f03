/**
 * In-memory I/O for running commands in tests: files come from a map (or the disk, for
 * fixtures), writes land in a map, output is collected, and `fetch` is whatever the test passes.
 */
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';

import { CliFetch, CliIo } from '../io';

export interface FakeIo extends CliIo {
  out: string[];
  err: string[];
  written: Map<string, string>;
  /** Paths deleted with `removeFile`, in order. */
  removed: string[];
  /** Everything written to stdout. */
  readonly stdoutText: string;
  /** Everything written to stderr. */
  readonly stderrText: string;
}

function enoent(path: string): Error {
  return Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
}

const noFetch: CliFetch = async () => {
  throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
};

/**
 * `files` maps paths to contents; paths not in it are read from the disk when `disk` is true
 * (the default), so tests can use fixture files as they are.
 */
export function fakeIo(
  options: {
    files?: Record<string, string>;
    disk?: boolean;
    fetch?: CliFetch;
    env?: Record<string, string | undefined>;
    failWrites?: boolean;
  } = {}
): FakeIo {
  const files = new Map(Object.entries(options.files ?? {}));
  const out: string[] = [];
  const err: string[] = [];
  const written = new Map<string, string>();
  const removed: string[] = [];
  return {
    out,
    err,
    written,
    removed,
    get stdoutText() {
      return out.join('');
    },
    get stderrText() {
      return err.join('');
    },
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    readFile: async (path) => {
      const text = files.get(path) ?? written.get(path);
      if (text !== undefined) {
        return text;
      }
      if (options.disk === false) {
        throw enoent(path);
      }
      return readFileSync(path, 'utf8');
    },
    writeFile: async (path, text) => {
      if (options.failWrites) {
        throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' });
      }
      written.set(path, text);
    },
    // Only the in-memory files: directories on the disk are never listed or changed.
    listFiles: async (dir) =>
      [...new Set([...files.keys(), ...written.keys()])]
        .filter((path) => dirname(path) === dir)
        .map((path) => path.slice(dir.length + 1)),
    removeFile: async (path) => {
      if (!files.delete(path) && !written.delete(path)) {
        throw enoent(path);
      }
      removed.push(path);
    },
    fetch: options.fetch ?? noFetch,
    env: options.env ?? {},
  };
}
