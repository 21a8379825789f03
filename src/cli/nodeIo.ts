/** The real I/O of the command line: process streams, the file system, `fetch` and the environment. */
import { mkdir, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

import { CliIo } from './io';

async function listFiles(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') {
      return [];
    }
    throw error;
  }
}

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
    listFiles,
    removeFile: (path) => unlink(path),
    fetch: (url, init) => fetch(url, init),
    env: process.env,
    ...overrides,
  };
}
