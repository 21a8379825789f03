/**
 * Fixture builders for rule tests (unit, golden and promtool). Each named fixture is a small
 * registry document that exercises one feature of the generator.
 */
import { RegistryDocument, Service, Slo } from '../model';
import { emptyRegistry } from '../registry';

/** A tier-1 checkout service owned by Ana, with a runbook link. */
export function baseService(overrides: Partial<Service> = {}): Service {
  return {
    id: 'checkout',
    name: 'Checkout',
    tier: 1,
    lifecycle: 'production',
    impact: { revenue: true, compliance: false, customerFacing: true, sla: true },
    owners: { businessOwner: 'ana', serviceOwner: 'bo' },
    onCall: { team: 'payments' },
    kpis: [],
    links: [{ type: 'runbook', title: 'Runbook', url: 'https://runbooks.example.com/checkout' }],
    costTags: {},
    selector: '{service="checkout"}',
    dependsOn: [],
    ownerHistory: [],
    ...overrides,
  };
}

/** A 99.9 % / 30 d availability SLO on 5xx responses, Google 30-day alerting. */
export function baseSlo(overrides: Partial<Slo> = {}): Slo {
  return {
    id: 'checkout-availability',
    serviceId: 'checkout',
    name: 'Checkout availability',
    sli: {
      kind: 'ratio',
      bad: 'http_requests_total{service="checkout",code=~"5.."}',
      total: 'http_requests_total{service="checkout"}',
    },
    objective: 99.9,
    window: '30d',
    alerting: { enabled: true, preset: 'google-30d' },
    labels: {},
    ...overrides,
  };
}

/** A registry with the base service, its owners, and the given SLOs. */
export function baseDoc(slos: Slo[] = [baseSlo()], services: Service[] = [baseService()]): RegistryDocument {
  return {
    ...emptyRegistry(),
    people: [
      { id: 'ana', name: 'Ana Lima', email: 'ana@example.com', team: 'commerce' },
      { id: 'bo', name: 'Bo Chen', email: 'bo@example.com', team: 'payments' },
    ],
    services,
    slos,
  };
}

const policy = { enabled: true, freezeBurnRate: 2, freezeBudgetLeftPercent: 25, escalateToBusinessOwner: true };

/**
 * Named fixtures: every SLI kind, both presets, custom windows, groupBy, guard, policy, disabled
 * tiers, an alert name.
 */
export const RULE_FIXTURES: Record<string, RegistryDocument> = {
  'ratio-bad-google-30d': baseDoc([baseSlo({ labels: { category: 'availability' } })]),
  'ratio-good-google-28d-disabled-tiers': baseDoc([
    baseSlo({
      id: 'checkout-success',
      name: 'Checkout success',
      sli: { kind: 'ratio', good: 'checkout_orders_total{result="ok"}', total: 'checkout_orders_total' },
      window: '28d',
      objective: 99.5,
      alerting: { enabled: true, preset: 'google-28d', disabledTiers: ['ticket-slow', 'page-slow'] },
    }),
  ]),
  'latency-grouped-min-events': baseDoc([
    baseSlo({
      id: 'checkout-latency',
      name: 'Checkout latency',
      sli: { kind: 'latency', histogram: 'http_request_duration_seconds{service="checkout"}', threshold: 0.3 },
      objective: 99,
      window: '7d',
      groupBy: ['route'],
      alerting: {
        enabled: true,
        name: 'CheckoutLatencyBurn',
        preset: 'google-30d',
        minEvents: 100,
        pageLabels: { notify: 'pagerduty' },
        ticketLabels: { notify: 'jira' },
        annotations: { dashboard: 'https://grafana.example.com/d/checkout' },
      },
    }),
  ]),
  'freeform-calendar-month': baseDoc([
    baseSlo({
      id: 'checkout-probe',
      name: 'Checkout probe',
      sli: { kind: 'freeform', errorRatio: '1 - avg_over_time(probe_success{job="checkout"}[{{window}}])' },
      objective: 99.5,
      window: 'calendar-month',
      alerting: { enabled: true, preset: 'google-30d', runbookUrl: 'https://runbooks.example.com/probe' },
    }),
  ]),
  'log-ratio-policy': baseDoc([
    baseSlo({
      id: 'checkout-log-errors',
      name: 'Checkout log errors',
      sli: { kind: 'logRatio', bad: '{service="checkout"} |= "level=error"', total: '{service="checkout"}' },
      objective: 99,
      alerting: { enabled: true, preset: 'google-30d', minEvents: 50 },
      budgetPolicy: policy,
    }),
  ]),
  'custom-windows-policy': baseDoc([
    baseSlo({
      id: 'checkout-payments',
      name: 'Payments',
      window: '7d',
      objective: 99.9,
      alerting: {
        enabled: true,
        preset: 'custom',
        windows: [
          { tier: 'page-fast', severity: 'page', factor: 10, long: '1h', short: '5m' },
          { tier: 'ticket-slow', severity: 'ticket', factor: 2, long: '1d', short: '2h' },
        ],
      },
      budgetPolicy: { ...policy, freezeBudgetLeftPercent: undefined, escalateToBusinessOwner: false },
    }),
  ]),
  'alerting-disabled': baseDoc([baseSlo({ id: 'checkout-quiet', alerting: { enabled: false, preset: 'google-30d' } })]),
  'sloth-series': slothSeries(
    baseDoc([
      baseSlo({ labels: { category: 'availability' } }),
      baseSlo({
        id: 'checkout-freeform',
        name: 'Checkout freeform',
        sli: { kind: 'freeform', errorRatio: '1 - avg_over_time(probe_success{job="checkout"}[{{window}}])' },
        objective: 99,
        alerting: {
          enabled: true,
          preset: 'custom',
          windows: [{ tier: 'page-fast', severity: 'page', factor: 14.4, long: '1h', short: '5m' }],
        },
      }),
    ])
  ),
};

/** The document with Sloth's series turned on. */
function slothSeries(doc: RegistryDocument): RegistryDocument {
  return { ...doc, settings: { ...doc.settings, slothSeries: true } };
}
