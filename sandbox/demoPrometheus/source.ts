/**
 * Raw series of the demo data source, read from the demo workload model (src/demo). The model's
 * counters are exact integrals, so a series has a value at every instant; the source pretends it
 * was scraped every `scrapeInterval` seconds only where a function needs the individual samples
 * of a window (`*_over_time`, or `rate` over series that appear or vanish inside the window).
 *
 * `rate`/`increase`/`delta` therefore see the counter exactly at both window ends, so Prometheus'
 * extrapolation has nothing to add: the answer is what Prometheus gives when samples fall on
 * both ends (as on the 5-minute grid of the backfilled history), and the exact count elsewhere,
 * where Prometheus extrapolates the samples inside the window (and returns nothing for a window
 * holding one sample, e.g. `[5m]` over 5-minute data).
 */
import { DEMO_SERVICE_IDS, METRIC_FAMILIES, sampleSeries } from '../../src/demo';
import type { RangeNeed } from './functions';
import { DemoQueryError, Labels, Matcher, NAME, Sample, Series, labelsKey, matchesAll } from './values';

/** What the evaluator reads series from: the demo model, or the recording rules. */
export interface SeriesSource {
  /** Series matching at time `t`, each with its value then. */
  instant(matchers: Matcher[], t: number): Sample[];
  /** Series matching in `[start, end]` with the points a range function needs. */
  range(matchers: Matcher[], start: number, end: number, need: RangeNeed): Series[];
  /** Label sets of the matching series that have samples in `[start, end]` (for the metadata APIs). */
  series(matchers: Matcher[], start: number, end: number): Labels[];
}

interface Family {
  name: string;
  sampleNames: string[];
  labels: string[];
}

const FAMILIES: Family[] = METRIC_FAMILIES.map((family) => ({
  name: family.name,
  sampleNames:
    family.type === 'counter'
      ? [`${family.name}_total`]
      : family.type === 'histogram'
        ? ['_bucket', '_count', '_sum'].map((suffix) => family.name + suffix)
        : [family.name],
  labels: [NAME, ...family.labels, ...(family.type === 'histogram' ? ['le'] : [])],
}));

/** Metric names of the demo model, e.g. `http_requests_total`. */
export const RAW_METRIC_NAMES = FAMILIES.flatMap((family) => family.sampleNames);

export interface RawSourceOptions {
  /** Seconds between the notional scrapes used when a window's individual samples are needed. */
  scrapeInterval: number;
  /** Unix seconds of "now": the model has no samples after it. */
  now: () => number;
  /** Model reads (one service, one family, one time) allowed per query before it is refused. */
  maxReads?: number;
}

/** The demo model as a {@link SeriesSource}, with memoised reads. */
export class RawSource implements SeriesSource {
  private readonly memo = new Map<string, Sample[]>();
  private readonly plans = new WeakMap<Matcher[], Array<{ family: string; service: string }>>();
  private reads = 0;

  constructor(private readonly options: RawSourceOptions) {}

  /** Starts the read budget of a new query. */
  beginQuery(): void {
    this.reads = 0;
  }

  /** Families and services whose series could match: every matcher that needs a label the family lacks rules it out. */
  private candidates(matchers: Matcher[]): Array<{ family: string; service: string }> {
    const known = this.plans.get(matchers);
    if (known) {
      return known;
    }
    const services = DEMO_SERVICE_IDS.filter((id) =>
      matchers.every((matcher) => matcher.name !== 'service' || matcher.test(id))
    );
    const families = FAMILIES.filter(
      (family) =>
        family.sampleNames.some((name) => matchers.every((m) => m.name !== NAME || m.test(name))) &&
        matchers.every((m) => family.labels.includes(m.name) || m.test(''))
    );
    const plan = families.flatMap((family) => services.map((service) => ({ family: family.name, service })));
    this.plans.set(matchers, plan);
    return plan;
  }

  private read(family: string, service: string, t: number): Sample[] {
    const key = `${family}|${service}|${t}`;
    let samples = this.memo.get(key);
    if (!samples) {
      if (++this.reads > (this.options.maxReads ?? 150_000)) {
        throw new DemoQueryError(
          'the query reads too much of the demo model; narrow the range or run npm run sandbox:prometheus',
          'execution',
          422
        );
      }
      if (this.memo.size > 1_000_000) {
        this.memo.clear();
      }
      samples = sampleSeries(service, t, [family]).map((s) => ({
        labels: { [NAME]: s.name, ...s.labels },
        value: s.value,
      }));
      this.memo.set(key, samples);
    }
    return samples;
  }

  instant(matchers: Matcher[], t: number): Sample[] {
    if (t > this.options.now()) {
      return [];
    }
    return this.candidates(matchers).flatMap(({ family, service }) =>
      this.read(family, service, t).filter((sample) => matchesAll(sample.labels, matchers))
    );
  }

  range(matchers: Matcher[], start: number, end: number, need: RangeNeed): Series[] {
    if (need === 'ends' || need === 'lastTwo') {
      // The counter at both window ends (or at the last two scrapes): exact, when no series starts or stops inside.
      const first = need === 'ends' ? start : end - this.options.scrapeInterval;
      const before = first >= start ? this.instant(matchers, first) : [];
      const after = this.instant(matchers, end);
      const earlier = new Map(before.map((sample) => [labelsKey(sample.labels), sample]));
      if (before.length === after.length && after.every((sample) => earlier.has(labelsKey(sample.labels)))) {
        return after.map((sample) => ({
          labels: sample.labels,
          points: [
            [first, earlier.get(labelsKey(sample.labels))!.value],
            [end, sample.value],
          ],
        }));
      }
    }
    const step = this.options.scrapeInterval;
    const bySeries = new Map<string, Series>();
    for (let t = Math.ceil(start / step) * step; t <= end; t += step) {
      for (const sample of this.instant(matchers, t)) {
        const key = labelsKey(sample.labels);
        const series = bySeries.get(key) ?? { labels: sample.labels, points: [] };
        series.points.push([t, sample.value]);
        bySeries.set(key, series);
      }
    }
    return [...bySeries.values()];
  }

  series(matchers: Matcher[], start: number, end: number): Labels[] {
    const found = new Map<string, Labels>();
    for (const t of [start, end]) {
      for (const sample of this.instant(matchers, Math.min(t, this.options.now()))) {
        found.set(labelsKey(sample.labels), sample.labels);
      }
    }
    return [...found.values()];
  }
}
