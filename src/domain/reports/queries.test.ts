import { baseSlo } from '../testing/builders';
import { manyServices } from '../testing/manyServices';
import { NOW, reportRegistry } from './fixtures';
import { planReport, ReportPlan } from './plan';
import { reportQueries } from './queries';

function plan(doc = reportRegistry(), name = '2026-11', now = NOW): ReportPlan {
  const planned = planReport(doc, name, now);
  if ('message' in planned) {
    throw new Error(planned.message);
  }
  return planned;
}

/** A registry of about `count` SLOs, all in UTC, or every other service's in Berlin. */
function registryOf(count: number, zones: 'one' | 'two') {
  const doc = manyServices(Math.ceil((count / 2) * 3));
  return {
    ...doc,
    slos: doc.slos.map((slo, i) => (zones === 'two' && i % 2 === 1 ? { ...slo, timeZone: 'Europe/Berlin' } : slo)),
  };
}

describe('reportQueries', () => {
  test.each([20, 200, 2000])('%d SLOs in one time zone: three queries, whatever the count', (count) => {
    const doc = registryOf(count, 'one');
    expect(doc.slos.length).toBeGreaterThanOrEqual(count);
    expect(reportQueries(plan(doc)).map((query) => [query.id, query.kind])).toEqual([
      ['g0.figures', 'instant'],
      ['g0.days', 'range'],
      ['incidents', 'instant'],
    ]);
  });

  test.each([20, 200, 2000])('%d SLOs in two time zones: two queries per zone and one for incidents', (count) => {
    expect(reportQueries(plan(registryOf(count, 'two')))).toHaveLength(5);
  });

  test('the figures sum the hourly tiles over the period, 1 ms short, at its end', () => {
    const doc = { ...reportRegistry(), slos: [baseSlo('ratio', { id: 'checkout-availability' })] };
    const [figures, days, incidents] = reportQueries(plan(doc));
    const end = Date.UTC(2026, 11, 1) / 1000;
    expect(figures).toEqual({
      id: 'g0.figures',
      kind: 'instant',
      time: end * 1000,
      expr:
        `label_replace((sum by (sloth_id) (sum_over_time(slo:sli_error:increase1h[29d23h59m59s999ms] @ ${end}))), "measure", "errors", "", "")` +
        ` or label_replace((sum by (sloth_id) (sum_over_time(slo:sli_total:increase1h[29d23h59m59s999ms] @ ${end}))), "measure", "total", "", "")`,
    });
    expect(days).toMatchObject({
      kind: 'range',
      start: Date.UTC(2026, 10, 2),
      end: Date.UTC(2026, 11, 1),
      stepSeconds: 86_400,
    });
    expect(days.expr).toContain('sum_over_time(slo:sli_error:increase1h[23h59m59s999ms])');
    // a day before the period, for an incident open at its start
    expect(incidents).toMatchObject({ kind: 'instant', time: end * 1000 });
    expect(incidents.expr).toBe('ALERTS_FOR_STATE{sloth_severity="page", burn_tier!=""}[30d23h59m59s999ms]');
  });

  test('with several time zones each group reads only its SLOs; freeform SLIs average their 5-minute ratio', () => {
    const [utc, , berlin] = reportQueries(plan());
    expect(utc.expr).toContain('slo:sli_error:increase1h{sloth_id=~"checkout-availability|checkout-latency"}');
    expect(utc.expr).toContain(
      `avg by (sloth_id) (avg_over_time(slo:sli_error:ratio_rate5m{sloth_id=~"checkout-freeform"}[29d23h59m59s999ms] @ ${Date.UTC(2026, 11, 1) / 1000}))`
    );
    expect(berlin.expr).toContain(
      `slo:sli_total:increase1h{sloth_id=~"payments-availability"}[29d23h59m59s999ms] @ ${Date.UTC(2026, 10, 30, 23) / 1000}`
    );
    expect(berlin.expr).not.toContain('checkout');
  });

  test('a running period is read up to now, and its days up to the last full day', () => {
    const doc = { ...reportRegistry(), slos: [baseSlo('ratio', { id: 'checkout-availability' })] };
    const [figures, days] = reportQueries(plan(doc, '2026-12'));
    expect(figures.expr).toContain(`[5d11h59m59s999ms] @ ${NOW / 1000}`);
    expect(days).toMatchObject({ start: Date.UTC(2026, 11, 2), end: Date.UTC(2026, 11, 6) });
  });

  test('no days query before the first full day of a period', () => {
    const doc = { ...reportRegistry(), slos: [baseSlo('ratio', { id: 'checkout-availability' })] };
    const queries = reportQueries(plan(doc, '2026-12', Date.UTC(2026, 11, 1, 6)));
    expect(queries.map((query) => query.id)).toEqual(['g0.figures', 'incidents']);
  });
});
