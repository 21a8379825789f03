import { checkPromQL } from './promql';

describe('checkPromQL', () => {
  test.each([
    'sum(rate(http_requests_total{code=~"5.."}[5m])) / sum(rate(http_requests_total[5m]))',
    'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))',
    'sum(rate(errors_total[{{window}}])) / sum(rate(requests_total[{{window}}]))',
    'up == 1',
    'sum by (route) (increase(http_requests_total{service="checkout"}[1h]))',
  ])('accepts %s', (expr) => {
    expect(checkPromQL(expr)).toEqual([]);
  });

  test.each([
    ['sum(rate(foo[5m])', '"(" is never closed: add ")" at column 4', 3, 4],
    ['foo{a="b"', '"{" is never closed: add "}" at column 4', 3, 4],
    ['sum(rate(foo[5m])))', 'unexpected ")": nothing to close at column 19', 18, 19],
    ['foo{a="b}', 'string started here is never closed with " at column 7', 6, 9],
    ['foo +', 'the query ends too early: something is missing at the end at column 6', 5, 5],
    ['1 +* 2', 'unexpected "*" at column 4', 3, 4],
    ['abc(foo)', 'unknown function "abc" at column 4', 3, 4],
    ['', 'the query is empty at column 1', 0, 0],
  ])('reports the syntax error in %j', (expr, message, from, to) => {
    expect(checkPromQL(expr)).toEqual([{ message, from, to }]);
  });

  test.each([
    ['rate(foo)', 'expected type matrix in call to function "rate", got vector at column 6', 5],
    ['foo[5m] + 1', 'binary expression must contain only scalar and instant vector types at column 1', 0],
  ])('reports the type error in %j', (expr, message, from) => {
    expect(checkPromQL(expr)).toEqual([expect.objectContaining({ message, from, severity: 'error' })]);
  });

  test('gives positions in the text as typed, before {{window}} is replaced', () => {
    const expr = 'rate(a[{{window}}]) + rate(b)';
    const [problem] = checkPromQL(expr);
    expect(expr.slice(problem.from, problem.to)).toBe('b');
    expect(problem.message).toBe('expected type matrix in call to function "rate", got vector at column 28');
  });

  test('gives line and column for multi-line expressions', () => {
    expect(checkPromQL('sum(rate(a[5m]))\n/\nsum(rate(b[5m])) +')[0].message).toBe(
      'the query ends too early: something is missing at the end at line 3, column 19'
    );
  });
});

describe('checkPromQL on a busy machine', () => {
  afterEach(() => jest.restoreAllMocks());

  test('a long valid expression is still valid when parsing takes longer than an editor waits', () => {
    // Each clock reading 5 ms later: an editor's parse budget (a few ms) runs out at once.
    let now = 1_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => (now += 5));
    const terms = Array.from(
      { length: 40 },
      (_, i) => `sum(rate(http_requests_total{code=~"5..",route="/r${i}"}[5m]))`
    );
    const expr = `(${terms.join(' + ')}) / sum(rate(http_requests_total[5m]))`;
    expect(checkPromQL(expr)).toEqual([]);
  });
});
