import { installFakeBackend, on } from '../testing/fakeBackend';
import {
  ACK_LIMIT,
  ACK_TAG,
  ANNOTATIONS_URL,
  acknowledgeIncident,
  fetchAcknowledgements,
  readAcknowledgements,
} from './acknowledgements';

const INCIDENT = { id: 'checkout-availability-20240501-1000', sloId: 'checkout-availability' };
const TAGS = [ACK_TAG, 'slo:checkout-availability', 'incident:checkout-availability-20240501-1000'];

describe('readAcknowledgements', () => {
  it('reads who and when from each annotation, the SLO and incident from its tags', () => {
    expect(
      readAcknowledgements([
        { id: 1, time: 1714557840000, tags: TAGS, login: 'eli', email: 'eli@example.com' },
        // a service account without a login: its email
        { id: 2, time: 1714557900000, tags: TAGS.slice(0, 2), email: 'bot@example.com' },
        // not an acknowledgement, no SLO, no time, no creator
        { id: 3, time: 1714557900000, tags: ['deploy', 'slo:checkout-availability'], login: 'eli' },
        { id: 4, time: 1714557900000, tags: [ACK_TAG], login: 'eli' },
        { id: 5, tags: TAGS, login: 'eli' },
        { id: 6, time: 1714557900000, tags: TAGS },
      ])
    ).toEqual([
      { sloId: INCIDENT.sloId, at: 1714557840000, by: 'eli', source: 'app', incidentId: INCIDENT.id },
      { sloId: INCIDENT.sloId, at: 1714557900000, by: 'bot@example.com', source: 'app' },
    ]);
  });
});

describe('fetchAcknowledgements', () => {
  it('asks for the tag over the window with an explicit limit, and says when the answer may be cut', async () => {
    const backend = installFakeBackend([
      on('GET', ANNOTATIONS_URL, {
        status: 200,
        body: Array.from({ length: ACK_LIMIT }, (_, id) => ({ id, time: 1000 + id, tags: TAGS, login: 'eli' })),
      }),
    ]);
    const result = await fetchAcknowledgements(1000.4, 2000.6);
    expect(backend.requests).toHaveLength(1);
    expect(backend.requests[0].params).toEqual({
      tags: ACK_TAG,
      type: 'annotation',
      from: 1000,
      to: 2001,
      limit: ACK_LIMIT,
    });
    expect(result).toMatchObject({ ok: true, truncated: true });
  });

  it('passes Grafana’s refusal on', async () => {
    installFakeBackend([on('GET', ANNOTATIONS_URL, { status: 403, body: { message: 'Access denied' } })]);
    expect(await fetchAcknowledgements(0, 1)).toEqual({ ok: false, status: 403, message: 'Access denied' });
  });
});

describe('acknowledgeIncident', () => {
  it('creates an organization annotation now, tagged with the SLO and incident, naming the incident', async () => {
    const backend = installFakeBackend([
      on('POST', ANNOTATIONS_URL, { status: 200, body: { message: 'Annotation added', id: 7 } }),
    ]);
    expect(await acknowledgeIncident(INCIDENT, 'Checkout availability', 1714557840000)).toEqual({ ok: true, id: 7 });
    expect(backend.requests[0].data).toEqual({
      time: 1714557840000,
      tags: TAGS,
      text: 'Incident checkout-availability-20240501-1000 (Checkout availability) acknowledged',
    });
    expect(backend.requests[0].data).not.toHaveProperty('dashboardUID');
  });

  it('returns Grafana’s answer when the user may not create organization annotations', async () => {
    const message = "You'll need additional permissions to perform this action. Permissions needed: annotations:create";
    installFakeBackend([on('POST', ANNOTATIONS_URL, { status: 403, body: { message } })]);
    expect(await acknowledgeIncident(INCIDENT, 'Checkout availability')).toEqual({ ok: false, status: 403, message });
  });
});
