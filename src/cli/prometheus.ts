/**
 * A minimal client for Prometheus' HTTP API: instant queries (`GET /api/v1/query`). Every
 * failure (unreachable server, HTTP error, error status, unexpected body) is a `CliError` with
 * exit code 2.
 */
import { CliError } from './args';
import { CliIo, EXIT_USAGE } from './io';
import { httpUrl } from './shared';

export interface Sample {
  labels: Record<string, string>;
  /** NaN when Prometheus returned NaN (e.g. a ratio of zero events). */
  value: number;
}

const TIMEOUT_MS = 30_000;

/** Checks that `url` is an http(s) URL and returns it with a trailing slash for joining paths. */
export function prometheusBase(url: string): string {
  const parsed = httpUrl('prometheus', url, 'http://localhost:9090');
  return parsed.href.endsWith('/') ? parsed.href : `${parsed.href}/`;
}

/** Prometheus sample values are strings; `+Inf`, `-Inf` and `NaN` included. */
export function parseSampleValue(text: string): number {
  switch (text) {
    case '+Inf':
      return Infinity;
    case '-Inf':
      return -Infinity;
    default:
      return Number(text);
  }
}

function describeFetchError(error: unknown): string {
  const err = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') {
    return `no answer within ${TIMEOUT_MS / 1000} s`;
  }
  const cause = err?.cause?.code ?? err?.cause?.message;
  return cause ? `${err.message ?? 'fetch failed'} (${cause})` : (err?.message ?? String(error));
}

/**
 * Runs an instant query at `time` (unix seconds; Prometheus' "now" when absent) and returns the
 * samples of the resulting vector.
 */
export async function instantQuery(io: CliIo, base: string, query: string, time?: number): Promise<Sample[]> {
  const url = new URL('api/v1/query', base);
  url.searchParams.set('query', query);
  if (time !== undefined) {
    url.searchParams.set('time', String(time));
  }
  const where = `Prometheus at ${base}`;
  let status: number;
  let body: string;
  try {
    const signal = typeof AbortSignal.timeout === 'function' ? AbortSignal.timeout(TIMEOUT_MS) : undefined;
    const response = await io.fetch(url.href, { signal, headers: { Accept: 'application/json' } });
    status = response.status;
    body = await response.text();
  } catch (error) {
    throw new CliError(`cannot reach ${where}: ${describeFetchError(error)}`, EXIT_USAGE);
  }
  let parsed: {
    status?: string;
    error?: string;
    data?: { resultType?: string; result?: Array<{ metric?: Record<string, string>; value?: [number, string] }> };
  };
  try {
    parsed = JSON.parse(body);
  } catch {
    const start = body.slice(0, 80).replace(/\s+/g, ' ');
    throw new CliError(
      `${where} answered HTTP ${status} with a body that is not JSON ("${start}"); is this the Prometheus URL?`,
      EXIT_USAGE
    );
  }
  if (parsed.status !== 'success') {
    const reason = parsed.error ?? `HTTP ${status}`;
    throw new CliError(`${where} refused the query ${query}: ${reason}`, EXIT_USAGE);
  }
  const result = parsed.data?.result;
  if (parsed.data?.resultType !== 'vector' || !Array.isArray(result)) {
    throw new CliError(`${where} did not return a vector for ${query}`, EXIT_USAGE);
  }
  return result.map((sample) => ({
    labels: sample.metric ?? {},
    value: parseSampleValue(String(sample.value?.[1])),
  }));
}
