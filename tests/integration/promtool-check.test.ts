/**
 * `promtool check rules` on the Prometheus rule files generated for every fixture. Loki ruler
 * files hold LogQL, which promtool cannot read; unit tests parse them with the LogQL grammar.
 */
import { RULE_FIXTURES } from '../../src/domain/rules/fixtures';
import { generateRuleFiles, renderRuleFile } from '../../src/domain/rules';
import { requirePromtool, runPromtool, writeTempFiles } from './fixtures/rules/promtool';
import { scenarioDoc } from './fixtures/rules/scenarios';

const docs = { ...RULE_FIXTURES, scenarios: scenarioDoc() };

const cases = Object.entries(docs).flatMap(([name, doc]) =>
  generateRuleFiles(doc).prometheus.map(
    ({ serviceId, file }) => [`${name}/${serviceId}`, renderRuleFile(file)] as const
  )
);

beforeAll(() => {
  requirePromtool();
});

test('every fixture produced a Prometheus file', () => {
  expect(cases.length).toBeGreaterThanOrEqual(Object.keys(docs).length);
});

test.each(cases)('%s passes promtool check rules', (_name, yaml) => {
  const dir = writeTempFiles({ 'rules.yaml': yaml });
  const result = runPromtool(['check', 'rules', 'rules.yaml'], dir);
  expect(result.output).toContain('SUCCESS');
  expect(result.status).toBe(0);
});

test('a broken rule file fails the check (the check can fail)', () => {
  const dir = writeTempFiles({
    'rules.yaml': 'groups:\n  - name: x\n    rules:\n      - record: a:b\n        expr: sum(rate(x[5m])\n',
  });
  const result = runPromtool(['check', 'rules', 'rules.yaml'], dir);
  expect(result.status).not.toBe(0);
});
