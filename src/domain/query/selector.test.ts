import { checkSelector, checkSeriesSelector } from './selector';

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
