import {
  addMatchers,
  bucketSelector,
  escapeLabelValue,
  formatLe,
  formatMatchers,
  leMatcher,
  metricSelector,
  regexMatcher,
  selectorMatchers,
} from './selector';

describe('addMatchers', () => {
  test.each([
    ['http_requests_total', ['code="500"'], 'http_requests_total{code="500"}'],
    ['http_requests_total{}', ['code="500"'], 'http_requests_total{code="500"}'],
    ['http_requests_total{job="api"}', ['code="500"'], 'http_requests_total{job="api", code="500"}'],
    ['http_requests_total{job="api",}', ['a="1"', 'b="2"'], 'http_requests_total{job="api", a="1", b="2"}'],
    ['{__name__="x"}', ['le="1"'], '{__name__="x", le="1"}'],
    ['  x{a="b"}  ', [], 'x{a="b"}'],
  ])('%s + %j', (selector, matchers, expected) => {
    expect(addMatchers(selector, matchers)).toBe(expected);
  });
});

describe('bucketSelector', () => {
  test.each([
    ['http_request_duration_seconds', 'http_request_duration_seconds_bucket'],
    ['http_request_duration_seconds{job="api"}', 'http_request_duration_seconds_bucket{job="api"}'],
    ['http_request_duration_seconds_bucket{job="api"}', 'http_request_duration_seconds_bucket{job="api"}'],
    ['{__name__="h_bucket"}', '{__name__="h_bucket"}'],
  ])('%s', (histogram, expected) => {
    expect(bucketSelector(histogram)).toBe(expected);
  });
});

describe('le formatting', () => {
  test.each([
    [0.3, '0.3', 'le="0.3"'],
    [0.005, '0.005', 'le="0.005"'],
    [2.5, '2.5', 'le="2.5"'],
    [1, '1', 'le=~"1|1\\\\.0"'],
    [10, '10', 'le=~"10|10\\\\.0"'],
    [123456, '123456', 'le=~"123456|123456\\\\.0"'],
    [1e6, '1e+06', 'le="1e+06"'],
    [2.5e-5, '2.5e-05', 'le="2.5e-05"'],
    [0.0001, '0.0001', 'le="0.0001"'],
    [Infinity, '+Inf', 'le="+Inf"'],
  ])('%p is written %s and matched by %s', (bound, text, matcher) => {
    expect(formatLe(bound)).toBe(text);
    expect(leMatcher(bound)).toBe(matcher);
  });
});

test('label values are escaped and matchers sorted', () => {
  expect(escapeLabelValue('a"b\\c')).toBe('a\\"b\\\\c');
  expect(formatMatchers({ b: '2', a: 'x"y' })).toBe('{a="x\\"y", b="2"}');
});

test('a regex matcher matches exactly the values, metacharacters escaped', () => {
  expect(regexMatcher('sloth_service', ['checkout', 'a.b', 'c|d'])).toBe('sloth_service=~"checkout|a\\\\.b|c\\\\|d"');
});

test.each([
  ['{service="checkout"}', 'service="checkout"'],
  [' { service="checkout", env="prod" } ', 'service="checkout", env="prod"'],
  ['up', ''],
])('the matchers of %j are %j', (selector, matchers) => {
  expect(selectorMatchers(selector)).toBe(matchers);
});

test('a metric selected by a service selector and extra matchers', () => {
  expect(metricSelector('deploys_total', '{service="checkout"}', ['env="prod"'])).toBe(
    'deploys_total{service="checkout", env="prod"}'
  );
  expect(metricSelector('deploys_total', '{}')).toBe('deploys_total{}');
});
