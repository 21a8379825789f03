import { AVAILABILITY, HOUR, MINUTE, incidentInputs } from './fixtures';
import { assessIncidents } from './report';
import { acknowledgedWhileOpen } from './acknowledge';
import { Acknowledgement } from './types';

const DAY = Date.UTC(2024, 4, 1);
const t = (hours: number, minutes = 0) => DAY + hours * HOUR + minutes * MINUTE;
const A = 'checkout-availability-20240501-1000';
const C = 'checkout-availability-20240501-1600';

/** The fixture's day without its acknowledgements and silences, plus `acknowledgements`. */
function reportWith(...acknowledgements: Acknowledgement[]) {
  return assessIncidents({ ...incidentInputs(DAY), acknowledgements, silences: [] });
}

describe('acknowledgements that name their incident', () => {
  it('count for that incident only, even after its resolution, and are shown but left out of the MTTA', () => {
    // A resolved at 10:45; eli acknowledges it at 11:30, naming it.
    const report = reportWith({ sloId: AVAILABILITY, at: t(11, 30), by: 'eli', source: 'app', incidentId: A });
    const a = report.incidents.find((incident) => incident.id === A)!;
    const c = report.incidents.find((incident) => incident.id === C)!;
    expect(a.acknowledged).toMatchObject({ by: 'eli', at: t(11, 30), incidentId: A });
    expect(acknowledgedWhileOpen(a)).toBe(false);
    // Without an incident id, the same time would have counted for no incident of the SLO.
    expect(c.acknowledged).toBeUndefined();
    expect(report.stats).toMatchObject({ acknowledged: 0, unacknowledged: 3 });
    expect(report.stats.mttaMs).toBeUndefined();
  });

  it('made while the incident is open, count like any acknowledgement', () => {
    const report = reportWith({ sloId: AVAILABILITY, at: t(16, 10), by: 'eli', source: 'app', incidentId: C });
    const c = report.incidents.find((incident) => incident.id === C)!;
    expect(acknowledgedWhileOpen(c)).toBe(true);
    expect(report.stats).toMatchObject({ acknowledged: 1, unacknowledged: 2, mttaMs: 10 * MINUTE });
  });

  it('before the incident started, or naming another incident, do not count', () => {
    const report = reportWith(
      { sloId: AVAILABILITY, at: t(9, 50), by: 'eli', source: 'app', incidentId: A },
      { sloId: AVAILABILITY, at: t(10, 5), by: 'eli', source: 'app', incidentId: 'checkout-availability-20240502-1000' }
    );
    expect(report.incidents.every((incident) => incident.acknowledged === undefined)).toBe(true);
  });

  it('the earliest counts: a silence while open comes before a late acknowledgement in the app', () => {
    const { silences } = incidentInputs(DAY);
    const report = assessIncidents({
      ...incidentInputs(DAY),
      acknowledgements: [
        {
          sloId: 'checkout-latency',
          at: t(14),
          by: 'eli',
          source: 'app',
          incidentId: 'checkout-latency-20240501-1300',
        },
      ],
      silences,
    });
    const b = report.incidents.find((incident) => incident.sloId === 'checkout-latency')!;
    expect(b.acknowledged).toMatchObject({ by: 'bruno', source: 'silence' });
  });
});
