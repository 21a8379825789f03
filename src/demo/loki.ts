/** The JSON body of Loki's push API (`POST /loki/api/v1/push`) for demo log lines. */
import { DemoLogLine } from './logs';

export interface LokiPushRequest {
  streams: Array<{ stream: Record<string, string>; values: Array<[string, string]> }>;
}

/** Groups lines into one stream per label set, oldest line first, timestamps in nanoseconds. */
export function buildLokiPush(lines: DemoLogLine[]): LokiPushRequest {
  const streams = new Map<string, LokiPushRequest['streams'][number]>();
  for (const line of [...lines].sort((a, b) => a.time - b.time)) {
    const key = JSON.stringify(line.labels);
    const stream = streams.get(key) ?? { stream: { ...line.labels }, values: [] };
    stream.values.push([`${Math.round(line.time * 1000)}000000`, line.line]);
    streams.set(key, stream);
  }
  return { streams: [...streams.values()] };
}
