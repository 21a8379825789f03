/**
 * The period report of a full month read from a real Prometheus equals the figures worked out by
 * hand from the backfilled series. Backfilled: the hourly tiles the rules record
 * (`slo:sli_error:increase1h`, `slo:sli_total:increase1h`, one sample an hour on the hour, each
 * counting the hour before it) of a UTC SLO and a Europe/Berlin SLO, the 5-minute error ratio of a
 * freeform SLO, and `ALERTS_FOR_STATE` of two page burn alerts (one before the month, one in it).
 * The hand computation reads only the samples: the tiles stamped after the period's start up to
 * its end, in each SLO's own time zone.
 */
import { parsePeriodName, periodName, previousCalendarPeriod } from '../../src/domain/budget/period';
import { RegistryDocument } from '../../src/domain/model';
import { PeriodReport, SloReport } from '../../src/domain/reports';
import { baseRegistry, baseSlo } from '../../src/domain/testing/builders';
import { runCli } from '../../src/cli/run';
import { fakeIo } from '../../src/cli/testing/fakeIo';
import { yamlOf } from '../../src/cli/testing/grafanaCli';
import { BackfilledPrometheus, GaugeFamily, startBackfilledPrometheus, toOpenMetrics } from '../helpers/promBackfill';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The last full month that ended at least two days ago (the backfill must end over 2 h before now). */
const MONTH = periodName('month', new Date(previousCalendarPeriod('month', new Date(Date.now() - 2 * DAY)).start));
const bounds = (timeZone: string) => {
  const parsed = parsePeriodName(MONTH, timeZone);
  if ('message' in parsed) {
    throw new Error(parsed.message);
  }
  return { start: parsed.period.start.getTime(), end: parsed.period.end.getTime() };
};
const UTC = bounds('UTC');
const BERLIN = bounds('Europe/Berlin');

const doc: RegistryDocument = {
  ...baseRegistry(),
  slos: [
    baseSlo('ratio', { id: 'checkout-availability', name: 'Checkout availability', objective: 99 }),
    baseSlo('freeform', { id: 'checkout-freeform', name: 'Checkout freeform', objective: 99.5 }),
    baseSlo('ratio', {
      id: 'payments-availability',
      serviceId: 'payments',
      name: 'Payments availability',
      objective: 99.9,
      timeZone: 'Europe/Berlin',
    }),
  ],
};

/** Hourly tiles from a day before the earliest start to a day after the latest end. */
const TILE_FROM = Math.min(UTC.start, BERLIN.start) - DAY;
const TILE_TO = Math.max(UTC.end, BERLIN.end) + DAY;
const tileTimes = Array.from({ length: (TILE_TO - TILE_FROM) / HOUR + 1 }, (_, i) => TILE_FROM + i * HOUR);

/** Errors and events of a tile: steady, with a burst on the 10th day of the month. */
function tile(sloId: string, time: number): { errors: number; total: number } {
  const hour = Math.round((time - TILE_FROM) / HOUR);
  const total = 1_000 + (hour % 24) * 40 + (sloId.length % 3) * 7;
  const burst = time > UTC.start + 9 * DAY && time <= UTC.start + 10 * DAY && sloId === 'checkout-availability';
  return { errors: burst ? 80 + (hour % 5) : (hour * 7) % 5, total };
}

/** The freeform SLO's 5-minute error ratio, every 5 minutes. */
const ratioTimes = Array.from(
  { length: (UTC.end + HOUR - (UTC.start - HOUR)) / 300_000 + 1 },
  (_, i) => UTC.start - HOUR + i * 300_000
);
const ratioAt = (time: number) => ((time / 300_000) % 7) / 1000;

/** ALERTS_FOR_STATE of a page alert firing for `minutes` from `start`, one sample a minute. */
function firing(sloId: string, start: number, minutes: number) {
  return {
    labels: {
      alertname: 'SLOErrorBudgetBurn',
      sloth_id: sloId,
      sloth_service: 'checkout',
      sloth_severity: 'page',
      burn_tier: 'page-fast',
    },
    samples: Array.from({ length: minutes }, (_, i): [number, number] => [(start + i * 60_000) / 1000, start / 1000]),
  };
}

