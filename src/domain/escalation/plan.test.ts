import { RegistryDocument } from '../model';
import { FREEZE_ALERT, generateSloRules, isAlertingRule } from '../rules';
import { baseRegistry, baseService, baseSlo } from '../testing/builders';
import { ESCALATE_BUSINESS_OWNER, LABEL_ESCALATE } from './labels';
import { buildEscalationPlan } from './plan';
import { EscalationRoute } from './types';

/** `checkout` (team checkout-oncall, chain bruno → ana, owner ana) with one SLO; payments has none. */
function registry(overrides: Partial<RegistryDocument> = {}): RegistryDocument {
  return baseRegistry({ slos: [baseSlo('ratio')], ...overrides });
}

function serviceNode(route: EscalationRoute, serviceId: string): EscalationRoute | undefined {
  return route.routes.find((child) => child.matchers.some((m) => m.name === 'sloth_service' && m.value === serviceId));
}

describe('buildEscalationPlan', () => {
  test('receivers: the fallback, the team page and ticket receivers from the chain, the owner', () => {
    const plan = buildEscalationPlan(registry());
    expect(plan.receivers).toEqual([
      { name: 'slo-default', kind: 'default', emails: [], chat: [] },
      {
        name: 'slo-page-checkout-oncall',
        kind: 'page',
        subject: 'checkout-oncall',
        emails: ['bruno@example.com', 'ana@example.com'],
        chat: ['@bruno', '@ana'],
      },
      {
        name: 'slo-ticket-checkout-oncall',
        kind: 'ticket',
        subject: 'checkout-oncall',
        emails: ['bruno@example.com', 'ana@example.com'],
        chat: ['@bruno', '@ana'],
      },
      { name: 'slo-owner-ana', kind: 'owner', subject: 'ana', emails: ['ana@example.com'], chat: ['@ana'] },
    ]);
    expect(plan.findings).toEqual([]);
  });

  test('a service routes escalations to its owner, pages and tickets to its team, the rest to team tickets', () => {
    const plan = buildEscalationPlan(registry());
    expect(plan.route.matchers).toEqual([{ name: 'sloth_id', op: '=~', value: '.+' }]);
    expect(plan.route.receiver).toBe('slo-default');
    expect(plan.route.routes).toHaveLength(1);
    const checkout = serviceNode(plan.route, 'checkout')!;
    expect(checkout.receiver).toBe('slo-ticket-checkout-oncall');
    expect(checkout.routes.map((child) => [child.matchers, child.receiver])).toEqual([
      [[{ name: 'escalate', op: '=', value: 'business-owner' }], 'slo-owner-ana'],
      [[{ name: 'sloth_severity', op: '=', value: 'page' }], 'slo-page-checkout-oncall'],
      [[{ name: 'sloth_severity', op: '=', value: 'ticket' }], 'slo-ticket-checkout-oncall'],
    ]);
    expect(checkout.routes[1].timing).toEqual({ groupWait: '30s', groupInterval: '5m', repeatInterval: '1h' });
  });

  test('services without SLOs raise no alert and get no route', () => {
    const plan = buildEscalationPlan(registry());
    expect(serviceNode(plan.route, 'payments')).toBeUndefined();
    expect(plan.receivers.map((receiver) => receiver.name)).not.toContain('slo-owner-bruno');
  });

  test('a service without an on-call team falls back to the default receiver, with a finding naming the field', () => {
    const doc = registry();
    doc.services[0] = baseService({ onCall: { escalation: ['bruno'] }, dependsOn: ['payments'] });
    const plan = buildEscalationPlan(doc);
    const checkout = serviceNode(plan.route, 'checkout')!;
    expect(checkout.receiver).toBe('slo-default');
    expect(checkout.routes.map((child) => child.receiver)).toEqual(['slo-owner-ana', 'slo-default', 'slo-default']);
    expect(plan.findings).toEqual([
      {
        path: 'services[0].onCall.team',
        message:
          'service "checkout" has no on-call team, so its page and ticket alerts go to the fallback receiver slo-default: set onCall.team to the team paged for it',
        severity: 'warning',
      },
    ]);
  });

  test('a service without a business owner has no owner route and a finding on owners.businessOwner', () => {
    const doc = registry();
    doc.services[0] = baseService({ owners: { serviceOwner: 'bruno' }, dependsOn: ['payments'] });
    const plan = buildEscalationPlan(doc);
    const checkout = serviceNode(plan.route, 'checkout')!;
    expect(checkout.routes.map((child) => child.receiver)).toEqual([
      'slo-page-checkout-oncall',
      'slo-ticket-checkout-oncall',
    ]);
    expect(plan.findings.map((finding) => finding.path)).toEqual(['services[0].owners.businessOwner']);
    expect(plan.findings[0].message).toContain('service "checkout" has no business owner');
    expect(plan.receivers.some((receiver) => receiver.kind === 'owner')).toBe(false);
  });

  test('a team nobody can be emailed at is a finding on the escalation chain', () => {
    const doc = registry();
    doc.services[0] = baseService({ onCall: { team: 'night-shift' }, dependsOn: ['payments'] });
    const plan = buildEscalationPlan(doc);
    expect(plan.receivers.find((receiver) => receiver.name === 'slo-page-night-shift')?.emails).toEqual([]);
    expect(plan.findings).toEqual([
      expect.objectContaining({
        path: 'services[0].onCall.escalation',
        message: expect.stringContaining(
          'on-call team "night-shift" of service "checkout" has nobody with an email address, so its receivers slo-page-night-shift and slo-ticket-night-shift get no email'
        ),
      }),
    ]);
  });

  test('a team name in the chain stands for its people, and people of the on-call team come last', () => {
    const doc = registry();
    doc.people.push({ id: 'carla', name: 'Carla', email: 'carla@example.com', team: 'checkout-oncall' });
    doc.services[0] = baseService({ onCall: { team: 'checkout-oncall', escalation: ['payments'] } });
    const plan = buildEscalationPlan(doc);
    expect(plan.receivers.find((receiver) => receiver.kind === 'page')?.emails).toEqual([
      'bruno@example.com',
      'carla@example.com',
    ]);
  });

  test('team names with the same slug get receivers of their own', () => {
    const doc = registry({
      slos: [baseSlo('ratio'), baseSlo('ratio', { id: 'payments-ratio', serviceId: 'payments' })],
    });
    doc.services[0].onCall = { team: 'Checkout On-call', escalation: ['ana'] };
    doc.services[1].onCall = { team: 'checkout on call', escalation: ['bruno'] };
    const names = buildEscalationPlan(doc)
      .receivers.filter((receiver) => receiver.kind === 'page')
      .map((receiver) => receiver.name);
    expect(names).toHaveLength(2);
    expect(new Set(names).size).toBe(2);
    names.forEach((name) => expect(name).toMatch(/^slo-page-checkout-on-call-[0-9a-f]{8}$/));
  });

  test('page inhibits ticket for the same SLO and the same group of grouped SLOs', () => {
    const doc = registry({
      slos: [baseSlo('ratio', { groupBy: ['route'] }), baseSlo('latency', { groupBy: ['region', 'route'] })],
    });
    expect(buildEscalationPlan(doc).inhibitRules).toEqual([
      {
        source: [{ name: 'sloth_severity', op: '=', value: 'page' }],
        target: [{ name: 'sloth_severity', op: '=', value: 'ticket' }],
        equal: ['sloth_id', 'region', 'route'],
      },
    ]);
  });

  test('the plan does not depend on the order of services and people', () => {
    const doc = registry({
      slos: [baseSlo('ratio'), baseSlo('ratio', { id: 'payments-ratio', serviceId: 'payments' })],
    });
    const shuffled = { ...doc, services: [...doc.services].reverse(), people: [...doc.people].reverse() };
    const names = (plan: ReturnType<typeof buildEscalationPlan>) => ({
      receivers: plan.receivers.map((receiver) => receiver.name),
      services: plan.route.routes.map((route) => route.matchers[0].value),
    });
    expect(names(buildEscalationPlan(shuffled))).toEqual(names(buildEscalationPlan(doc)));
    expect(names(buildEscalationPlan(doc))).toEqual({
      receivers: [
        'slo-default',
        'slo-page-checkout-oncall',
        'slo-ticket-checkout-oncall',
        'slo-page-payments-oncall',
        'slo-ticket-payments-oncall',
        'slo-owner-ana',
        'slo-owner-bruno',
      ],
      services: ['checkout', 'payments'],
    });
  });
});

describe('the labels the routes match are those the generated alerts carry', () => {
  const rules = generateSloRules(registry(), 'checkout-ratio')!;
  const alerts = rules.prometheus.flatMap((group) => group.rules).filter(isAlertingRule);

  test('the freeze alert of a policy that escalates carries the owner route label', () => {
    const freeze = alerts.find((rule) => rule.alert === FREEZE_ALERT)!;
    expect(freeze.labels?.[LABEL_ESCALATE]).toBe(ESCALATE_BUSINESS_OWNER);
  });

  test('burn alerts carry sloth_severity page or ticket even when severity says critical or warning', () => {
    const burns = alerts.filter((rule) => rule.labels?.burn_tier);
    expect(burns.map((rule) => [rule.labels?.severity, rule.labels?.sloth_severity])).toEqual([
      ['critical', 'page'],
      ['critical', 'page'],
      ['warning', 'ticket'],
      ['warning', 'ticket'],
    ]);
  });
});
