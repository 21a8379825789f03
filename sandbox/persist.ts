import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes `value` as JSON to `path` through a temporary file renamed over the old one, so a crash
 * mid-write never leaves a half-written document. Synchronous on purpose: a request handler that
 * checks and writes without yielding cannot interleave with another request's write.
 */
export function writeJsonAtomically(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(value));
  renameSync(temporary, path);
}