function families(): GaugeFamily[] {
  const labels = (sloId: string, window: string) => ({
    sloth_id: sloId,
    sloth_service: sloId.split('-')[0],
    sloth_window: window,
  });
  const tiled = ['checkout-availability', 'payments-availability'];
  const series = (measure: 'errors' | 'total') =>
    tiled.map((id) => ({
      labels: labels(id, '1h'),
      samples: tileTimes.map((t): [number, number] => [t / 1000, tile(id, t)[measure]]),
    }));
  return [
    { name: 'slo:sli_error:increase1h', series: series('errors') },
    { name: 'slo:sli_total:increase1h', series: series('total') },
    {
      name: 'slo:sli_error:ratio_rate5m',
      series: [
        {
          labels: labels('checkout-freeform', '5m'),
          samples: ratioTimes.map((t): [number, number] => [t / 1000, ratioAt(t)]),
        },
      ],
    },
    {
      name: 'ALERTS_FOR_STATE',
      series: [
        firing('checkout-availability', UTC.start - 3 * HOUR, 30),
        firing('checkout-availability', UTC.start + 9 * DAY + 2 * HOUR, 45),
      ],
    },
  ];
}

/** The tiles of `sloId` stamped in (start, end], summed: what the month holds by definition. */
function byHand(sloId: string, { start, end }: { start: number; end: number }) {
  const inside = tileTimes.filter((t) => t > start && t <= end).map((t) => tile(sloId, t));
  return {
    errors: inside.reduce((sum, t) => sum + t.errors, 0),
    total: inside.reduce((sum, t) => sum + t.total, 0),
  };
}

function worstDayByHand(sloId: string, { start, end }: { start: number; end: number }) {
  let worst = { start: 0, attainment: Infinity };
  for (let day = start; day < end; day += DAY) {
    const { errors, total } = byHand(sloId, { start: day, end: day + DAY });
    const attainment = (1 - errors / total) * 100;
    if (attainment < worst.attainment) {
      worst = { start: day, attainment };
    }
  }
  return { start: new Date(worst.start).toISOString(), attainment: worst.attainment };
}

function sloOf(report: PeriodReport, id: string): SloReport {
  return report.owners
    .flatMap((owner) => owner.services.flatMap((service) => service.slos))
    .find((slo) => slo.sloId === id)!;
}

describe('period report from a real Prometheus', () => {
  let prometheus: BackfilledPrometheus | undefined;

  beforeAll(async () => {
    prometheus = await startBackfilledPrometheus(toOpenMetrics(families()));
  }, 240_000);

  afterAll(async () => {
    await prometheus?.stop();
  });

  test(`the report of ${MONTH} equals the month worked out from the backfilled samples`, async () => {
    const io = fakeIo({ fetch: (url, init) => fetch(url, init), files: { 'registry.yaml': yamlOf(doc, true) } });
    const code = await runCli(
      ['report', 'registry.yaml', '--month', MONTH, '--prometheus', prometheus!.url, '--format', 'json'],
      io
    );
    expect(io.stderrText).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(io.stdoutText) as PeriodReport;
    expect(report).toMatchObject({ period: MONTH, status: 'ended', failures: [] });

    for (const [id, period, objective] of [
      ['checkout-availability', UTC, 99],
      ['payments-availability', BERLIN, 99.9],
    ] as const) {
      const { errors, total } = byHand(id, period);
      const slo = sloOf(report, id);
      expect(slo.events).toEqual({ total, good: total - errors });
      expect(slo.attainment).toBeCloseTo((1 - errors / total) * 100, 9);
      expect(slo.budgetSpent).toBeCloseTo((errors / ((1 - objective / 100) * total)) * 100, 9);
      expect(slo.outcome).toBe((1 - errors / total) * 100 >= objective ? 'met' : 'missed');
      const worst = worstDayByHand(id, period);
      expect(slo.worstDay?.start).toBe(worst.start);
      expect(slo.worstDay?.attainment).toBeCloseTo(worst.attainment, 9);
    }
    expect(sloOf(report, 'checkout-availability').worstDay?.start).toBe(new Date(UTC.start + 9 * DAY).toISOString());
    expect(sloOf(report, 'checkout-availability').incidents).toBe(1);
    expect(sloOf(report, 'payments-availability')).toMatchObject({
      start: new Date(BERLIN.start).toISOString(),
      incidents: 0,
    });

    // freeform: the mean of the 5-minute ratios stamped in (start, end]
    const ratios = ratioTimes.filter((t) => t > UTC.start && t <= UTC.end).map(ratioAt);
    const mean = ratios.reduce((sum, r) => sum + r, 0) / ratios.length;
    expect(sloOf(report, 'checkout-freeform')).toMatchObject({ weighted: false });
    expect(sloOf(report, 'checkout-freeform').attainment).toBeCloseTo((1 - mean) * 100, 9);

    // Ana's total: good over events of her one weighted SLO; the freeform one is left out
    const ana = report.owners.find((owner) => owner.ownerId === 'ana')!;
    const checkout = byHand('checkout-availability', UTC);
    expect(ana.totals).toMatchObject({
      unweighted: 1,
      events: { total: checkout.total, good: checkout.total - checkout.errors },
    });
  });
});
