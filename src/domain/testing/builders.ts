/**
 * Fixture builders for tests: each call returns a fresh, valid value that a test changes only where
 * it matters (`baseSlo('latency', { objective: 99 })`). The values pass `validateRegistry`, so a
 * test that breaks one field knows which problem to expect.
 */
import {
  Alerting,
  Person,
  PolicyException,
  RegistryDocument,
  SCHEMA_VERSION,
  Service,
  Sli,
  SliKind,
  Slo,
} from '../model';
import { defaultSettings } from '../registry';

/** A person; the default is `ana`, business owner of `checkout` in {@link baseRegistry}. */
export function basePerson(overrides: Partial<Person> = {}): Person {
  return {
    id: 'ana',
    name: 'Ana Lima',
    email: 'ana@example.com',
    team: 'checkout',
    chat: '@ana',
    ...overrides,
  };
}

/** A tier-1 production service `checkout` owned by `ana`, with a runbook and a dashboard link. */
export function baseService(overrides: Partial<Service> = {}): Service {
  return {
    id: 'checkout',
    name: 'Checkout',
    description: 'Takes the order and the payment.',
    tier: 1,
    lifecycle: 'production',
    impact: { revenue: true, compliance: false, customerFacing: true, sla: true },
    owners: { businessOwner: 'ana', serviceOwner: 'bruno' },
    onCall: {
      team: 'checkout-oncall',
      escalation: ['bruno', 'ana'],
      scheduleUrl: 'https://oncall.example.com/checkout',
    },
    decisionScope: 'Release freezes and budget overspend up to 10%.',
    kpis: [
      {
        id: 'revenue',
        name: 'Revenue per hour',
        query: 'sum(rate(checkout_revenue_usd_total{service="checkout"}[1h])) * 3600',
        unit: 'currencyUSD',
        target: 10000,
        direction: 'higher',
      },
    ],
    links: [
      { type: 'runbook', title: 'Checkout runbook', url: 'https://wiki.example.com/runbooks/checkout' },
      { type: 'dashboard', title: 'Checkout overview', url: 'https://grafana.example.com/d/checkout' },
    ],
    costTags: { cost_center: 'checkout' },
    selector: '{service="checkout"}',
    dependsOn: [],
    ownerHistory: [],
    ...overrides,
  };
}

/**
 * An exception to `checkout`'s budget policy: a dependency's incident, recorded by `ana`, in force
 * from 2026-11-26 to 2026-12-01 for all its SLOs.
 */
export function baseException(overrides: Partial<PolicyException> = {}): PolicyException {
  return {
    id: 'inc-12',
    kind: 'dependencyIncident',
    reason: 'Payments provider outage INC-12',
    from: '2026-11-26T00:00:00Z',
    to: '2026-12-01T00:00:00Z',
    by: 'ana',
    at: '2026-11-26T08:00:00Z',
    ...overrides,
  };
}

/** A valid SLI of the given kind for the `checkout` service. */
export function baseSli(kind: SliKind = 'ratio'): Sli {
  switch (kind) {
    case 'ratio':
      return {
        kind,
        bad: 'http_requests_total{service="checkout",code=~"5.."}',
        total: 'http_requests_total{service="checkout"}',
      };
    case 'latency':
      return {
        kind,
        histogram: 'http_request_duration_seconds_bucket{service="checkout"}',
        threshold: 0.5,
        buckets: [0.1, 0.25, 0.5, 1, 2.5],
      };
    case 'freeform':
      return {
        kind,
        errorRatio:
          'sum(rate(http_requests_total{service="checkout",code=~"5.."}[{{window}}])) / sum(rate(http_requests_total{service="checkout"}[{{window}}]))',
      };
    case 'logRatio':
      return { kind, bad: '{service="checkout"} |= "level=error"', total: '{service="checkout"}' };
  }
}

/** Alerting on the Google SRE workbook 30-day windows, with page and ticket routing labels. */
export function baseAlerting(overrides: Partial<Alerting> = {}): Alerting {
  return {
    enabled: true,
    preset: 'google-30d',
    pageLabels: { severity: 'critical' },
    ticketLabels: { severity: 'warning' },
    annotations: { summary: 'Checkout is burning its error budget' },
    ...overrides,
  };
}

/** A 99.9% / 30-day SLO of the `checkout` service whose SLI is of the given kind (default ratio). */
export function baseSlo(kind: SliKind = 'ratio', overrides: Partial<Slo> = {}): Slo {
  return {
    id: `checkout-${kind.toLowerCase()}`,
    serviceId: 'checkout',
    name: `Checkout ${kind}`,
    description: `Checkout ${kind} objective.`,
    sli: baseSli(kind),
    objective: 99.9,
    window: '30d',
    alerting: baseAlerting(),
    budgetPolicy: { enabled: true, freezeBurnRate: 2, freezeBudgetLeftPercent: 10, escalateToBusinessOwner: true },
    labels: { journey: 'checkout' },
    ...overrides,
  };
}

/**
 * A small, valid registry: people `ana` and `bruno`; services `checkout` (tier 1, depends on
 * `payments`) and `payments` (tier 2); one `checkout` SLO per SLI kind.
 */
export function baseRegistry(overrides: Partial<RegistryDocument> = {}): RegistryDocument {
  return {
    schemaVersion: SCHEMA_VERSION,
    revision: 1,
    settings: defaultSettings(),
    people: [
      basePerson(),
      basePerson({ id: 'bruno', name: 'Bruno Costa', email: 'bruno@example.com', team: 'payments', chat: '@bruno' }),
    ],
    services: [
      baseService({ dependsOn: ['payments'] }),
      baseService({
        id: 'payments',
        name: 'Payments',
        description: 'Talks to the card processors.',
        tier: 2,
        owners: { businessOwner: 'bruno' },
        onCall: { team: 'payments-oncall', escalation: ['bruno'] },
        kpis: [],
        links: [{ type: 'runbook', title: 'Payments runbook', url: 'https://wiki.example.com/runbooks/payments' }],
        costTags: { cost_center: 'payments' },
        selector: '{service="payments"}',
      }),
    ],
    slos: [baseSlo('ratio'), baseSlo('latency'), baseSlo('freeform'), baseSlo('logRatio')],
    ...overrides,
  };
}
