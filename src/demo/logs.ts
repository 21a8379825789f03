/**
 * Access logs of the demo services: one logfmt line per {@link LOG_SAMPLING} requests, in Loki
 * streams labelled `service` and `level`. The n-th line of a route and level is written when
 * that route's request counter passes n × LOG_SAMPLING, so log counts agree with the metrics
 * and any time range gives the same lines whoever asks.
 */
import { medianLatency } from './behaviour';
import { requestCount } from './http';
import { hexHash, unitHash } from './noise';
import { DemoRoute } from './services';
import { cyclePosition } from './time';
import { timeline } from './timeline';

export const LOG_SAMPLING = 20;

export const LOG_LEVELS = ['info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface DemoLogLine {
  /** Unix seconds, millisecond precision. */
  time: number;
  labels: { service: string; level: LogLevel };
  line: string;
}

export interface LogQuery {
  /** Most lines returned, newest first; default 100. */
  limit?: number;
  /** Only lines of this level. */
  level?: LogLevel;
}

interface LogStream {
  route: DemoRoute;
  level: LogLevel;
  codes: string[];
}

function streams(serviceId: string, level?: LogLevel): LogStream[] {
  return timeline(serviceId).service.routes.flatMap((route) =>
    [
      { route, level: 'info' as const, codes: ['200'] },
      { route, level: 'warn' as const, codes: [route.clientErrorCode] },
      { route, level: 'error' as const, codes: ['500', '503'] },
    ].filter((stream) => level === undefined || stream.level === level)
  );
}

/** Lines of a stream written up to `t`. */
function linesUpTo(serviceId: string, stream: LogStream, t: number): number {
  const requests = stream.codes.reduce((sum, code) => sum + requestCount(serviceId, stream.route, code, t), 0);
  return Math.floor(requests / LOG_SAMPLING);
}

/** Number of log lines of a service per level in `(from, to]`. */
export function logCounts(serviceId: string, from: number, to: number): Record<LogLevel, number> {
  const counts: Record<LogLevel, number> = { info: 0, warn: 0, error: 0 };
  for (const stream of streams(serviceId)) {
    counts[stream.level] += linesUpTo(serviceId, stream, to) - linesUpTo(serviceId, stream, from);
  }
  return counts;
}

function renderLine(serviceId: string, stream: LogStream, index: number, time: number): DemoLogLine {
  const { route } = stream;
  const tl = timeline(serviceId);
  const effects = tl.segments[tl.segmentAt(cyclePosition(time).offset)].effects;
  const status = stream.codes[Math.floor(unitHash('status', serviceId, route.path, index) * stream.codes.length)];
  // Box–Muller: a log-normal latency around the route's current median.
  const u = Math.max(1e-9, unitHash('latency-u', serviceId, route.path, stream.level, index));
  const v = unitHash('latency-v', serviceId, route.path, stream.level, index);
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  const duration = medianLatency(route, effects) * Math.exp(route.latencySpread * z);
  const traceId = hexHash(32, 'trace', serviceId, route.path, stream.level, index);
  const msg = stream.level === 'error' ? 'request failed' : 'request completed';
  return {
    time,
    labels: { service: serviceId, level: stream.level },
    line: `level=${stream.level} msg="${msg}" route=${route.path} method=${route.method} status=${status} duration=${duration.toFixed(3)} trace_id=${traceId}`,
  };
}

const CHUNK_SECONDS = 300;

/** Lines of a stream whose counter crossed their threshold during whole seconds `[start, end)`. */
function linesIn(serviceId: string, stream: LogStream, start: number, end: number): DemoLogLine[] {
  const lines: DemoLogLine[] = [];
  let before = linesUpTo(serviceId, stream, start);
  if (linesUpTo(serviceId, stream, end) === before) {
    return lines;
  }
  for (let second = start; second < end; second++) {
    const after = linesUpTo(serviceId, stream, second + 1);
    for (let index = before + 1; index <= after; index++) {
      const millis = Math.floor(unitHash('ms', serviceId, stream.route.path, stream.level, index) * 1000);
      lines.push(renderLine(serviceId, stream, index, second + millis / 1000));
    }
    before = after;
  }
  return lines;
}

/** The newest log lines of a service in `(from, to]` (Unix seconds), newest first. */
export function logLines(serviceId: string, from: number, to: number, query: LogQuery = {}): DemoLogLine[] {
  const limit = query.limit ?? 100;
  const selected = streams(serviceId, query.level);
  const first = Math.floor(from);
  const lines: DemoLogLine[] = [];
  for (let end = Math.ceil(to); end > first && lines.length < limit; end -= CHUNK_SECONDS) {
    const start = Math.max(first, end - CHUNK_SECONDS);
    const chunk = selected
      .flatMap((stream) => linesIn(serviceId, stream, start, end))
      .filter((line) => line.time > from && line.time <= to);
    lines.push(...chunk.sort((a, b) => b.time - a.time));
  }
  return lines.slice(0, limit);
}
