import {
  checkPromQL,
  checkPromQLSyntax,
  checkSelector,
  checkSeriesSelector,
  formatSelector,
  parseSelector,
  sameMatchers,
} from './promql';

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

describe('checkPromQLSyntax', () => {
  test.each(['sum(rate(x[5m]))', 'a / on (b) group_left c', 'sum_over_time(x[30d]) > 0.5', 'rate(foo)'])(
    'accepts %s',
    (expr) => {
      expect(checkPromQLSyntax(expr)).toEqual([]);
    }
  );

  test.each([
    ['sum(rate(x[5m])', '"(" is never closed: add ")" at column 4'],
    ['rate(x[5m]) +', 'the query ends too early: something is missing at the end at column 14'],
    ['x{a="b"', '"{" is never closed: add "}" at column 2'],
    ['sum by route (x)', 'unexpected "route" at column 8'],
    ['abc(foo)', 'unknown function "abc" at column 4'],
  ])('reports the first syntax error in %j', (expr, message) => {
    expect(checkPromQLSyntax(expr).map((problem) => problem.message)).toEqual([message]);
  });
});

describe('checkSelector', () => {
  test.each(['{service="checkout"}', '{service="checkout", env=~"prod|staging"}', ' {app!="x"} '])(
    'accepts %s',
    (selector) => {
      expect(checkSelector(selector)).toEqual([]);
    }
  );

  test.each([
    ['service="checkout"', 'must be label matchers in braces, e.g. {service="checkout"}'],
    ['up{service="checkout"}', 'must be label matchers in braces, e.g. {service="checkout"}'],
    ['{}', 'needs at least one label matcher, e.g. {service="checkout"}'],
    ['{service="checkout"', '"{" is never closed: add "}" at column 1'],
    [
      '{service="checkout"}[5m]',
      'must be label matchers in braces, e.g. {service="checkout"}, without functions, operators or ranges',
    ],
  ])('refuses %j', (selector, message) => {
    expect(checkSelector(selector).map((problem) => problem.message)).toEqual([message]);
  });
});

describe('checkSeriesSelector', () => {
  test.each(['http_requests_total', 'http_requests_total{code=~"5.."}', '{__name__="up"}'])(
    'accepts %s',
    (selector) => {
      expect(checkSeriesSelector(selector)).toEqual([]);
    }
  );

  test.each([
    [
      'rate(http_requests_total[5m])',
      'must be a series selector, e.g. http_requests_total{service="checkout"}, without functions, operators or ranges',
    ],
    ['{}', 'must name a metric or match labels, e.g. http_requests_total{service="checkout"}'],
    ['http_requests_total{', '"{" is never closed: add "}" at column 20'],
  ])('refuses %j', (selector, message) => {
    expect(checkSeriesSelector(selector).map((problem) => problem.message)).toEqual([message]);
  });
});

describe('parseSelector', () => {
  test('splits a series selector into metric name and matchers, as written', () => {
    const selector = parseSelector(`http_requests_total{code=~"5..", 'a.b'="c", le='0.5'}`);
    expect(selector).toEqual({
      metric: 'http_requests_total',
      matchers: [
        { name: 'code', op: '=~', value: '5..', text: 'code=~"5.."' },
        { name: 'a.b', op: '=', value: 'c', text: `'a.b'="c"` },
        { name: 'le', op: '=', value: '0.5', text: `le='0.5'` },
      ],
    });
    expect(formatSelector(selector!.metric, selector!.matchers)).toBe(
      `http_requests_total{code=~"5..", 'a.b'="c", le='0.5'}`
    );
  });

  test('a bare quoted name is the metric name', () => {
    expect(parseSelector('{"my.metric", job="api"}')).toEqual({
      metric: 'my.metric',
      matchers: [{ name: 'job', op: '=', value: 'api', text: 'job="api"' }],
    });
  });

  test.each(['rate(x[5m])', 'x[5m]', 'x{a="b"', 'a + b'])('refuses %j', (text) => {
    expect(parseSelector(text)).toBeUndefined();
  });

  test('matchers compare in any order', () => {
    const a = parseSelector('x{a="1", b="2"}')!.matchers;
    const b = parseSelector('x{b=\'2\',a="1"}')!.matchers;
    expect(sameMatchers(a, b)).toBe(true);
    expect(sameMatchers(a, b.slice(1))).toBe(false);
  });
});
