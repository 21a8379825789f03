import { checkLogQL } from './logql';

describe('checkLogQL', () => {
  test.each([
    '{service="checkout"}',
    '{service="checkout"} |= "level=error"',
    '{service="checkout"} | json | status >= 500',
    'sum(count_over_time({service="checkout"} |= "error" [5m]))',
  ])('accepts %s', (expr) => {
    expect(checkLogQL(expr)).toEqual([]);
  });

  test.each([
    ['{service="checkout"', '"{" is never closed: add "}" at column 1', 0],
    ['service="checkout"', 'unexpected "service" at column 1', 0],
    ['{service="checkout"} |= ', 'the query ends too early: something is missing at the end at column 25', 24],
    ['{service="checkout"} |~ error', 'unexpected "error" at column 25', 24],
  ])('reports the syntax error in %j', (expr, message, from) => {
    expect(checkLogQL(expr)).toEqual([expect.objectContaining({ message, from })]);
  });
});

test.each(['sum(count_over_time({a="b"} |= "x" [5m]))', 'sum by (route) (count_over_time({a="b"}[1h]))'])(
  'checkLogQL accepts the metric query %s',
  (expr) => {
    expect(checkLogQL(expr)).toEqual([]);
  }
);

test.each(['count_over_time({a="b"})', 'sum(count_over_time({a="b"}[5m])', '{a="b"'])(
  'checkLogQL finds the error in %s',
  (expr) => {
    expect(checkLogQL(expr)).toHaveLength(1);
  }
);
