import { baseRegistry, baseService, baseSlo } from '../testing/builders';
import { buildGrafanaEscalation, CONTACT_POINT_UID_PREFIX, contactPointUid } from './grafana';
import { buildEscalationPlan } from './plan';

describe('buildGrafanaEscalation', () => {
  test('one email contact point per receiver with addresses, with a uid derived from its name', () => {
    const { contactPoints } = buildGrafanaEscalation(buildEscalationPlan(baseRegistry({ slos: [baseSlo('ratio')] })));
    expect(contactPoints).toEqual([
      {
        uid: 'bo-notify-slo-page-checkout-oncall',
        name: 'slo-page-checkout-oncall',
        type: 'email',
        settings: { addresses: 'bruno@example.com;ana@example.com', singleEmail: false },
        disableResolveMessage: false,
      },
      {
        uid: 'bo-notify-slo-ticket-checkout-oncall',
        name: 'slo-ticket-checkout-oncall',
        type: 'email',
        settings: { addresses: 'bruno@example.com;ana@example.com', singleEmail: false },
        disableResolveMessage: false,
      },
      {
        uid: 'bo-notify-slo-owner-ana',
        name: 'slo-owner-ana',
        type: 'email',
        settings: { addresses: 'ana@example.com', singleEmail: false },
        disableResolveMessage: false,
      },
    ]);
  });

  test('the app route matches every SLO alert and nests a route per service', () => {
    const { route } = buildGrafanaEscalation(buildEscalationPlan(baseRegistry({ slos: [baseSlo('ratio')] })));
    expect(route).toEqual({
      object_matchers: [['sloth_id', '=~', '.+']],
      group_by: ['alertname', 'sloth_service', 'sloth_id'],
      routes: [
        {
          object_matchers: [['sloth_service', '=', 'checkout']],
          receiver: 'slo-ticket-checkout-oncall',
          routes: [
            {
              object_matchers: [['escalate', '=', 'business-owner']],
              receiver: 'slo-owner-ana',
              group_wait: '5m',
              group_interval: '1h',
              repeat_interval: '1d',
            },
            {
              object_matchers: [['sloth_severity', '=', 'page']],
              receiver: 'slo-page-checkout-oncall',
              group_wait: '30s',
              group_interval: '5m',
              repeat_interval: '1h',
            },
            {
              object_matchers: [['sloth_severity', '=', 'ticket']],
              receiver: 'slo-ticket-checkout-oncall',
              group_wait: '5m',
              group_interval: '30m',
              repeat_interval: '1d',
            },
          ],
        },
      ],
    });
  });

  test('routes to a receiver nobody can be emailed at name no receiver, so they inherit the parent policy', () => {
    const doc = baseRegistry({
      services: [baseService({ onCall: {} })],
      slos: [baseSlo('ratio')],
    });
    const { route, contactPoints } = buildGrafanaEscalation(buildEscalationPlan(doc));
    expect(contactPoints.map((point) => point.name)).toEqual(['slo-owner-ana']);
    expect(route.receiver).toBeUndefined();
    const checkout = route.routes![0];
    expect(checkout.receiver).toBeUndefined();
    expect(checkout.routes!.map((child) => child.receiver)).toEqual(['slo-owner-ana', undefined, undefined]);
  });
});

describe('contactPointUid', () => {
  test.each([
    ['slo-owner-ana', 'bo-notify-slo-owner-ana'],
    ['slo-ticket-payments-oncall', 'bo-notify-slo-ticket-payments-oncall'],
  ])('%s → %s', (name, uid) => {
    expect(contactPointUid(name)).toBe(uid);
  });

  test('a long name keeps the prefix and fits Grafana’s 40 characters', () => {
    const uid = contactPointUid('slo-ticket-customer-identity-and-access-oncall');
    expect(uid.length).toBeLessThanOrEqual(40);
    expect(uid.startsWith(CONTACT_POINT_UID_PREFIX)).toBe(true);
    expect(uid).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(uid).not.toBe(contactPointUid('slo-ticket-customer-identity-and-access-oncall-2'));
  });
});
