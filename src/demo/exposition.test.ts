import { OPENMETRICS_EOF, openMetricsHeader, openMetricsSample, renderPrometheusText } from './exposition';
import { METRIC_FAMILIES } from './families';

describe('renderPrometheusText', () => {
  it('writes HELP and TYPE once per family, counters under their _total name', () => {
    const text = renderPrometheusText([
      { name: 'http_requests_total', labels: { service: 'a', route: '/x', code: '200' }, value: 3 },
      { name: 'http_requests_total', labels: { service: 'a', route: '/x', code: '500' }, value: 0.5 },
      { name: 'deploy_info', labels: { service: 'a', version: '1.2.0' }, value: 1 },
    ]);
    expect(text).toBe(
      [
        '# HELP http_requests_total HTTP requests served.',
        '# TYPE http_requests_total counter',
        'http_requests_total{service="a",route="/x",code="200"} 3',
        'http_requests_total{service="a",route="/x",code="500"} 0.5',
        '# HELP deploy_info Version running now (always 1).',
        '# TYPE deploy_info gauge',
        'deploy_info{service="a",version="1.2.0"} 1',
        '',
      ].join('\n')
    );
  });

  it('escapes label values', () => {
    expect(renderPrometheusText([{ name: 'x', labels: { a: 'q"\\\n' }, value: 1 }])).toBe('x{a="q\\"\\\\\\n"} 1\n');
  });
});

describe('OpenMetrics', () => {
  it('names families without _total and puts the timestamp in seconds last', () => {
    const family = METRIC_FAMILIES.find((candidate) => candidate.name === 'http_requests')!;
    expect(openMetricsHeader(family)).toBe(
      '# HELP http_requests HTTP requests served.\n# TYPE http_requests counter\n'
    );
    expect(openMetricsSample({ name: 'http_requests_total', labels: { code: '200' }, value: 2 }, 1700000000)).toBe(
      'http_requests_total{code="200"} 2 1700000000\n'
    );
    expect(OPENMETRICS_EOF).toBe('# EOF\n');
  });
});
