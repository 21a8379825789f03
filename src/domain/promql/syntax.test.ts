import { logqlSyntaxErrors, promqlSyntaxErrors } from './syntax';

describe('promqlSyntaxErrors', () => {
  test.each(['sum(rate(x[5m]))', 'a / on (b) group_left c', 'sum_over_time(x[30d]) > 0.5'])('accepts %s', (expr) => {
    expect(promqlSyntaxErrors(expr)).toEqual([]);
  });

  test.each(['sum(rate(x[5m])', 'rate(x[5m]) +', 'x{a="b"', 'sum by route (x)'])('finds errors in %s', (expr) => {
    expect(promqlSyntaxErrors(expr).length).toBeGreaterThan(0);
  });
});

describe('logqlSyntaxErrors', () => {
  test.each(['sum(count_over_time({a="b"} |= "x" [5m]))', 'sum by (route) (count_over_time({a="b"}[1h]))'])(
    'accepts %s',
    (expr) => {
      expect(logqlSyntaxErrors(expr)).toEqual([]);
    }
  );

  test.each(['count_over_time({a="b"})', 'sum(count_over_time({a="b"}[5m])', '{a="b"'])(
    'finds errors in %s',
    (expr) => {
      expect(logqlSyntaxErrors(expr).length).toBeGreaterThan(0);
    }
  );
});
