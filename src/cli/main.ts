/**
 * Entry point of the command line (`npm run -s cli -- <command>`): wires real Node I/O into
 * `runCli` and exits with its code. Everything else lives in run.ts and commands/.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

import { CliIo, runCli } from './run';

const io: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFile(path, 'utf8'),
  writeFile: async (path, text) => {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text, 'utf8');
  },
  fetch: (url, init) => fetch(url, init),
  env: process.env,
};

/** Exits once stdout and stderr have flushed what was written, so piped output is never cut off. */
function exit(code: number): void {
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

runCli(process.argv.slice(2), io).then(exit, (error) => {
  process.stderr.write(`internal error: ${(error as Error)?.stack ?? String(error)}\n`);
  exit(2);
});
