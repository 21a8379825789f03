/**
 * Timings of the embedded demo data source on queries over long windows, cold (fresh memo) and
 * warm (second run):
 *
 *   npx tsx scripts/sandbox/benchDemoPrometheus.ts
 */
import { DemoPrometheus } from '../../sandbox/demoPrometheus/api';
import { readDemoRegistry } from '../demo/provisioning';
import { readBudgetLeft } from '../../src/domain/rules/windowRatio';

const registry = readDemoRegistry();
const now = Math.floor(Date.now() / 1000 / 60) * 60;
const demo = new DemoPrometheus({ registry: () => registry, now: () => now });

const CASES: Array<[string, Record<string, string>]> = [
  ['api/v1/query', { query: 'sum_over_time(slo:sli_error:ratio_rate5m{sloth_id="checkout-availability"}[30d])' }],
  ['api/v1/query', { query: 'slo:sli_error:ratio_rate30d' }],
  ['api/v1/query', { query: readBudgetLeft() }],
  [
    'api/v1/query_range',
    { query: 'slo:sli_error:ratio_rate30d', start: String(now - 7 * 86400), end: String(now), step: '3600' },
  ],
  [
    'api/v1/query_range',
    {
      query: 'sum by (service) (rate(http_requests_total[5m]))',
      start: String(now - 86400),
      end: String(now),
      step: '60',
    },
  ],
];

for (const [path, params] of CASES) {
  const timings = [0, 1].map(() => {
    const started = performance.now();
    const answer = demo.handle('GET', path, new URLSearchParams({ time: String(now), ...params }));
    if (answer.status !== 200) {
      throw new Error(JSON.stringify(answer.body));
    }
    return performance.now() - started;
  });
  process.stdout.write(
    `${timings.map((ms) => `${ms.toFixed(0).padStart(6)} ms`).join(' ')}  ${path} ${params.query}\n`
  );
}
