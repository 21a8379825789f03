import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

import { parseRegistryYaml } from '../../src/domain/io/native';
import { validateRegistry } from '../../src/domain/validation/registry';
import { DEMO_SERVICE_IDS, LATENCY_BUCKETS, METRIC_FAMILIES } from '../../src/demo';
import {
  APPS_FILE,
  REGISTRY_FILE,
  readDemoRegistry,
  renderAppsProvisioning,
  unescapeDollars,
} from '../../scripts/demo/provisioning';

const registry = readDemoRegistry();

/** Metric names exposed by the demo workload, e.g. `http_requests_total`. */
const exposedNames = new Set(
  METRIC_FAMILIES.flatMap((family) => {
    const suffixes = { counter: ['_total'], histogram: ['_bucket', '_sum', '_count'], gauge: [''] }[family.type];
    return suffixes.map((suffix) => family.name + suffix);
  })
);

function metricNames(query: string): string[] {
  return [...query.matchAll(/([a-z_:][a-z0-9_:]*)\{/g)].map((match) => match[1]).filter((name) => name !== 'rate');
}

describe('demo provisioning', () => {
  it('reads the demo registry without a single problem or warning', () => {
    expect(parseRegistryYaml(readFileSync(REGISTRY_FILE, 'utf8')).problems).toEqual([]);
    expect(validateRegistry(registry)).toEqual([]);
  });

  it('keeps apps.yaml generated from the demo registry', () => {
    expect(readFileSync(APPS_FILE, 'utf8')).toBe(renderAppsProvisioning(registry));
  });

  it('gives Grafana the registry’s settings, and only them, once it has expanded $$ to $', () => {
    const apps = parse(readFileSync(APPS_FILE, 'utf8'));
    expect(apps.apps).toHaveLength(1);
    expect(apps.apps[0]).toMatchObject({ type: 'bizowner-slo-app', org_id: 1, disabled: false });
    // Grafana re-applies apps.yaml at every start: the registry itself must not be in it.
    expect(Object.keys(apps.apps[0].jsonData)).toEqual(['settings']);
    expect(unescapeDollars(apps.apps[0].jsonData.settings)).toEqual(registry.settings);
  });

  it('describes the four demo services with example.com links', () => {
    expect(registry.services.map((service) => service.id)).toEqual(DEMO_SERVICE_IDS);
    const urls = registry.services.flatMap((service) => service.links.map((link) => link.url));
    urls.forEach((url) => expect(url).toMatch(/^https:\/\/[a-z.]+\.example\.com\//));
  });

  it('uses every SLI kind, a route grouping and both Google presets', () => {
    expect(new Set(registry.slos.map((slo) => slo.sli.kind))).toEqual(
      new Set(['ratio', 'latency', 'freeform', 'logRatio'])
    );
    expect(registry.slos.some((slo) => slo.groupBy?.includes('route'))).toBe(true);
    expect(new Set(registry.slos.map((slo) => slo.alerting.preset))).toEqual(new Set(['google-30d', 'google-28d']));
    expect(registry.settings).toMatchObject({
      prometheus: { uid: 'prometheus' },
      loki: { uid: 'loki' },
      billing: { uid: 'prometheus', kind: 'prometheus' },
    });
  });

  it('only queries metrics the demo workload exposes, with its latency buckets', () => {
    const queries = [
      ...registry.services.flatMap((service) => service.kpis.map((kpi) => kpi.query)),
      ...registry.slos.flatMap((slo) => {
        const { sli } = slo;
        switch (sli.kind) {
          case 'ratio':
            return [sli.good ?? '', sli.bad ?? '', sli.total];
          case 'latency':
            expect(sli.buckets).toEqual(LATENCY_BUCKETS);
            return [sli.histogram];
          case 'freeform':
            return [sli.errorRatio];
          case 'logRatio':
            return [];
        }
      }),
      registry.settings.billing?.query ?? '',
    ];
    const used = queries.flatMap(metricNames);
    expect(used.length).toBeGreaterThan(10);
    used.forEach((name) => expect(exposedNames).toContain(name));
  });
});
