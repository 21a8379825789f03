/**
 * One service's four-week cycle cut into segments in which no incident starts or ends. A counter
 * grows at `requestsPerSecond × traffic curve × weight`, where the weight (e.g. the share of
 * `/cart` requests answered 200) is constant inside a segment. Its value at any time is then an
 * exact sum of integrals, the same whether asked once or every 15 seconds.
 */
import { Effect, effectWindows } from './incidents';
import { DemoService, demoService } from './services';
import { CYCLE_SECONDS, cyclePosition } from './time';
import { TrafficCurve, trafficCurve } from './traffic';

export interface Segment {
  start: number;
  end: number;
  effects: Effect[];
}

/** Events per request in a segment, e.g. the share of requests that are `/cart` 404s. */
export type Weight = (effects: Effect[]) => number;

interface Prefix {
  /** Integral from the cycle start to each segment's start, weight included. */
  before: number[];
  weights: number[];
  cycleTotal: number;
}

export interface Timeline {
  service: DemoService;
  curve: TrafficCurve;
  segments: Segment[];
  /** Index of the segment containing a cycle offset. */
  segmentAt(offset: number): number;
  /** Events counted since {@link DEMO_ORIGIN} up to `t`, for the weight cached under `key`. */
  count(key: string, weight: Weight, t: number): number;
}

const timelines = new Map<string, Timeline>();

/** The (cached) timeline of a demo service. */
export function timeline(serviceId: string): Timeline {
  let found = timelines.get(serviceId);
  if (!found) {
    found = buildTimeline(demoService(serviceId));
    timelines.set(serviceId, found);
  }
  return found;
}

function buildTimeline(service: DemoService): Timeline {
  const curve = trafficCurve(service.id);
  const windows = effectWindows(service.id);
  const cuts = [...new Set([0, CYCLE_SECONDS, ...windows.flatMap((w) => [w.start, w.end])])]
    .filter((cut) => cut >= 0 && cut <= CYCLE_SECONDS)
    .sort((a, b) => a - b);
  const segments = cuts.slice(0, -1).map((start, i) => ({
    start,
    end: cuts[i + 1],
    effects: windows.filter((w) => w.start <= start && w.end >= cuts[i + 1]).map((w) => w.effect),
  }));
  const prefixes = new Map<string, Prefix>();
  const startIntegrals = segments.map((segment) => curve.integral(segment.start));
  // Every series of a service is read at the same times: remember the last integral computed.
  let last = { offset: NaN, integral: 0 };
  const integralAt = (offset: number): number => {
    if (offset !== last.offset) {
      last = { offset, integral: curve.integral(offset) };
    }
    return last.integral;
  };

  const segmentAt = (offset: number): number => {
    let low = 0;
    let high = segments.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (segments[middle].start <= offset) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return low;
  };

  const prefixFor = (key: string, weight: Weight): Prefix => {
    let prefix = prefixes.get(key);
    if (!prefix) {
      const weights = segments.map((segment) => weight(segment.effects));
      const before: number[] = [];
      let total = 0;
      segments.forEach((segment, i) => {
        before.push(total);
        total += weights[i] * (curve.integral(segment.end) - startIntegrals[i]);
      });
      prefix = { before, weights, cycleTotal: total };
      prefixes.set(key, prefix);
    }
    return prefix;
  };

  return {
    service,
    curve,
    segments,
    segmentAt,
    count: (key, weight, t) => {
      const { cycle, offset } = cyclePosition(t);
      const prefix = prefixFor(key, weight);
      const i = segmentAt(offset);
      const partial = prefix.weights[i] * (integralAt(offset) - startIntegrals[i]);
      return service.requestsPerSecond * (cycle * prefix.cycleTotal + prefix.before[i] + partial);
    },
  };
}
