import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { generateRuleFiles, renderRuleFile, SHARED_RULES } from '../../src/domain/rules';
import { readDemoRegistry } from '../../scripts/demo/provisioning';

describe('rules of the demo registry', () => {
  const generated = generateRuleFiles(readDemoRegistry());

  it('gives every demo service a Prometheus rule file, and the registry one shared file, that promtool accepts', () => {
    expect(generated.prometheus.map((entry) => entry.serviceId).sort()).toEqual([
      'catalog',
      'checkout',
      'payments',
      SHARED_RULES,
      'search',
    ]);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bizowner-demo-rules-'));
    try {
      const files = generated.prometheus.map((entry) => {
        const file = path.join(dir, `${entry.serviceId}.rules.yaml`);
        writeFileSync(file, renderRuleFile(entry.file));
        return file;
      });
      expect(execFileSync('promtool', ['check', 'rules', ...files], { encoding: 'utf8' })).toContain('SUCCESS');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('puts the log-ratio SLO of payments in a Loki rule file only', () => {
    expect(generated.loki.map((entry) => entry.serviceId)).toEqual(['payments']);
    const prometheusText = generated.prometheus.map((entry) => renderRuleFile(entry.file)).join('\n');
    expect(prometheusText).not.toContain('count_over_time');
    expect(renderRuleFile(generated.loki[0].file)).toContain('count_over_time({service="payments"');
  });
});
