/**
 * The sandbox without PROMETHEUS_URL: data source `prometheus` is the embedded demo data source,
 * listed as "Prometheus (demo)" and answering through Grafana's data source proxy URLs with the
 * recorded series of the registry provisioned in apps.yaml, and the windows the app sums from them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEMO_SERVICES } from '../../src/demo';
import { optionsFromEnv, startSandboxServer } from '../../sandbox/server';
import { readDemoRegistry } from '../../scripts/demo/provisioning';
import { errorRatio } from '../../src/domain/rules/windowRatio';

const root = resolve(__dirname, '..', '..');

describe('sandbox with the embedded demo data source', () => {
  let dir: string;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bizowner-sandbox-demo-'));
    server = await startSandboxServer({
      ...optionsFromEnv(root),
      // dist/plugin.json comes from the build; the source plugin.json has the same id
      distDir: join(root, 'src'),
      port: 0,
      role: 'Viewer',
      settingsPath: join(dir, 'settings.json'),
      prometheusUrl: undefined,
      lokiUrl: undefined,
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((done) => server.close(done));
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the demo data source as the default Prometheus', async () => {
    const list = await (await fetch(`${base}/api/datasources`)).json();
    expect(list).toEqual([
      expect.objectContaining({ uid: 'prometheus', name: 'Prometheus (demo)', type: 'prometheus', isDefault: true }),
    ]);
    const page = await (await fetch(`${base}/a/bizowner-slo-app/services`)).text();
    expect(page).toContain('"Prometheus (demo)"');
  });

  it("answers the app's 5-minute error ratio with one series per Prometheus SLO of the demo registry", async () => {
    const started = Date.now();
    // summed from the recorded increases, or the recorded ratio of a freeform SLI
    const query = errorRatio('5m');
    expect(query).toContain('slo:sli_error:increase5m');
    const answer = await fetch(
      `${base}/api/datasources/proxy/uid/prometheus/api/v1/query?query=${encodeURIComponent(query)}`
    );
    expect(answer.status).toBe(200);
    const body = await answer.json();
    expect(body.status).toBe('success');
    expect(body.data.resultType).toBe('vector');
    const registry = readDemoRegistry();
    // log SLIs' increases are recorded by Loki's ruler, which the demo data source does not stand in for
    const expected = registry.slos.filter((slo) => slo.sli.kind !== 'logRatio').map((slo) => slo.id);
    const perSlo = new Map<string, number>();
    for (const series of body.data.result) {
      perSlo.set(series.metric.sloth_id, (perSlo.get(series.metric.sloth_id) ?? 0) + 1);
      const value = Number(series.value[1]);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(0.5);
      expect(Math.abs(series.value[0] - started / 1000)).toBeLessThan(60);
    }
    expect([...perSlo.keys()].sort()).toEqual([...expected].sort());
    // one series per SLO, except the per-route SLO (grouped by route): one per checkout route
    const checkoutRoutes = DEMO_SERVICES.find((service) => service.id === 'checkout')!.routes.length;
    for (const [id, count] of perSlo) {
      expect({ id, count }).toEqual({ id, count: id === 'checkout-routes-availability' ? checkoutRoutes : 1 });
    }
  });

  it('takes POSTed form queries and range queries like Prometheus', async () => {
    const now = Math.floor(Date.now() / 1000);
    const answer = await fetch(`${base}/api/datasources/proxy/uid/prometheus/api/v1/query_range`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        query: `sum by (sloth_id) (${errorRatio('1h', '{sloth_service="checkout"}')})`,
        start: String(now - 3600),
        end: String(now),
        step: '600',
      }),
    });
    const body = await answer.json();
    expect(body.status).toBe('success');
    expect(body.data.result.map((series: { metric: { sloth_id: string } }) => series.metric.sloth_id)).toEqual([
      'checkout-availability',
      'checkout-payment-step',
      'checkout-routes-availability',
    ]);
    expect(body.data.result[0].values).toHaveLength(7);
    // ratios, summed over the routes of the per-route SLO
    const routes = DEMO_SERVICES.find((service) => service.id === 'checkout')!.routes.length;
    for (const series of body.data.result) {
      const bound = series.metric.sloth_id === 'checkout-routes-availability' ? 0.5 * routes : 0.5;
      for (const [, value] of series.values) {
        expect(Number(value)).toBeGreaterThanOrEqual(0);
        expect(Number(value)).toBeLessThan(bound);
      }
    }
  });

  it('answers unsupported PromQL with a Prometheus error, through the resources URL too', async () => {
    const query = encodeURIComponent('rate(http_requests_total[1h] @ 100)');
    const answer = await fetch(`${base}/api/datasources/uid/prometheus/resources/api/v1/query?query=${query}`);
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({
      status: 'error',
      errorType: 'bad_data',
      error:
        'the demo data source does not support the @ modifier; run npm run sandbox:prometheus for a real Prometheus',
    });
  });
});
