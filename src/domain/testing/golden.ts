import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { dirname } from 'path';

/**
 * Compares generated text with a golden file. Golden files are regenerated only on purpose, after
 * reviewing the change: `UPDATE_GOLDEN=1 npx jest <test file>` rewrites them instead of comparing.
 */
export function expectGolden(goldenPath: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(goldenPath), { recursive: true });
    writeFileSync(goldenPath, actual);
    return;
  }
  if (!existsSync(goldenPath)) {
    throw new Error(`golden file ${goldenPath} is missing: create it with UPDATE_GOLDEN=1 and review it`);
  }
  expect(actual).toBe(readFileSync(goldenPath, 'utf8'));
}

/** Reads a fixture file as text. */
export function readFixture(path: string): string {
  return readFileSync(path, 'utf8');
}
