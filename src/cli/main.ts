/**
 * Entry point of the command line (`npm run -s cli -- <command>`): runs `runCli` with Node's I/O
 * and exits with its code. Everything else lives in run.ts and commands/.
 */
import { nodeIo } from './nodeIo';
import { runCli } from './run';

// i18next, under the storage messages, prints an advert to stdout on first use; stdout carries YAML.
process.env.I18NEXT_NO_SUPPORT_NOTICE ??= '1';

/** Exits once stdout and stderr have flushed what was written, so piped output is never cut off. */
function exit(code: number): void {
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

runCli(process.argv.slice(2), nodeIo()).then(exit, (error) => {
  process.stderr.write(`internal error: ${(error as Error)?.stack ?? String(error)}\n`);
  exit(2);
});
