/**
 * Golden files: the rendered rules of every fixture in RULE_FIXTURES are compared with
 * `__golden__/<fixture>.yaml` (Prometheus: the service's file, then the registry-wide alerts and shared
 * rules if any) and
 * `__golden__/<fixture>.loki.yaml` (Loki ruler).
 *
 * After an intended change to the generator, regenerate them on purpose and review the diff:
 *   UPDATE_GOLDEN=1 npx jest src/domain/rules/golden.test.ts
 */
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { RULE_FIXTURES } from './fixtures';
import { generateRuleFiles, mergeRuleFiles, SHARED_ALERTS, SHARED_RULES } from './generate';
import { renderRuleFile } from './render';

const GOLDEN_DIR = join(__dirname, '__golden__');
const update = process.env.UPDATE_GOLDEN === '1';

function rendered(name: string): { prometheus: string; loki?: string } {
  const files = generateRuleFiles(RULE_FIXTURES[name]);
  // the service's file, the registry-wide alerts when it has alerts, then the registry's shared
  // rules when it records Sloth's series
  const alerting = RULE_FIXTURES[name].slos.some((slo) => slo.alerting.enabled || slo.budgetPolicy?.enabled);
  expect(files.prometheus.map((entry) => entry.serviceId)).toEqual([
    RULE_FIXTURES[name].slos[0].serviceId,
    ...(alerting ? [SHARED_ALERTS] : []),
    ...(RULE_FIXTURES[name].settings.slothSeries ? [SHARED_RULES] : []),
  ]);
  return {
    prometheus: renderRuleFile(mergeRuleFiles(files.prometheus.map((entry) => entry.file))),
    loki: files.loki.length > 0 ? renderRuleFile(files.loki[0].file) : undefined,
  };
}

function compare(file: string, actual: string | undefined) {
  const path = join(GOLDEN_DIR, file);
  if (update && actual !== undefined) {
    writeFileSync(path, actual);
  }
  if (actual === undefined) {
    expect(existsSync(path)).toBe(false);
    return;
  }
  expect(existsSync(path)).toBe(true);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

test.each(Object.keys(RULE_FIXTURES))('%s matches its golden files', (name) => {
  const { prometheus, loki } = rendered(name);
  compare(`${name}.yaml`, prometheus);
  compare(`${name}.loki.yaml`, loki);
});
