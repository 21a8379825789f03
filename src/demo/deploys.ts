/** Deploys and the pods they start: versions, pod names, CPU, memory and restarts. */
import { DemoSample } from './families';
import { deployOffsets, effectWindows } from './incidents';
import { hexHash, unitHash } from './noise';
import { CYCLE_SECONDS, DEMO_ORIGIN, HOUR, cyclePosition, cycleTime } from './time';
import { timeline } from './timeline';

export interface DeployEvent {
  serviceId: string;
  /** Unix seconds. */
  time: number;
  version: string;
}

const offsetsCache = new Map<string, number[]>();

function offsets(serviceId: string): number[] {
  let found = offsetsCache.get(serviceId);
  if (!found) {
    found = deployOffsets(serviceId);
    offsetsCache.set(serviceId, found);
  }
  return found;
}

/** The version deployed by the `count`-th deploy since the origin. */
function versionOf(count: number): string {
  return `${1 + Math.floor(count / 40)}.${count % 40}.0`;
}

/** The latest deploy at or before `t`: how many deploys since the origin, and when it happened. */
function latestDeploy(serviceId: string, t: number): { count: number; time: number } {
  const list = offsets(serviceId);
  const { cycle, offset } = cyclePosition(t);
  const done = list.filter((candidate) => candidate <= offset).length;
  if (done > 0) {
    return { count: cycle * list.length + done, time: cycleTime(cycle, list[done - 1]) };
  }
  return cycle > 0
    ? { count: cycle * list.length, time: cycleTime(cycle - 1, list[list.length - 1]) }
    : { count: 0, time: DEMO_ORIGIN };
}

/** Deploys of a service in `(from, to]`, oldest first. */
export function deploysBetween(serviceId: string, from: number, to: number): DeployEvent[] {
  const list = offsets(serviceId);
  const events: DeployEvent[] = [];
  for (let cycle = cyclePosition(from).cycle; cycle <= cyclePosition(to).cycle; cycle++) {
    list.forEach((offset, i) => {
      const time = cycleTime(cycle, offset);
      if (time > from && time <= to) {
        events.push({ serviceId, time, version: versionOf(cycle * list.length + i + 1) });
      }
    });
  }
  return events;
}

/** Restart times of each pod slot (pods are numbered 0..replicas-1) in `(from, to]`. */
function restartsBetween(serviceId: string, slot: number, from: number, to: number): number {
  const { replicas } = timeline(serviceId).service;
  let restarts = 0;
  for (let cycle = cyclePosition(from).cycle; cycle <= cyclePosition(to).cycle; cycle++) {
    for (const window of effectWindows(serviceId)) {
      const count = window.effect.restarts ?? 0;
      for (let k = slot; k < count; k += replicas) {
        const time = cycleTime(cycle, window.start + ((k + 0.5) * (window.end - window.start)) / count);
        restarts += time > from && time <= to ? 1 : 0;
      }
    }
  }
  return restarts;
}

const POD_SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

function podName(serviceId: string, deployCount: number, slot: number): string {
  const suffix = Array.from({ length: 5 }, (_, i) => {
    const index = Math.floor(unitHash('pod', serviceId, deployCount, slot, i) * POD_SUFFIX_ALPHABET.length);
    return POD_SUFFIX_ALPHABET[index];
  }).join('');
  return `${serviceId}-${hexHash(10, 'replicaset', serviceId, deployCount)}-${suffix}`;
}

/** Integral of the traffic curve from the origin to `t`. */
function trafficIntegral(serviceId: string, t: number): number {
  const { cycle, offset } = cyclePosition(t);
  return cycle * CYCLE_SECONDS + timeline(serviceId).curve.integral(offset);
}

/** `deploys_total`, `deploy_info` and the pod metrics of a service at `t`. */
export function deploySamples(serviceId: string, t: number, families: ReadonlySet<string>): DemoSample[] {
  const { service, curve } = timeline(serviceId);
  const latest = latestDeploy(serviceId, t);
  const samples: DemoSample[] = [];
  if (families.has('deploys')) {
    samples.push({ name: 'deploys_total', labels: { service: serviceId }, value: latest.count });
  }
  if (families.has('deploy_info')) {
    samples.push({ name: 'deploy_info', labels: { service: serviceId, version: versionOf(latest.count) }, value: 1 });
  }
  const age = t - latest.time;
  const rpsPerPod = service.requestsPerSecond / service.replicas;
  for (let slot = 0; slot < service.replicas; slot++) {
    const pod = podName(serviceId, latest.count, slot);
    const labels = { namespace: service.namespace, pod, container: serviceId, service: serviceId };
    const skew = 0.9 + 0.2 * unitHash('skew', pod);
    if (families.has('container_cpu_usage_seconds')) {
      const busy = trafficIntegral(serviceId, t) - trafficIntegral(serviceId, latest.time);
      const value = skew * (service.cpuIdleCores * age + service.cpuCoresPerRequestPerSecond * rpsPerPod * busy);
      samples.push({ name: 'container_cpu_usage_seconds_total', labels, value });
    }
    if (families.has('container_memory_working_set_bytes')) {
      const warmUp = Math.min(1, age / (6 * HOUR));
      const jitter = unitHash('memory', pod, Math.floor(t / 60));
      const load = curve.shape(cyclePosition(t).offset) - 1;
      const value = service.memoryBytes * skew * (0.8 + 0.12 * warmUp + 0.06 * load + 0.02 * jitter);
      samples.push({ name: 'container_memory_working_set_bytes', labels, value: Math.round(value) });
    }
    if (families.has('kube_pod_container_status_restarts')) {
      const value = restartsBetween(serviceId, slot, latest.time, t);
      samples.push({ name: 'kube_pod_container_status_restarts_total', labels, value });
    }
  }
  return samples;
}
