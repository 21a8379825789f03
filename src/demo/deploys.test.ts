import { deploySamples, deploysBetween } from './deploys';
import { FAMILY_NAMES } from './families';
import { incidentsBetween } from './queries';
import { DAY } from './time';

const T = Date.UTC(2026, 10, 20, 12) / 1000;
const all = new Set(FAMILY_NAMES);

describe('deploys', () => {
  it('deploys search when its latency regression starts and again when it ends', () => {
    const regression = incidentsBetween(T - 28 * DAY, T).find(
      (found) => found.incident.id === 'search-latency-regression'
    )!;
    const times = deploysBetween('search', regression.start - 1, regression.end).map((deploy) => deploy.time);
    expect(times).toEqual([regression.start, regression.end]);
  });

  it('counts deploys in deploys_total and names the running version in deploy_info', () => {
    const deploys = deploysBetween('checkout', T - 14 * DAY, T);
    const last = deploys[deploys.length - 1];
    const [before, after] = [T - 14 * DAY, T].map((t) => deploySamples('checkout', t, all));
    const total = (samples: typeof before) => samples.find((sample) => sample.name === 'deploys_total')!.value;
    expect(total(after) - total(before)).toBe(deploys.length);
    expect(after.find((sample) => sample.name === 'deploy_info')?.labels.version).toBe(last.version);
  });

  it('renames the pods on a deploy and starts their CPU counters from zero', () => {
    const [deploy] = deploysBetween('payments', T - 7 * DAY, T);
    const pods = (t: number) => deploySamples('payments', t, new Set(['container_cpu_usage_seconds']));
    const before = pods(deploy.time - 1);
    const after = pods(deploy.time + 60);
    expect(after.map((sample) => sample.labels.pod)).not.toEqual(before.map((sample) => sample.labels.pod));
    expect(after).toHaveLength(2);
    after.forEach((sample) => expect(sample.value).toBeLessThan(60));
    after.forEach((sample) => expect(sample.labels.pod).toMatch(/^payments-[0-9a-f]{10}-[a-z0-9]{5}$/));
  });

  it('restarts catalog pods during the database failover', () => {
    const failover = incidentsBetween(T - 28 * DAY, T).find(
      (found) => found.incident.id === 'catalog-database-failover'
    )!;
    const restarts = (t: number) =>
      deploySamples('catalog', t, new Set(['kube_pod_container_status_restarts'])).reduce((sum, s) => sum + s.value, 0);
    expect(restarts(failover.end) - restarts(failover.start)).toBe(4);
  });
});
