import { incidentRegistry, incidentWindow } from '../../domain/incidents/fixtures';
import { installFakeBackend, on } from '../testing/fakeBackend';
import { annotationRoutes, incidentGrafana, PROMETHEUS_UID } from '../testing/fakeIncidents';
import { ACK_TAG } from './acknowledgements';
import { readIncidents } from './readIncidents';

const DAY = Date.UTC(2024, 4, 1);
const { from, to } = incidentWindow(DAY);
const doc = {
  ...incidentRegistry(DAY),
  settings: { ...incidentRegistry(DAY).settings, prometheus: { uid: PROMETHEUS_UID } },
};
const A = 'checkout-availability-20240501-1000';

describe('readIncidents', () => {
  it('reads the acknowledgements made in the app first, then the report with them, in seven requests', async () => {
    const acknowledged = [
      {
        id: 1,
        time: DAY + 10 * 3_600_000 + 4 * 60_000,
        tags: [ACK_TAG, 'slo:checkout-availability', `incident:${A}`],
        text: `Incident ${A} acknowledged`,
        login: 'ana',
      },
    ];
    const backend = installFakeBackend(incidentGrafana(DAY, to, annotationRoutes(acknowledged, 'ana')));
    const result = await readIncidents(doc, from, to);
    if (!result.ok) {
      throw new Error(JSON.stringify(result));
    }
    expect(backend.requests).toHaveLength(7);
    expect(backend.requests[0]).toMatchObject({ method: 'GET', url: '/api/annotations' });
    expect(result.gaps).toEqual([]);
    const a = result.report.incidents.find((incident) => incident.id === A);
    expect(a?.acknowledged).toMatchObject({ by: 'ana', source: 'app', incidentId: A });
    // 4 minutes after A started; B and C were not acknowledged
    expect(result.report.stats).toMatchObject({ acknowledged: 1, unacknowledged: 2, mttaMs: 4 * 60_000 });
  });

  it('keeps the report when the acknowledgements cannot be read, and says so first', async () => {
    installFakeBackend([
      on('GET', '/api/annotations', { status: 500, body: { message: 'database is locked' } }),
      ...incidentGrafana(DAY, to, []),
    ]);
    const result = await readIncidents(doc, from, to);
    expect(result.ok && result.gaps).toEqual([{ kind: 'acknowledgementsUnavailable', message: 'database is locked' }]);
    expect(result.ok && result.report.incidents).toHaveLength(3);
  });
});
