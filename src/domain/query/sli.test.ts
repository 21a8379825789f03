import { LatencySli, LogRatioSli, RatioSli, Sli } from '../model';
import { checkLogQL } from './logql';
import { checkPromQL } from './promql';
import { errorCountQuery, errorRatioQuery, isCountableSli, sliQueryLanguage, totalCountQuery } from './sli';

const badRatio: RatioSli = { kind: 'ratio', bad: 'http_requests_total{code=~"5.."}', total: 'http_requests_total' };
const goodRatio: RatioSli = { kind: 'ratio', good: 'http_requests_total{code!~"5.."}', total: 'http_requests_total' };
const latency: LatencySli = { kind: 'latency', histogram: 'http_request_duration_seconds{job="api"}', threshold: 0.3 };
const logs: LogRatioSli = { kind: 'logRatio', bad: '{app="api"} |= "level=error"', total: '{app="api"}' };

describe('errorRatioQuery', () => {
  test.each<[string, Sli, string[], string, string]>([
    [
      'bad over total',
      badRatio,
      [],
      '5m',
      '(sum(rate(http_requests_total{code=~"5.."}[5m])) or (0 * sum(rate(http_requests_total[5m])))) / (sum(rate(http_requests_total[5m])))',
    ],
    [
      'good over total, grouped',
      goodRatio,
      ['route'],
      '1h',
      '(sum by (route) (rate(http_requests_total[1h])) - sum by (route) (rate(http_requests_total{code!~"5.."}[1h]))) / (sum by (route) (rate(http_requests_total[1h])))',
    ],
    [
      'latency buckets',
      latency,
      [],
      '5m',
      '(sum(rate(http_request_duration_seconds_bucket{job="api", le="+Inf"}[5m])) - sum(rate(http_request_duration_seconds_bucket{job="api", le="0.3"}[5m]))) / (sum(rate(http_request_duration_seconds_bucket{job="api", le="+Inf"}[5m])))',
    ],
    [
      'log lines',
      logs,
      [],
      '5m',
      '(sum(count_over_time({app="api"} |= "level=error" [5m])) or (0 * sum(count_over_time({app="api"} [5m])))) / (sum(count_over_time({app="api"} [5m])))',
    ],
    [
      'freeform',
      { kind: 'freeform', errorRatio: '1 - avg_over_time(up[{{ window }}]) + 0 * x[{{window}}]' },
      [],
      '5m',
      '1 - avg_over_time(up[5m]) + 0 * x[5m]',
    ],
  ])('%s', (_name, sli, groupBy, window, expected) => {
    expect(errorRatioQuery(sli, window, groupBy)).toBe(expected);
  });

  test('whole-second latency thresholds match both le spellings', () => {
    expect(errorRatioQuery({ ...latency, threshold: 1 }, '5m')).toContain('le=~"1|1\\\\.0"');
  });
});

describe('event counts', () => {
  test.each<[string, RatioSli | LatencySli | LogRatioSli, string, string]>([
    [
      'ratio',
      badRatio,
      'sum by (route) (increase(http_requests_total{code=~"5.."}[1h])) or (0 * sum by (route) (increase(http_requests_total[1h])))',
      'sum by (route) (increase(http_requests_total[1h]))',
    ],
    [
      'latency',
      latency,
      'sum by (route) (increase(http_request_duration_seconds_bucket{job="api", le="+Inf"}[1h])) - sum by (route) (increase(http_request_duration_seconds_bucket{job="api", le="0.3"}[1h]))',
      'sum by (route) (increase(http_request_duration_seconds_bucket{job="api", le="+Inf"}[1h]))',
    ],
    [
      'logs',
      logs,
      'sum by (route) (count_over_time({app="api"} |= "level=error" [1h])) or (0 * sum by (route) (count_over_time({app="api"} [1h])))',
      'sum by (route) (count_over_time({app="api"} [1h]))',
    ],
  ])('%s', (_name, sli, errors, total) => {
    expect(errorCountQuery(sli, '1h', ['route'])).toBe(errors);
    expect(totalCountQuery(sli, '1h', ['route'])).toBe(total);
  });
});

test.each<[Sli, 'promql' | 'logql', boolean]>([
  [badRatio, 'promql', true],
  [latency, 'promql', true],
  [logs, 'logql', true],
  [{ kind: 'freeform', errorRatio: 'x' }, 'promql', false],
])('language and countability of %p', (sli, language, countable) => {
  expect(sliQueryLanguage(sli)).toBe(language);
  expect(isCountableSli(sli)).toBe(countable);
});

test.each<Sli>([badRatio, goodRatio, latency, { ...latency, threshold: 2 }])(
  'generated PromQL parses and type-checks: %p',
  (sli) => {
    expect(checkPromQL(errorRatioQuery(sli, '5m', ['route', 'method']))).toEqual([]);
  }
);

test('generated LogQL parses', () => {
  expect(checkLogQL(errorRatioQuery(logs, '5m', ['route']))).toEqual([]);
  expect(checkLogQL(errorCountQuery(logs, '1h'))).toEqual([]);
});
