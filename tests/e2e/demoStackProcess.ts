import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

export interface DemoStackProcess {
  prometheusUrl: string;
  stop(): Promise<void>;
}

/**
 * Runs scripts/sandbox/demoStackMain.ts in Node with tsx's loader (the domain code needs its module
 * resolution), in one process whose parent is this one, and
 * resolves when it reports the stack ready; `stop()` ends it by PID and waits for its exit.
 */
export async function startDemoStackProcess(root: string, timeoutMs = 300_000): Promise<DemoStackProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/sandbox/demoStackMain.ts'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
  };
  const lines = createInterface({ input: child.stdout! });
  const ready = new Promise<string>((done, fail) => {
    lines.on('line', (line) => line.startsWith('ready ') && done(line.slice('ready '.length)));
    child.once('exit', (code) => fail(new Error(`the demo stack exited with code ${code} before it was ready`)));
    setTimeout(() => fail(new Error(`the demo stack was not ready after ${timeoutMs / 1000} s`)), timeoutMs).unref();
  });
  try {
    const { prometheusUrl } = JSON.parse(await ready) as { prometheusUrl: string };
    return { prometheusUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
