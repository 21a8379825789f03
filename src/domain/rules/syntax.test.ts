/**
 * Every expression the generator writes must parse: PromQL with the Prometheus lezer grammar (and
 * pass its type checks), Loki rules with the LogQL grammar, across all fixtures.
 */
import { checkLogQL } from '../query/logql';
import { checkPromQL } from '../query/promql';
import { RULE_FIXTURES } from './fixtures';
import { generateRuleFiles } from './generate';
import { buildGrafanaAlertRules } from './grafana';

const cases = Object.entries(RULE_FIXTURES).flatMap(([name, doc]) => {
  const files = generateRuleFiles(doc);
  const exprs = (language: 'promql' | 'logql', list: typeof files.prometheus) =>
    list.flatMap(({ file }) =>
      file.groups.flatMap((group) => group.rules.map((rule) => [name, language, rule.expr] as const))
    );
  const grafana = buildGrafanaAlertRules(doc, { folderUid: 'f', datasourceUid: 'p' }).map(
    (rule) => [name, 'promql', String(rule.data[0].model.expr)] as const
  );
  return [...exprs('promql', files.prometheus), ...exprs('logql', files.loki), ...grafana];
});

test('the fixtures produce both languages', () => {
  expect(cases.filter(([, language]) => language === 'logql').length).toBeGreaterThan(0);
  expect(cases.length).toBeGreaterThan(100);
});

test.each(cases)('%s: %s parses: %s', (_name, language, expr) => {
  const problems = language === 'promql' ? checkPromQL(expr) : checkLogQL(expr);
  expect(problems).toEqual([]);
});
