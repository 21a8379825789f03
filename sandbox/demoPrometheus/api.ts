/**
 * The embedded demo data source: the part of Prometheus' HTTP API the app and the sandbox's data
 * source use (`query`, `query_range`, `labels`, `label/<name>/values`, `series`, `metadata`,
 * `status/buildinfo`), answered in Prometheus' JSON shapes from the demo model and the recording
 * rules of the registry stored in the sandbox settings.
 */
import { METRIC_FAMILIES } from '../../src/demo';
import type { RegistryDocument } from '../../src/domain/model';
import { parsePromql, parseDuration } from './ast';
import { Evaluator } from './evaluate';
import { RecordedSource, virtualSeriesOf } from './recorded';
import { RawSource, SeriesSource } from './source';
import { DemoQueryError, Labels, Matcher, Sample, Value, formatValue, labelsKey, unsupported } from './values';

export interface DemoPrometheusOptions {
  /** The registry whose recording rules define the recorded series; read on every request. */
  registry: () => RegistryDocument | undefined;
  /** Unix seconds of "now"; default the clock. */
  now?: () => number;
  /** Seconds between notional scrapes of the model (default 60). */
  scrapeInterval?: number;
  /**
   * Evaluation interval (seconds) of rule groups without their own. Default 300: a 30-day window
   * over a 5-minute series is 8,640 evaluations (about a second from cold) where 1 minute would
   * take five times longer; the sandbox's real Prometheus evaluates every minute.
   */
  evaluationInterval?: number;
}

/** An answer: HTTP status and JSON body. */
export interface DemoAnswer {
  status: number;
  body: unknown;
}

const MAX_POINTS = 11_000;

function parseTime(text: string | null, fallback: number, name: string): number {
  if (text === null || text === '') {
    return fallback;
  }
  const seconds = Number(text);
  const value = Number.isFinite(seconds) ? seconds : Date.parse(text) / 1000;
  if (!Number.isFinite(value)) {
    throw new DemoQueryError(`invalid parameter "${name}": cannot parse "${text}" to a valid timestamp`);
  }
  return value;
}

function parseStep(text: string | null): number {
  const seconds = text === null ? NaN : /^\d+(\.\d+)?$/.test(text) ? Number(text) : parseDuration(text);
  if (!(seconds > 0)) {
    throw new DemoQueryError(
      'invalid parameter "step": zero or negative query resolution step widths are not accepted. Try a positive integer'
    );
  }
  return seconds;
}

function toJson(value: Value, t: number): { resultType: string; result: unknown } {
  switch (value.kind) {
    case 'scalar':
      return { resultType: 'scalar', result: [t, formatValue(value.value)] };
    case 'string':
      return { resultType: 'string', result: [t, value.value] };
    case 'vector':
      return {
        resultType: 'vector',
        result: value.samples.map((s) => ({ metric: s.labels, value: [t, formatValue(s.value)] })),
      };
    case 'matrix':
      return {
        resultType: 'matrix',
        result: value.series.map((s) => ({
          metric: s.labels,
          values: s.points.map(([pt, v]) => [pt, formatValue(v)]),
        })),
      };
  }
}

/** The demo data source; {@link DemoPrometheus.handle} answers one API request. */
export class DemoPrometheus {
  private readonly raw: RawSource;
  private compiled?: { key: string; evaluator: Evaluator; sources: SeriesSource[]; recorded: RecordedSource };

  constructor(private readonly options: DemoPrometheusOptions) {
    this.raw = new RawSource({ scrapeInterval: options.scrapeInterval ?? 60, now: () => this.now() });
  }

  private now(): number {
    return this.options.now ? this.options.now() : Date.now() / 1000;
  }

  /** The evaluator over the raw series and the current registry's recorded series (rebuilt when the registry changes). */
  private engine(): { evaluator: Evaluator; sources: SeriesSource[]; recorded: RecordedSource } {
    const doc = this.options.registry();
    const key = JSON.stringify(doc ?? null);
    if (this.compiled?.key !== key) {
      const rules = doc ? virtualSeriesOf(doc, this.options.evaluationInterval ?? 300) : [];
      const sources: SeriesSource[] = [this.raw];
      const evaluator = new Evaluator(sources);
      const recorded = new RecordedSource(
        rules,
        (expr, t) => evaluator.evaluate(expr, t),
        () => this.now()
      );
      sources.push(recorded);
      this.compiled = { key, evaluator, sources, recorded };
    }
    return this.compiled;
  }

  /** The evaluator, with the read budgets of a new query. */
  private begin(): { evaluator: Evaluator; sources: SeriesSource[] } {
    const engine = this.engine();
    engine.evaluator.beginQuery();
    this.raw.beginQuery();
    engine.recorded.beginQuery();
    return engine;
  }

  /** Evaluates `query` at `t` (an instant query). */
  query(query: string, t: number): Value {
    const expr = parsePromql(query);
    return this.begin().evaluator.evaluate(expr, t);
  }

