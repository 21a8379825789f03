/**
 * Running the Prometheus and promtool installed on this machine: backfill a TSDB, start a server
 * on 127.0.0.1, wait until it is ready and stop it by its PID.
 */
import { ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * promtool rounds the block duration down to a multiple of 2 h × 3^n and reads the whole input
 * once per block: 240h gives 162 h blocks, about five passes over 30 days instead of forty with
 * 24h (6.7 s instead of 33 s for the full demo history).
 */
export const MAX_BLOCK_DURATION = '240h';

export interface PrometheusServer {
  url: string;
  pid: number;
  /** Sends SIGTERM and resolves when the process has exited. */
  stop(): Promise<void>;
}

/** A TCP port free on 127.0.0.1 right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  server.close();
  await once(server, 'close');
  return port;
}

/** Writes TSDB blocks into `tsdbDir` from an OpenMetrics file. */
export async function backfillOpenMetrics(openMetricsFile: string, tsdbDir: string): Promise<void> {
  await run(
    'promtool',
    [
      'tsdb',
      'create-blocks-from',
      'openmetrics',
      openMetricsFile,
      tsdbDir,
      `--max-block-duration=${MAX_BLOCK_DURATION}`,
    ],
    {
      maxBuffer: 64 << 20,
    }
  );
}

/**
 * Evaluates the recording rules of `rulesFile` over `[start, end]` against a running Prometheus
 * and writes the resulting blocks into `outputDir`.
 */
export async function backfillRules(
  rulesFile: string,
  url: string,
  start: number,
  end: number,
  outputDir: string
): Promise<void> {
  const args = [
    'tsdb',
    'create-blocks-from',
    'rules',
    `--url=${url}`,
    `--start=${start}`,
    `--end=${end}`,
    `--output-dir=${outputDir}`,
    '--eval-interval=5m',
    rulesFile,
  ];
  await run('promtool', args, { maxBuffer: 64 << 20 });
}

async function waitReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`prometheus exited with code ${child.exitCode} before it was ready`);
    }
    try {
      if ((await fetch(`${url}/-/ready`)).ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`prometheus at ${url} was not ready after ${timeoutMs} ms`);
}

export interface StartOptions {
  configFile: string;
  tsdbDir: string;
  port?: number;
  readyTimeoutMs?: number;
  /** Where Prometheus' own log goes; discarded by default. */
  logFd?: number;
}

/** Prometheus processes started here and not stopped yet: killed when this process exits. */
const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));

/**
 * Where running Prometheus processes are noted, one empty file `<owner pid>-<prometheus pid>` each,
 * so that a test run's global teardown can stop any that a failed test left behind.
 */
export const PID_DIR = path.join(os.tmpdir(), 'bizowner-prometheus-pids');

/** Starts Prometheus on 127.0.0.1 with 90 days of retention and waits until it is ready. */
export async function startPrometheusProcess(options: StartOptions): Promise<PrometheusServer> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    'prometheus',
    [
      `--config.file=${options.configFile}`,
      `--storage.tsdb.path=${options.tsdbDir}`,
      '--storage.tsdb.retention.time=90d',
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { stdio: ['ignore', options.logFd ?? 'ignore', options.logFd ?? 'ignore'] }
  );
  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // A test that fails before stop() must not keep its runner alive nor leave Prometheus behind.
  child.unref();
  running.add(child);
  if (child.pid !== undefined) {
    const pidFile = path.join(PID_DIR, `${process.pid}-${child.pid}`);
    mkdirSync(PID_DIR, { recursive: true });
    writeFileSync(pidFile, '');
    child.once('exit', () => rmSync(pidFile, { force: true }));
  }
  child.once('exit', () => running.delete(child));
  if (child.pid === undefined) {
    const error = await spawnError;
    throw new Error(
      `prometheus could not be started (${error.message}): is it installed (apt-get install prometheus)?`
    );
  }
  const pid = child.pid;
  try {
    await waitReady(url, child, options.readyTimeoutMs ?? 30_000);
  } catch (error) {
    child.ref();
    child.kill('SIGKILL');
    await exited;
    throw error;
  }
  return {
    url,
    pid,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        // An unref'd child's exit event alone does not keep Node running: without this, a
        // script with nothing else to do would end while Prometheus is still shutting down.
        child.ref();
        process.kill(pid, 'SIGTERM');
        await exited;
      }
    },
  };
}
