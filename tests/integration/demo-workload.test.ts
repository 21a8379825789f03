import { IncomingMessage, createServer } from 'node:http';
import { AddressInfo } from 'node:net';

import { logLines, requestsBetween } from '../../src/demo';
import { Workload, startWorkload } from '../../scripts/demo/workloadServer';

const T = Date.UTC(2026, 10, 20, 12) / 1000;

/** Parses the Prometheus text format into `series → value`. */
function parseMetrics(text: string): Map<string, number> {
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line && !line.startsWith('#')) {
      const cut = line.lastIndexOf(' ');
      values.set(line.slice(0, cut), Number(line.slice(cut + 1)));
    }
  }
  return values;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

describe('demo workload server', () => {
  let clock = T;
  let workload: Workload;

  beforeAll(async () => {
    workload = await startWorkload({ port: 0, now: () => clock });
  });
  afterAll(() => workload.close());

  async function scrape(at: number): Promise<Map<string, number>> {
    clock = at;
    const response = await fetch(`${workload.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return parseMetrics(await response.text());
  }

  it('listens on 127.0.0.1 and serves /metrics', async () => {
    expect(workload.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const metrics = await scrape(T);
    expect(metrics.get('deploys_total{service="checkout"}')).toBeGreaterThan(0);
    expect((await fetch(`${workload.url}/nope`)).status).toBe(404);
  });

  it('grows counters by the requests the model counts in between', async () => {
    const [before, after] = [await scrape(T), await scrape(T + 300)];
    const checkoutRequests = (metrics: Map<string, number>) =>
      [...metrics]
        .filter(([series]) => series.startsWith('http_requests_total{service="checkout"'))
        .reduce((sum, [, value]) => sum + value, 0);
    expect(checkoutRequests(after) - checkoutRequests(before)).toBeCloseTo(requestsBetween('checkout', T, T + 300), 3);
    for (const [series, value] of after) {
      if (/_total\{|_bucket\{|_count\{|_sum\{/.test(series) && before.has(series)) {
        expect(value).toBeGreaterThanOrEqual(before.get(series)!);
      }
    }
  });
});

describe('demo workload log push', () => {
  it('posts the lines written since the last push to /loki/api/v1/push', async () => {
    const received: Array<{ url?: string; type?: string; body: string }> = [];
    const loki = createServer(async (request, response) => {
      received.push({ url: request.url, type: request.headers['content-type'], body: await readBody(request) });
      response.writeHead(204).end();
    });
    await new Promise<void>((resolve) => loki.listen(0, '127.0.0.1', resolve));
    const lokiUrl = `http://127.0.0.1:${(loki.address() as AddressInfo).port}`;

    let clock = T;
    const workload = await startWorkload({ port: 0, lokiUrl, pushIntervalMs: 50, now: () => clock });
    clock = T + 10;
    while (received.length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await workload.close();
    await new Promise((resolve) => loki.close(resolve));

    const [first] = received;
    expect(first).toMatchObject({ url: '/loki/api/v1/push', type: 'application/json' });
    const push = JSON.parse(first.body) as { streams: Array<{ stream: Record<string, string>; values: string[][] }> };
    const checkoutInfo = push.streams.find((s) => s.stream.service === 'checkout' && s.stream.level === 'info');
    const expected = logLines('checkout', T, T + 10, { limit: 10_000, level: 'info' }).reverse();
    expect(checkoutInfo?.values.map(([, line]) => line)).toEqual(expected.map((line) => line.line));
    expect(checkoutInfo?.values[0][0]).toBe(`${Math.round(expected[0].time * 1000)}000000`);
    expect(new Set(push.streams.map((s) => Object.keys(s.stream).sort().join()))).toEqual(new Set(['level,service']));
  });
});
