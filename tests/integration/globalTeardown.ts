import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { PID_DIR } from '../../scripts/demo/prometheusProcess';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Stops any Prometheus that a failed test of this run left behind (tests stop theirs by PID; this
 * is the net). Processes owned by another live program, e.g. `npm run sandbox:prometheus`, are left alone.
 */
export default async function globalTeardown() {
  let entries: string[] = [];
  try {
    entries = readdirSync(PID_DIR);
  } catch {
    return;
  }
  for (const entry of entries) {
    const [owner, pid] = entry.split('-').map(Number);
    if (owner !== process.pid && isAlive(owner)) {
      continue;
    }
    if (isAlive(pid)) {
      process.kill(pid, 'SIGKILL');
      process.stderr.write(`integration teardown: stopped Prometheus ${pid}, which a test left running\n`);
    }
    rmSync(path.join(PID_DIR, entry), { force: true });
  }
}