  /** Evaluates `query` at `start`, `start + step`, ... `end` (a range query) into Prometheus' matrix JSON. */
  queryRange(query: string, start: number, end: number, step: number): unknown {
    if (end < start) {
      throw new DemoQueryError('invalid parameter "end": end timestamp must not be before start time');
    }
    if ((end - start) / step > MAX_POINTS) {
      throw new DemoQueryError(
        'exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)'
      );
    }
    const expr = parsePromql(query);
    const { evaluator } = this.begin();
    const series = new Map<string, { metric: Labels; values: Array<[number, string]> }>();
    for (let t = start; t <= end; t += step) {
      const value = evaluator.evaluate(expr, t);
      if (value.kind !== 'vector' && value.kind !== 'scalar') {
        throw new DemoQueryError(
          `invalid expression type "${value.kind === 'matrix' ? 'range vector' : 'string'}" for range query, must be Scalar or instant Vector`
        );
      }
      const samples: Sample[] = value.kind === 'scalar' ? [{ labels: {}, value: value.value }] : value.samples;
      for (const sample of samples) {
        const key = labelsKey(sample.labels);
        const entry = series.get(key) ?? { metric: sample.labels, values: [] };
        entry.values.push([t, formatValue(sample.value)]);
        series.set(key, entry);
      }
    }
    const result = [...series.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, entry]) => entry);
    return { resultType: 'matrix', result };
  }

  private seriesOf(params: URLSearchParams, required: boolean): Labels[] {
    const selectors = params.getAll('match[]');
    if (selectors.length === 0 && required) {
      throw new DemoQueryError('no match[] parameter provided');
    }
    const end = parseTime(params.get('end'), this.now(), 'end');
    const start = parseTime(params.get('start'), end, 'start');
    const matcherSets: Matcher[][] = selectors.map((selector) => {
      const expr = parsePromql(selector);
      if (expr.type !== 'selector') {
        throw new DemoQueryError(`invalid parameter "match[]": "${selector}" is not a series selector`);
      }
      return expr.matchers;
    });
    const { sources } = this.begin();
    const found = new Map<string, Labels>();
    for (const matchers of matcherSets.length > 0 ? matcherSets : [[]]) {
      for (const labels of sources.flatMap((source) => source.series(matchers, start, end))) {
        found.set(labelsKey(labels), labels);
      }
    }
    return [...found.values()];
  }

  private metadata(params: URLSearchParams): Record<string, unknown> {
    const wanted = params.get('metric');
    const limit = Number(params.get('limit') ?? -1);
    const entries = METRIC_FAMILIES.map((family) => [
      family.type === 'counter' ? `${family.name}_total` : family.name,
      [{ type: family.type, help: family.help, unit: '' }],
    ]).filter(([name]) => !wanted || name === wanted);
    return Object.fromEntries(limit >= 0 ? entries.slice(0, limit) : entries);
  }

  private route(method: string, path: string, params: URLSearchParams): unknown {
    const clean = path.replace(/^\/+/, '');
    const label = clean.match(/^api\/v1\/label\/([^/]+)\/values$/);
    if (method !== 'GET' && method !== 'POST') {
      throw new DemoQueryError(`method ${method} not allowed`, 'bad_data', 405);
    }
    if (clean === 'api/v1/query') {
      const t = parseTime(params.get('time'), this.now(), 'time');
      return toJson(this.query(params.get('query') ?? '', t), t);
    }
    if (clean === 'api/v1/query_range') {
      const start = parseTime(params.get('start'), NaN, 'start');
      const end = parseTime(params.get('end'), NaN, 'end');
      return this.queryRange(params.get('query') ?? '', start, end, parseStep(params.get('step')));
    }
    if (clean === 'api/v1/series') {
      return this.seriesOf(params, true);
    }
    if (clean === 'api/v1/labels') {
      return [...new Set(this.seriesOf(params, false).flatMap((labels) => Object.keys(labels)))].sort();
    }
    if (label) {
      const name = decodeURIComponent(label[1]);
      const values = this.seriesOf(params, false)
        .map((labels) => labels[name])
        .filter((v) => v !== undefined && v !== '');
      return [...new Set(values)].sort();
    }
    if (clean === 'api/v1/metadata') {
      return this.metadata(params);
    }
    if (clean === 'api/v1/status/buildinfo') {
      return {
        version: '2.42.0',
        revision: 'demo',
        branch: 'sandbox-demo',
        buildUser: 'sandbox',
        buildDate: '',
        goVersion: '',
      };
    }
    throw new DemoQueryError(unsupported(`the endpoint /${clean}`).message, 'not_found', 404);
  }

  /** Answers one API request (`path` as after the data source prefix, e.g. `api/v1/query`). */
  handle(method: string, path: string, params: URLSearchParams): DemoAnswer {
    try {
      return { status: 200, body: { status: 'success', data: this.route(method, path, params) } };
    } catch (error) {
      if (error instanceof DemoQueryError) {
        return { status: error.status, body: { status: 'error', errorType: error.errorType, error: error.message } };
      }
      return { status: 500, body: { status: 'error', errorType: 'internal', error: (error as Error).message } };
    }
  }
}
