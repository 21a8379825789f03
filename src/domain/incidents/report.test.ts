import { AVAILABILITY, HOUR, LATENCY, MINUTE, incidentAlerts, incidentInputs, incidentRegistry } from './fixtures';
import { assessIncidents, incidentsWithoutPostmortem } from './report';

const DAY = Date.UTC(2024, 4, 1);

function report(options?: { mergeGapMs?: number }) {
  return assessIncidents({ ...incidentInputs(DAY), options });
}

const t = (hours: number, minutes = 0) => DAY + hours * HOUR + minutes * MINUTE;

describe('an alert history of three incidents', () => {
  const { incidents, stats, services, owners } = report();
  const [c, b, a] = incidents;

  it('merges A across its 6-minute gap and its overlapping page-slow alert, and ignores the ticket alert', () => {
    expect(incidents.map((incident) => incident.id)).toEqual([
      'checkout-availability-20240501-1600',
      'checkout-latency-20240501-1300',
      'checkout-availability-20240501-1000',
    ]);
    // A: page-fast 10:00–10:20 and 10:26–10:45, page-slow 10:05–10:15 → 10:00–10:45.
    expect(a).toMatchObject({ sloId: AVAILABILITY, serviceId: 'checkout', start: t(10), end: t(10, 45) });
    expect(a.tiers).toEqual(['page-fast', 'page-slow']);
    expect(a.durationMs).toBe(45 * MINUTE);
    // B: 13:00–13:30; C: from 16:00, open at the read time 17:00 (60 minutes so far).
    expect(b).toMatchObject({ start: t(13), end: t(13, 30), durationMs: 30 * MINUTE });
    expect(c.end).toBeUndefined();
    expect(c.durationMs).toBe(60 * MINUTE);
  });

  it('acknowledges A in the app and B late by a silence; C stays unacknowledged', () => {
    // The app's acknowledgement of the latency SLO at 12:55 precedes B; the 12:00 maintenance
    // silence started before B; carol's silence selects page-fast, C fires page-slow only.
    expect(a.acknowledged).toEqual({ sloId: AVAILABILITY, at: t(10, 4), by: 'ana', source: 'app' });
    expect(b.acknowledged).toEqual({ sloId: LATENCY, at: t(13, 25), by: 'bruno', source: 'silence' });
    expect(c.acknowledged).toBeUndefined();
  });

  it('gives the MTTA and MTTR the definitions say', () => {
    // MTTA over acknowledged incidents: A 4 min, B 25 min → (4 + 25) / 2 = 14.5 min = 870,000 ms.
    // MTTR over resolved incidents: A 45 min, B 30 min → (45 + 30) / 2 = 37.5 min = 2,250,000 ms.
    expect(stats).toEqual({
      count: 3,
      open: 1,
      resolved: 2,
      acknowledged: 2,
      unacknowledged: 1,
      mttaMs: 870_000,
      mttrMs: 2_250_000,
      // 2,700 + 3,000 + 600
      failedEvents: 6300,
      postmortemsMissing: 1,
    });
  });

  it('costs each incident: failed events, budget share, revenue at risk', () => {
    // A: spans ending 10:05 … 10:45 overlap 10:00–10:45: 9 × 300 = 2,700 failed of 90,000;
    // 2,700 / 10,000 = 27 % of the budget; 10 USD/s × 2,700 s × 0.03 = 810 USD.
    expect(a.impact.failedEvents).toBe(2700);
    expect(a.impact.totalEvents).toBe(90_000);
    expect(a.impact.errorRatio).toBeCloseTo(0.03, 12);
    expect(a.impact.budgetConsumed).toBeCloseTo(0.27, 12);
    expect(a.impact.revenueAtRisk?.amount).toBeCloseTo(810, 9);
    expect(a.impact.revenueAtRisk?.currency).toBe('USD');
    // B: 6 × 500 = 3,000 of 6,000 → 30 %; 10 × 1,800 × 0.5 = 9,000 USD.
    expect(b.impact.budgetConsumed).toBeCloseTo(0.3, 12);
    expect(b.impact.revenueAtRisk?.amount).toBeCloseTo(9000, 9);
    // C so far: 12 × 50 = 600 of 120,000 → 6 %; 10 × 3,600 × 0.005 = 180 USD.
    expect(c.impact.budgetConsumed).toBeCloseTo(0.06, 12);
    expect(c.impact.revenueAtRisk?.amount).toBeCloseTo(180, 9);
  });

  it('flags A (27 % of the budget) as needing a postmortem; B (30 %) has one; C (6 %) needs none', () => {
    expect(a.postmortem).toEqual({ state: 'missing' });
    expect(b.postmortem.state).toBe('covered');
    expect(b.postmortem.link?.title).toContain('checkout-latency-20240501-1300');
    expect(c.postmortem).toEqual({ state: 'notRequired' });
    expect(incidentsWithoutPostmortem(report()).map((incident) => incident.id)).toEqual([a.id]);
  });

  it('splits each SLO budget into incidents and background', () => {
    const checkout = services.find((service) => service.serviceId === 'checkout');
    expect(checkout?.stats.count).toBe(3);
    expect(checkout?.businessOwner).toBe('ana');
    // availability: (2,700 + 600) / 10,000 = 0.33 by incidents, (3,450 − 3,300) / 10,000 = 0.015;
    // latency: 3,000 / 10,000 = 0.3 and 90 / 10,000 = 0.009.
    const split = Object.fromEntries((checkout?.budget ?? []).map((item) => [item.sloId, item]));
    expect(split[AVAILABILITY].incidents).toBeCloseTo(0.33, 12);
    expect(split[AVAILABILITY].background).toBeCloseTo(0.015, 12);
    expect(split[LATENCY].incidents).toBeCloseTo(0.3, 12);
    expect(split[LATENCY].background).toBeCloseTo(0.009, 12);
  });

  it('sums per business owner: ana owns checkout, bruno payments without incidents', () => {
    expect(owners.map((owner) => [owner.owner, owner.serviceIds, owner.stats.count, owner.stats.mttrMs])).toEqual([
      ['ana', ['checkout'], 3, 2_250_000],
      ['bruno', ['payments'], 0, undefined],
    ]);
  });
});

describe('report options and window', () => {
  it('splits A in two with a 5-minute merge gap: the page-fast alerts are 6 minutes apart', () => {
    const { incidents, stats } = report({ mergeGapMs: 5 * MINUTE });
    expect(incidents.filter((incident) => incident.sloId === AVAILABILITY).map((incident) => incident.id)).toEqual([
      'checkout-availability-20240501-1600',
      'checkout-availability-20240501-1026',
      'checkout-availability-20240501-1000',
    ]);
    // resolved: 10:00–10:20 (20), 10:26–10:45 (19), B (30) → 69 / 3 = 23 minutes
    expect(stats.mttrMs).toBe(23 * MINUTE);
  });

  it('leaves out incidents that started before the window', () => {
    const late = assessIncidents({
      doc: incidentRegistry(DAY),
      window: { from: t(12), to: t(17) },
      series: incidentAlerts(DAY),
    });
    expect(late.incidents.map((incident) => incident.start)).toEqual([t(16), t(13)]);
    // nothing read but the alerts: no acknowledgement, no impact, the policy cannot decide
    expect(late.stats).toMatchObject({ count: 2, acknowledged: 0, unacknowledged: 2, failedEvents: 0 });
    expect(late.stats.mttaMs).toBeUndefined();
    expect(late.incidents.map((incident) => incident.postmortem.state)).toEqual(['unknown', 'unknown']);
  });
});
