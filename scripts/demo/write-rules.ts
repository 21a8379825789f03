/**
 * Writes the rules of the demo registry where the compose stack loads them: Prometheus rule files
 * into provisioning/prometheus/rules, Loki ruler files into provisioning/loki/rules/fake (the
 * tenant Loki uses when auth is off). Loki files must stay out of the Prometheus folder: their
 * LogQL selectors also parse as PromQL and would record wrong series there.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { generateRuleFiles, renderRuleFile } from '../../src/domain/rules';
import { ROOT, readDemoRegistry } from './provisioning';

const PROMETHEUS_DIR = path.join(ROOT, 'provisioning/prometheus/rules');
const LOKI_DIR = path.join(ROOT, 'provisioning/loki/rules/fake');

const generated = generateRuleFiles(readDemoRegistry());
const outputs = [
  ...generated.prometheus.map((entry) => ({ dir: PROMETHEUS_DIR, entry })),
  ...generated.loki.map((entry) => ({ dir: LOKI_DIR, entry })),
];
for (const { dir, entry } of outputs) {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${entry.serviceId}.rules.yaml`);
  writeFileSync(file, renderRuleFile(entry.file));
  process.stdout.write(`wrote ${path.relative(ROOT, file)}\n`);
}
