import { requestsBetween } from '../../src/demo';
import { RunningPrometheus, startPrometheus } from '../helpers/prometheus';

const DAY = 86_400;

async function instantQuery(url: string, query: string, time: number): Promise<number> {
  const params = new URLSearchParams({ query, time: String(time) });
  const response = await fetch(`${url}/api/v1/query?${params}`);
  const body = await response.json();
  expect(body.status).toBe('success');
  expect(body.data.result).toHaveLength(1);
  return Number(body.data.result[0].value[1]);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('demo history in a real Prometheus', () => {
  let prometheus: RunningPrometheus;

  beforeAll(async () => {
    prometheus = await startPrometheus({ days: 30 });
  }, 180_000);

  afterAll(async () => {
    await prometheus?.stop();
  });

  it('holds 30 days ending more than 2 h ago', () => {
    expect(prometheus.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(prometheus.end - prometheus.start).toBe(30 * DAY);
    expect(prometheus.end).toBeLessThan(Date.now() / 1000 - 2 * 3600);
  });

  it.each([
    ['at the end', 0],
    ['two weeks back', 14],
    ['at the start plus one day', 29],
  ])('counts a day of checkout requests %s as the model does', async (_, daysBack) => {
    const at = prometheus.end - daysBack * DAY;
    const measured = await instantQuery(
      prometheus.url,
      'sum(increase(http_requests_total{service="checkout"}[1d]))',
      at
    );
    const expected = requestsBetween('checkout', at - DAY, at);
    // increase() extrapolates the samples it sees (5 minutes apart) to the whole range.
    expect(Math.abs(measured / expected - 1)).toBeLessThan(0.01);
  });

  it('sees the payments error burst in the 5xx ratio', async () => {
    const query =
      'sum(increase(http_requests_total{service="payments",code=~"5.."}[30d])) / sum(increase(http_requests_total{service="payments"}[30d]))';
    const ratio = await instantQuery(prometheus.url, query, prometheus.end);
    expect(ratio).toBeGreaterThan(0.0004);
    expect(ratio).toBeLessThan(0.005);
  });

  it('stops by PID', async () => {
    const { pid } = prometheus;
    expect(isRunning(pid)).toBe(true);
    await prometheus.stop();
    expect(isRunning(pid)).toBe(false);
  });
});
