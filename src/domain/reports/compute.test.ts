import { buildReport, hasData } from './compute';
import { answersFor, NOW, pageAlertFiring, reportRegistry } from './fixtures';
import { planReport, ReportPlan } from './plan';
import { PeriodReport, SloReport } from './types';

const doc = reportRegistry();

function plan(name = '2026-11', now = NOW): ReportPlan {
  const planned = planReport(doc, name, now);
  if ('message' in planned) {
    throw new Error(planned.message);
  }
  return planned;
}

function slo(report: PeriodReport, id: string): SloReport {
  const found = report.owners
    .flatMap((owner) => owner.services.flatMap((service) => service.slos))
    .find((s) => s.sloId === id);
  if (!found) {
    throw new Error(`no ${id} in the report`);
  }
  return found;
}

const DAY = 86_400_000;
const NOV_START = Date.UTC(2026, 10, 1);

describe('buildReport', () => {
  test.each([
    // errors, events, objective 99.9: attainment, budget spent, outcome
    [30, 100_000, 99.97, 30, 'met'],
    [100, 100_000, 99.9, 100, 'met'],
    [200, 100_000, 99.8, 200, 'missed'],
  ])(
    '%d errors of %d events against 99.9 %%: attainment %d %%, budget %d %%, %s',
    (errors, total, attainment, spent, outcome) => {
      const planned = plan();
      const report = buildReport(
        doc,
        planned,
        answersFor(planned, { 'checkout-availability': { period: { errors, total } } })
      );
      const line = slo(report, 'checkout-availability');
      expect(line.attainment).toBeCloseTo(attainment, 10);
      expect(line.budgetSpent).toBeCloseTo(spent, 10);
      expect(line.outcome).toBe(outcome);
      expect(line.events).toEqual({ total, good: total - errors });
      expect(line.weighted).toBe(true);
    }
  );

  test('a freeform SLI is the mean of its ratio, unweighted, and left out of the owner’s weighted total', () => {
    const planned = plan();
    const report = buildReport(
      doc,
      planned,
      answersFor(planned, {
        'checkout-availability': { period: { errors: 50, total: 100_000 } },
        'checkout-freeform': { period: { ratio: 0.004 } },
      })
    );
    const freeform = slo(report, 'checkout-freeform');
    expect(freeform).toMatchObject({ weighted: false, outcome: 'met' });
    expect(freeform.attainment).toBeCloseTo(99.6, 10);
    expect(freeform.budgetSpent).toBeCloseTo(80, 10);
    expect(freeform.events).toBeUndefined();
    const ana = report.owners.find((owner) => owner.ownerId === 'ana')!;
    expect(ana.totals).toMatchObject({
      unweighted: 1,
      met: 2,
      missed: 0,
      noData: 1,
      events: { total: 100_000, good: 99_950 },
    });
    expect(ana.totals.attainment).toBeCloseTo(99.95, 10);
  });

  test('owner totals weigh each SLO by its events, not each SLO the same', () => {
    const planned = plan();
    const report = buildReport(
      doc,
      planned,
      answersFor(planned, {
        'checkout-availability': { period: { errors: 30, total: 100_000 } },
        'checkout-latency': { period: { errors: 100, total: 1_000 } },
      })
    );
    const ana = report.owners.find((owner) => owner.ownerId === 'ana')!;
    // (99,970 + 900) / 101,000, where the mean of 99.97 % and 90 % would be 94.985 %.
    expect(ana.totals.attainment).toBeCloseTo((100_870 / 101_000) * 100, 10);
    expect(ana.totals).toMatchObject({ met: 1, missed: 1, events: { total: 101_000, good: 100_870 } });
  });

  test('the worst day is the day with the lowest attainment, named by its start', () => {
    const planned = plan();
    const report = buildReport(
      doc,
      planned,
      answersFor(planned, {
        'checkout-availability': {
          period: { errors: 60, total: 30_000 },
          days: [
            { errors: 1, total: 1_000 },
            { errors: 30, total: 1_000 },
            { errors: 0, total: 0 },
            { errors: 5, total: 1_000 },
          ],
        },
      })
    );
    expect(slo(report, 'checkout-availability').worstDay).toEqual({
      start: new Date(NOV_START + DAY).toISOString(),
      attainment: 97,
    });
  });

  test('an SLO without events has no data: neither met nor missed, and no figures', () => {
    const planned = plan();
    const report = buildReport(
      doc,
      planned,
      answersFor(planned, { 'checkout-availability': { period: { errors: 0, total: 0 } } })
    );
    const line = slo(report, 'checkout-availability');
    expect(line).toMatchObject({ outcome: 'noData', incidents: 0 });
    expect(line.attainment).toBeUndefined();
    expect(line.budgetSpent).toBeUndefined();
    expect(hasData(report)).toBe(false);
  });

  test('incidents count when they started in the SLO’s own period', () => {
    const planned = plan();
    const report = buildReport(
      doc,
      planned,
      answersFor(planned, {}, [
        // started before November (open at its start): not this period's
        pageAlertFiring('checkout-availability', 'checkout', NOV_START - 30 * 60_000, 60),
        pageAlertFiring('checkout-availability', 'checkout', NOV_START + 3 * DAY, 20),
        pageAlertFiring('checkout-availability', 'checkout', NOV_START + 9 * DAY, 20),
        // 30 November 23:30 UTC is already December in Berlin
        pageAlertFiring('payments-availability', 'payments', Date.UTC(2026, 10, 30, 23, 30), 10),
      ])
    );
    expect(slo(report, 'checkout-availability').incidents).toBe(2);
    expect(slo(report, 'payments-availability').incidents).toBe(0);
    expect(report.owners.find((owner) => owner.ownerId === 'ana')!.totals.incidents).toBe(2);
  });

  test('owners are listed by name, each with their services, and each SLO has the bounds of its time zone', () => {
    const planned = plan();
    const report = buildReport(doc, planned, answersFor(planned, {}));
    expect(
      report.owners.map((owner) => [owner.ownerId, owner.ownerName, owner.services.map((s) => s.serviceId)])
    ).toEqual([
      ['ana', 'Ana Lima', ['checkout']],
      ['bruno', 'Bruno Costa', ['payments']],
    ]);
    expect(slo(report, 'payments-availability')).toMatchObject({
      timeZone: 'Europe/Berlin',
      start: '2026-10-31T23:00:00.000Z',
      end: '2026-11-30T23:00:00.000Z',
    });
    expect(slo(report, 'checkout-availability')).toMatchObject({ timeZone: 'UTC', start: '2026-11-01T00:00:00.000Z' });
  });

  test('an ended period is final; the running one is in progress and read up to now', () => {
    const ended = buildReport(doc, plan('2026-11'), {});
    expect(ended.status).toBe('ended');
    const running = plan('2026-12');
    expect(buildReport(doc, running, {}).status).toBe('inProgress');
    expect(running.groups.find((group) => group.sloIds.includes('checkout-availability'))!.readEnd).toBe(NOW);
  });
});
