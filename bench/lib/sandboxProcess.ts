/**
 * A sandbox server in a process of its own, so that the server's work (JSON of a 15 MiB index,
 * rewriting its state file) and the benchmark's client work do not share one thread, as Grafana
 * and its clients do not. Run as a script, this file is the child: it starts the server with the
 * options given as JSON and says `ready` on stdout.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { SandboxOptions, startSandboxServer } from '../../sandbox/server';

const ROOT = resolve(__dirname, '..', '..');
const READY = 'ready';

export interface SandboxProcess {
  stop(): Promise<void>;
}

/** Starts the sandbox in a child process; resolves once it listens. */
export function startSandboxProcess(options: SandboxOptions): Promise<SandboxProcess> {
  const child: ChildProcess = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [__filename, JSON.stringify(options)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return new Promise((resolveStart, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes(READY)) {
        resolveStart({
          stop: async () => {
            child.kill('SIGTERM');
            await exited;
          },
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`the sandbox process exited with ${code} before listening`)));
  });
}

if (require.main === module) {
  const options = JSON.parse(process.argv[2]) as SandboxOptions;
  startSandboxServer(options)
    .then((server) => {
      process.stdout.write(`${READY}\n`);
      process.on('SIGTERM', () => {
        server.closeAllConnections();
        server.close(() => process.exit(0));
      });
    })
    .catch((error: Error) => {
      process.stderr.write(`sandbox: ${error.message}\n`);
      process.exit(2);
    });
}
