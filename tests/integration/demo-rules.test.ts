import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import {
  generateRuleFiles,
  isAlertingRule,
  RecordingRule,
  renderRuleFile,
  SHARED_ALERTS,
  SHARED_RULES,
} from '../../src/domain/rules';
import { readDemoRegistry } from '../../scripts/demo/provisioning';

describe('rules of the demo registry', () => {
  const generated = generateRuleFiles(readDemoRegistry());

  /** Writes each file and runs `promtool check rules` over all of them. */
  const check = (files: typeof generated.prometheus) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bizowner-demo-rules-'));
    try {
      const paths = files.map((entry) => {
        const file = path.join(dir, `${entry.serviceId}.rules.yaml`);
        writeFileSync(file, renderRuleFile(entry.file));
        return file;
      });
      return execFileSync('promtool', ['check', 'rules', ...paths], { encoding: 'utf8' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it("gives every demo service a Prometheus rule file, and the registry's alerts one, that promtool accepts", () => {
    expect(readDemoRegistry().settings.slothSeries).toBeFalsy();
    expect(generated.prometheus.map((entry) => entry.serviceId).sort()).toEqual([
      'catalog',
      'checkout',
      'payments',
      SHARED_ALERTS,
      'search',
    ]);
    const output = check(generated.prometheus);
    expect(output).toContain('SUCCESS');
    expect(output).not.toContain('FAILED');
  });

  it("with Sloth's series, the registry's shared file too, which promtool accepts", () => {
    const doc = readDemoRegistry();
    const sloth = generateRuleFiles({ ...doc, settings: { ...doc.settings, slothSeries: true } });
    expect(sloth.prometheus.map((entry) => entry.serviceId).sort()).toEqual([
      'catalog',
      'checkout',
      'payments',
      SHARED_ALERTS,
      SHARED_RULES,
      'search',
    ]);
    const shared = sloth.prometheus.find((entry) => entry.serviceId === SHARED_RULES)!.file;
    expect(shared.groups.map((group) => group.name)).toEqual([
      'slo-shared.ratios',
      'slo-shared.tiled',
      'slo-shared.budget',
    ]);
    // the services' files gain only Sloth's period ratio of each freeform SLO, which its period burn rate reads
    const recorded = (files: typeof generated.prometheus) =>
      files
        .filter((entry) => entry.serviceId !== SHARED_RULES)
        .flatMap((entry) => entry.file.groups.flatMap((group) => group.rules))
        .filter((rule): rule is RecordingRule => !isAlertingRule(rule))
        .map((rule) => `${rule.record} ${rule.labels?.sloth_id}`);
    const freeform = doc.slos.filter((slo) => slo.sli.kind === 'freeform');
    expect(freeform.length).toBeGreaterThan(0);
    const added = recorded(sloth.prometheus).filter((name) => !recorded(generated.prometheus).includes(name));
    expect(added.sort()).toEqual(freeform.map((slo) => `slo:sli_error:ratio_rate30d ${slo.id}`).sort());
    expect(recorded(sloth.prometheus)).toHaveLength(recorded(generated.prometheus).length + freeform.length);
    expect(check(sloth.prometheus)).toContain('SUCCESS');
  });

  it('puts the log-ratio SLO of payments in a Loki rule file only', () => {
    expect(generated.loki.map((entry) => entry.serviceId)).toEqual(['payments']);
    const prometheusText = generated.prometheus.map((entry) => renderRuleFile(entry.file)).join('\n');
    expect(prometheusText).not.toContain('count_over_time');
    expect(renderRuleFile(generated.loki[0].file)).toContain('count_over_time({service="payments"');
  });
});
