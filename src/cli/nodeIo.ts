/** The real I/O of the command line: process streams, the file system, `fetch` and the environment. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

import { CliIo } from './io';

/** Node's I/O; `overrides` replace parts of it, e.g. to capture output in tests. */
export function nodeIo(overrides: Partial<CliIo> = {}): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readFile: (path) => readFile(path, 'utf8'),
    writeFile: async (path, text) => {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, text, 'utf8');
    },
    fetch: (url, init) => fetch(url, init),
    env: process.env,
    ...overrides,
  };
}
