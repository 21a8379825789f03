import { baseSlo } from '../../../../domain/testing/builders';
import { burnDown, burnDownFromSli } from './burnDown';
import { previewPlan, windowRange } from './previewPlan';
import { previewQueries } from './previewScene';
import { readSummary } from './readSummary';

describe('preview plan', () => {
  test('a 30-day ratio SLO: 6h buckets over the window, counts for the burn-down, checks for no data', () => {
    const plan = previewPlan(baseSlo('ratio'))!;
    expect(plan).toMatchObject({ language: 'promql', from: 'now-30d', bucket: '6h', objective: 0.999, allowed: 0.001 });
    expect(plan.totalExpr).toBe('sum(increase(http_requests_total{service="checkout"}[6h]))');
    expect(plan.summary.map((query) => query.refId)).toEqual(['ratio', 'series', 'events']);
    expect(previewQueries(plan, { uid: 'prom' })).toMatchObject({
      datasource: { uid: 'prom', type: 'prometheus' },
      sli: [{ refId: 'sli', range: true, instant: false }],
      budget: [{ refId: 'errors' }, { refId: 'total' }],
      runner: { maxDataPoints: 200, minInterval: '6h' },
    });
  });

  test('a 7-day window uses 1h buckets; a calendar month starts at the month and reads the hours so far', () => {
    expect(previewPlan(baseSlo('ratio', { window: '7d' }))?.bucket).toBe('1h');
    const now = new Date(Date.UTC(2026, 10, 3, 12, 30));
    const plan = previewPlan(baseSlo('ratio', { window: 'calendar-month' }), now)!;
    expect(plan.from).toBe('now/M');
    expect(windowRange('calendar-month', now)).toBe('61h');
    // a month in Berlin (UTC+1 in winter) started an hour earlier; the quarter on 1 October, the
    // ISO week on Monday 2 November
    expect(windowRange('calendar-month', now, 'Europe/Berlin')).toBe('62h');
    expect(windowRange('calendar-quarter', now)).toBe(`${(31 + 2) * 24 + 13}h`);
    expect(windowRange('calendar-week', now)).toBe('37h');
    expect(plan.summary[0].expr).toContain('[61h]');
  });

  test('freeform SLIs have no counts: the burn-down comes from the SLI; log SLIs query Loki', () => {
    const freeform = previewPlan(baseSlo('freeform'))!;
    expect(freeform.errorsExpr).toBeUndefined();
    expect(previewQueries(freeform, { uid: 'prom' }).budget.map((query) => query.refId)).toEqual(['sli']);
    const logs = previewPlan(baseSlo('logRatio'))!;
    expect(previewQueries(logs, { uid: 'logs' })).toMatchObject({
      datasource: { uid: 'logs', type: 'loki' },
      sli: [{ queryType: 'range' }],
    });
    expect(logs.summary.map((query) => query.refId)).toEqual(['ratio', 'events']);
  });

  test('a grouped SLO adds one query for every group at once; a freeform SLI is grouped only as written', () => {
    const plan = previewPlan(baseSlo('ratio', { groupBy: ['tenant'] }))!;
    expect(plan.groupBy).toEqual(['tenant']);
    expect(plan.summary.map((query) => query.refId)).toEqual(['ratio', 'groups', 'series', 'events']);
    expect(plan.summary[1].expr).toContain('sum by (tenant) (rate(http_requests_total{service="checkout"}[30d]))');
    const freeform = previewPlan(baseSlo('freeform', { groupBy: ['tenant'] }))!;
    expect(freeform.groupBy).toEqual([]);
    expect(freeform.summary.map((query) => query.refId)).toEqual(['ratio']);
  });

  test("the summary reads each group's SLI and budget, the least budget left first, no traffic last", () => {
    const ok = (samples: Array<[Record<string, string>, number]>) => ({
      ok: true as const,
      samples: samples.map(([labels, value]) => ({ labels, value })),
    });
    const summary = readSummary(
      {
        ratio: ok([[{}, 0.0005]]),
        groups: ok([
          [{ tenant: 'acme' }, 0.0001],
          [{ tenant: 'quiet' }, NaN],
          [{ tenant: 'globex' }, 0.002],
        ]),
      },
      99.9,
      ['tenant']
    );
    expect(summary.kind === 'measured' && summary.groups).toEqual([
      { labels: { tenant: 'globex' }, sli: 0.998, budgetLeft: -1 },
      { labels: { tenant: 'acme' }, sli: 0.9999, budgetLeft: expect.closeTo(0.9, 10) },
      { labels: { tenant: 'quiet' } },
    ]);
  });

  test('an invalid window gives no plan', () => {
    expect(previewPlan(baseSlo('ratio', { window: 'soon' }))).toBeUndefined();
  });
});

describe('burn-down', () => {
  test('the budget of all events in the range falls with each bucket errors, down to what is left', () => {
    // 4,000 events at 99.9% allow 4 errors
    expect(burnDown([1, 2, 3, 4], [0, 1, 0, 3], [0, 1000, 1000, 2000], 0.001)).toEqual([
      { time: 1, budgetLeft: 1 },
      { time: 2, budgetLeft: 0.75 },
      { time: 3, budgetLeft: 0.75 },
      { time: 4, budgetLeft: 0 },
    ]);
  });

  test('no events in the range: no line, not 100%', () => {
    expect(burnDown([1, 2], [0, 0], [0, NaN], 0.001).map((point) => point.budgetLeft)).toEqual([null, null]);
  });

  test('from the SLI per bucket, every bucket weighing the same; empty buckets add nothing', () => {
    const points = burnDownFromSli([1, 2, 3], [0.9995, NaN, 0.9985], 0.001);
    expect(points.map((point) => point.budgetLeft?.toFixed(3))).toEqual(['0.750', '0.750', '0.000']);
  });
});
