import { BATCH_KEY, combineLabelled, LabelledTerm } from './batch';
import { withLabels } from './combine';
import { checkPromQLSyntax } from './promqlSyntax';

const term = (expr: string, service: string, kpi = 'Revenue'): LabelledTerm => ({
  expr,
  labels: { sloth_service: service, kpi },
});

const revenue = (service: string) => `sum(rate(revenue_total{service="${service}"}[1h])) * 3600`;

/** How many times the query selects `metric`. */
const selections = (query: string, metric: string) => query.split(`${metric}{`).length - 1;

describe('combineLabelled', () => {
  test('terms that differ in one label value, their service, are one selection labelled from it', () => {
    const query = combineLabelled(['checkout', 'payments', 'search'].map((service) => term(revenue(service), service)));
    expect(selections(query, 'revenue_total')).toBe(1);
    // the service is copied from the label, the KPI set once, the label removed: no constant series
    expect(query).toBe(
      'label_replace(label_replace(label_join(sum by (service)(rate(revenue_total{service=~"checkout|payments|search"}[1h])) * 3600, ' +
        '"sloth_service", "", "service"), "kpi", "Revenue", "", ""), "service", "", "", "")'
    );
    expect(checkPromQLSyntax(query)).toEqual([]);
  });

  test('terms whose label values are not their services join constant series, one per term', () => {
    const query = combineLabelled([
      term(revenue('checkout-api'), 'checkout'),
      term(revenue('payments-api'), 'payments'),
      term(revenue('search-api'), 'search'),
    ]);
    expect(selections(query, 'revenue_total')).toBe(1);
    expect(query).toContain(
      'label_join(label_replace(sum by (service)(rate(revenue_total{service=~"checkout-api|payments-api|search-api"}[1h])) * 3600, ' +
        `"${BATCH_KEY}", "0", "", ""), "${BATCH_KEY}", ":", "${BATCH_KEY}", "service")`
    );
    for (const service of ['checkout', 'payments', 'search']) {
      expect(query).toContain(`label_replace(vector(1), "sloth_service", "${service}", "", "")`);
      expect(query).toContain(`"${BATCH_KEY}", "0:${service}-api", "", "")`);
    }
    // the KPI, the same for all, is set once
    expect(query.match(/"kpi", "Revenue"/g)).toHaveLength(1);
    expect(query).toContain(`* on (${BATCH_KEY}) group_right () (`);
    // the join label is removed from the result
    expect(query.startsWith('label_replace(') && query.endsWith(`, "${BATCH_KEY}", "", "", "")`)).toBe(true);
    // nothing Grafana would take for a variable
    expect(query).not.toContain('$');
    expect(checkPromQLSyntax(query)).toEqual([]);
  });

  test('identical queries of many terms are evaluated once, and every term gets its labels', () => {
    const query = combineLabelled([term(revenue('checkout'), 'checkout-0'), term(revenue('checkout'), 'checkout-4')]);
    expect(selections(query, 'revenue_total')).toBe(1);
    expect(query).toContain('revenue_total{service=~"checkout"}');
    expect(query).toContain('label_replace(vector(1), "sloth_service", "checkout-0", "", "")');
    expect(query).toContain('label_replace(vector(1), "sloth_service", "checkout-4", "", "")');
    // one key for both, set once
    expect(query.match(/"0:checkout"/g)).toHaveLength(1);
  });

  test('every selector of a ratio gets the label, and each template is one selection', () => {
    const ratio = (service: string) =>
      `sum(rate(orders_total{service="${service}"}[1h])) / sum(rate(sessions_total{service="${service}"}[1h]))`;
    const other = 'sum(rate(http_requests_total{service="payments",route="/authorize"}[1h]))';
    const query = combineLabelled([term(ratio('a'), 'a-0'), term(other, 'payments-1'), term(ratio('b'), 'b-2')]);
    expect(query).toContain(
      'sum by (service)(rate(orders_total{service=~"a|b"}[1h])) / sum by (service)(rate(sessions_total{service=~"a|b"}[1h]))'
    );
    expect(query).toContain('sum by (service)(rate(http_requests_total{service=~"payments",route="/authorize"}[1h]))');
    expect(query).toContain(`"${BATCH_KEY}", "1", "", ""), "${BATCH_KEY}", ":", "${BATCH_KEY}", "service")`);
    expect(checkPromQLSyntax(query)).toEqual([]);
  });

  test('terms with other label names keep their own terms', () => {
    const other = { expr: revenue('b'), labels: { sloth_service: 'b' } };
    const query = combineLabelled([term(revenue('a'), 'a'), other]);
    expect(query.endsWith(` or ${withLabels(other.expr, other.labels)}`)).toBe(true);
  });

  test('grouping labels keep theirs and get the batch label', () => {
    const p90 = (job: string, tail = '') =>
      `histogram_quantile(0.9, sum by (le) (rate(latency_bucket{job="${job}"}[5m]))${tail})`;
    const query = combineLabelled([term(p90('a'), 'a'), term(p90('b'), 'b')]);
    expect(query).toContain('histogram_quantile(0.9, sum by (le, job) (rate(latency_bucket{job=~"a|b"}[5m])))');
    expect(combineLabelled([term('sum(x{job="a"}) by (le, job)', 'a')])).toBe(
      withLabels('sum(x{job="a"}) by (le, job)', { sloth_service: 'a', kpi: 'Revenue' })
    );
  });

  test.each([
    ['a match on chosen labels', 'sum(rate(x{service="a"}[5m])) / on () sum(rate(y{service="a"}[5m]))'],
    ['a selector without the label', 'sum(rate(x{service="a"}[5m])) / sum(rate(y[5m]))'],
    ['a regex on the label', 'sum(rate(x{service=~"a"}[5m]))'],
    ['a result with more labels', 'sum by (route) (rate(x{service="a"}[5m]))'],
    ['raw series', 'rate(x{service="a"}[5m])'],
    ['topk', 'topk(1, sum(rate(x{service="a"}[5m])))'],
    ['without', 'sum without (pod) (rate(x{service="a"}[5m]))'],
    ['label_replace', 'sum(label_replace(x{service="a"}, "service", "b", "", ""))'],
    ['absent', 'absent(x{service="a"})'],
    ['vector()', 'sum(x{service="a"}) or vector(0)'],
    ['two matchers on the label', 'sum(x{service="a",service="a"})'],
    ['two values in one query', 'sum(x{service="a"}) / sum(y{service="b"})'],
    ['the label of the series', 'sum(x{sloth_service="a"})'],
    ['a query that does not parse', 'sum(rate(x{service="a"}[5m])'],
  ])('%s keeps its own term', (_case, expr) => {
    const terms = [term(expr, 'a'), term(expr, 'b')];
    expect(combineLabelled(terms)).toBe(`${withLabels(expr, terms[0].labels)} or ${withLabels(expr, terms[1].labels)}`);
  });

  test('batched terms come first, then the others in their order', () => {
    const odd = 'topk(1, x{service="z"})';
    const query = combineLabelled([term(odd, 'z'), term(revenue('a'), 'a'), term(revenue('b'), 'b')]);
    expect(query.indexOf('revenue_total')).toBeLessThan(query.indexOf('topk'));
    expect(query.endsWith(` or ${withLabels(odd, { sloth_service: 'z', kpi: 'Revenue' })}`)).toBe(true);
  });

  test('a term whose labels repeat an earlier one comes after it, so that the earlier one wins', () => {
    const query = combineLabelled([term(revenue('a'), 'a'), term(revenue('b'), 'a')]);
    expect(query.endsWith(` or ${withLabels(revenue('b'), { sloth_service: 'a', kpi: 'Revenue' })}`)).toBe(true);
    expect(query).not.toContain('0:b');
  });

  test('label values are escaped in the regex and in the constant labels', () => {
    const query = combineLabelled([term(revenue('a.b'), 'a$1'), term(revenue('c'), 'c-0')]);
    expect(query).toContain('service=~"a\\\\.b|c"');
    expect(query).toContain('"sloth_service", "a$$1"');
    expect(checkPromQLSyntax(query)).toEqual([]);
  });

  test('no term gives an empty query, as before', () => {
    expect(combineLabelled([])).toBe('');
  });
});
