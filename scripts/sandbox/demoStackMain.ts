/**
 * The demo stack of `./demoStack.ts` as a process of its own, for programs that cannot load the
 * domain code themselves (the browser tests' global setup runs without tsx's module resolution):
 *
 *   tsx scripts/sandbox/demoStackMain.ts
 *
 * Progress goes to stderr; when the stack is ready, one line `ready <JSON>` goes to stdout with
 * `prometheusUrl`, `workloadUrl`, `historyStart` and `historyEnd`. SIGTERM or SIGINT stops it, and
 * so does the end of the process that started it.
 */
import { startDemoStack } from './demoStack';

async function main(): Promise<void> {
  const stack = await startDemoStack({ log: (message) => process.stderr.write(`demo stack: ${message}\n`) });
  let stopping = false;
  const stop = () => {
    if (!stopping) {
      stopping = true;
      stack.stop().then(() => process.exit(0));
    }
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const parent = process.ppid;
  setInterval(() => {
    try {
      process.kill(parent, 0);
    } catch {
      stop();
    }
  }, 1000);
  const { prometheusUrl, prometheusPid, workloadUrl, historyStart, historyEnd } = stack;
  process.stdout.write(
    `ready ${JSON.stringify({ prometheusUrl, prometheusPid, workloadUrl, historyStart, historyEnd })}\n`
  );
}

main().catch((error: Error) => {
  process.stderr.write(`demo stack: ${error.message}\n`);
  process.exit(2);
});
