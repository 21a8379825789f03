/**
 * Writes provisioning/plugins/apps.yaml from provisioning/registry/demo-registry.yaml.
 * `--check` writes nothing and exits 1 when apps.yaml is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { APPS_FILE, ROOT, readDemoRegistry, renderAppsProvisioning } from './provisioning';

const expected = renderAppsProvisioning(readDemoRegistry());
const relative = path.relative(ROOT, APPS_FILE);
if (process.argv.includes('--check')) {
  const current = readFileSync(APPS_FILE, 'utf8');
  if (current !== expected) {
    process.stderr.write(`${relative} is out of date: run npx tsx scripts/demo/write-provisioning.ts\n`);
    process.exit(1);
  }
  process.stdout.write(`${relative} is up to date\n`);
} else {
  writeFileSync(APPS_FILE, expected);
  process.stdout.write(`wrote ${relative}\n`);
}
