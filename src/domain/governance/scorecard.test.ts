import { POSTMORTEM_CHECK_ID as POSTMORTEM, PostmortemState } from '../incidents';
import { RegistryDocument } from '../model';
import { IncidentPostmortem } from '../registryView/liveValues';
import { baseRegistry, baseService, baseSlo } from '../testing/builders';
import { manyServices } from '../testing/manyServices';
import { CheckResult, scoreRegistry, summarizePortfolio } from './index';
import { failingModes, ladderLevel, scoringContext } from './scorecard';

function resultOf(
  doc: RegistryDocument,
  serviceId: string,
  checkId: string,
  live?: Parameters<typeof scoreRegistry>[1]
): CheckResult {
  const card = scoreRegistry(doc, live).find((item) => item.serviceId === serviceId);
  const result = card?.results.find((item) => item.id === checkId);
  if (!result) {
    throw new Error(`no result ${checkId} for ${serviceId}`);
  }
  return result;
}

function withService(overrides: Parameters<typeof baseService>[0], slos = baseRegistry().slos): RegistryDocument {
  const doc = baseRegistry({ slos });
  doc.services.push(baseService({ id: 'subject', dependsOn: [], ...overrides }));
  return doc;
}

describe('ladder checks', () => {
  test.each<[string, string, RegistryDocument, string, string]>([
    ['owner named', 'businessOwnerNamed', withService({}), 'pass', 'businessOwner'],
    ['owner missing', 'businessOwnerNamed', withService({ tier: 3, owners: {} }), 'fail', 'noBusinessOwner'],
    [
      'owner not in registry',
      'businessOwnerNamed',
      withService({ owners: { businessOwner: 'zoe' } }),
      'fail',
      'businessOwnerUnknown',
    ],
    ['KPIs set', 'kpisSet', withService({}), 'pass', 'kpis'],
    ['no KPIs', 'kpisSet', withService({ kpis: [] }), 'fail', 'noKpis'],
    ['no SLOs', 'slosWithBudgets', withService({}), 'fail', 'noSlos'],
    ['runbook link', 'runbooks', withService({}), 'pass', 'runbookLinks'],
    ['no runbook', 'runbooks', withService({ links: [] }), 'fail', 'noRunbook'],
    ['on-call routing', 'onCallRouting', withService({}), 'pass', 'onCall'],
    ['no on-call', 'onCallRouting', withService({ onCall: undefined }), 'fail', 'noOnCall'],
    ['dashboards not recorded yet', 'dashboardsGenerated', withService({}), 'unknown', 'dashboardsNotRecorded'],
    ['cost tags', 'costTags', withService({}), 'pass', 'costTags'],
    ['no cost tags', 'costTags', withService({ costTags: {} }), 'fail', 'noCostTags'],
  ])('%s', (_name, checkId, doc, outcome, code) => {
    const result = resultOf(doc, 'subject', checkId);
    expect(result.outcome).toBe(outcome);
    expect(result.evidence[0].code).toBe(code);
  });

  test('budget policy and release gates name the SLOs that lack them', () => {
    const slos = [baseSlo('ratio'), baseSlo('latency', { budgetPolicy: undefined })];
    const doc = baseRegistry({ slos });
    expect(resultOf(doc, 'checkout', 'budgetPolicy').evidence).toEqual([
      { code: 'policyMissing', values: { slos: 'checkout-latency' } },
    ]);
    expect(resultOf(doc, 'checkout', 'releaseGates').evidence).toEqual([
      { code: 'gateMissing', values: { slos: 'checkout-latency' } },
    ]);
  });

  test('levels: intermediate without generated dashboards, advanced with them, none without an owner', () => {
    const doc = baseRegistry();
    doc.services.push(baseService({ id: 'orphan', tier: 4, owners: {}, dependsOn: [] }));
    const levels = (live?: Parameters<typeof scoreRegistry>[1]) => scoreRegistry(doc, live).map((card) => card.level);
    expect(levels()).toEqual(['intermediate', 'none', 'none']);
    expect(levels({ generatedDashboards: ['checkout'] })).toEqual(['advanced', 'none', 'none']);
    expect(scoreRegistry(doc)[0].next).toEqual({ level: 'advanced', missing: ['dashboardsGenerated'] });
    // payments: owner and runbook, but no KPIs
    expect(scoreRegistry(doc)[1].next).toEqual({ level: 'beginner', missing: ['kpisSet'] });
  });
});

/** An incident of `serviceId` as the postmortem check reads it. */
function incident(id: string, serviceId: string, state: PostmortemState): IncidentPostmortem {
  return { id, sloId: `${serviceId}-ratio`, serviceId, start: 0, end: 1, alerts: [], tiers: [], postmortem: { state } };
}

describe('failure modes', () => {
  const noPolicy = [baseSlo('ratio', { budgetPolicy: undefined })];

  test.each<[string, string, Parameters<typeof scoreRegistry>[1], string, string, string | null]>([
    ['burn without policy: no values', 'burnWithoutPolicy', undefined, 'unknown', 'slosWithoutPolicy', 'prometheus'],
    [
      'burn without policy: burning',
      'burnWithoutPolicy',
      { slos: { 'checkout-ratio': { burnRate: 4 } } },
      'fail',
      'burningWithoutPolicy',
      null,
    ],
    [
      'burn without policy: calm',
      'burnWithoutPolicy',
      { slos: { 'checkout-ratio': { burnRate: 0.5 } } },
      'pass',
      'notBurning',
      null,
    ],
    ['telemetry: no values', 'missingTelemetry', undefined, 'unknown', 'telemetryNotChecked', 'prometheus'],
    [
      'telemetry: SLI silent',
      'missingTelemetry',
      { slos: { 'checkout-ratio': { hasData: false } } },
      'fail',
      'sliNoData',
      null,
    ],
    [
      'telemetry: Prometheus down is unknown, with its answer',
      'missingTelemetry',
      {
        slos: { 'checkout-ratio': { source: 'none', reason: { kind: 'queryFailed', message: 'connection refused' } } },
      },
      'unknown',
      'telemetryQueryFailed',
      'prometheus',
    ],
    [
      'telemetry: rules not loaded and not queried raw is unknown',
      'missingTelemetry',
      { slos: { 'checkout-ratio': { source: 'none', reason: { kind: 'skipped', limit: 50 } } } },
      'unknown',
      'telemetryNotQueried',
      'prometheus',
    ],
    [
      'telemetry: the raw SLI query ran and found nothing',
      'missingTelemetry',
      { slos: { 'checkout-ratio': { source: 'none', hasData: false, reason: { kind: 'noSeries' } } } },
      'fail',
      'sliNoData',
      null,
    ],
    [
      'telemetry: no events over the window',
      'missingTelemetry',
      { slos: { 'checkout-ratio': { source: 'none', hasData: false, reason: { kind: 'noTraffic' } } } },
      'fail',
      'sliNoTraffic',
      null,
    ],
    [
      'telemetry: SLI answers',
      'missingTelemetry',
      { slos: { 'checkout-ratio': { hasData: true } } },
      'pass',
      'sliHasData',
      null,
    ],
    ['overuse: no values', 'budgetOverused', undefined, 'unknown', 'windowsNotChecked', 'prometheus'],
    [
      'overuse: three windows',
      'budgetOverused',
      { slos: { 'checkout-ratio': { overspentWindowsInARow: 3 } } },
      'fail',
      'budgetOverspentInARow',
      null,
    ],
    [
      'overuse: spent now, the window before not recorded',
      'budgetOverused',
      { slos: { 'checkout-ratio': { budgetLeft: -0.1 } } },
      'unknown',
      'previousWindowNotRecorded',
      'prometheus',
    ],
    [
      'overuse: one window',
      'budgetOverused',
      { slos: { 'checkout-ratio': { overspentWindowsInARow: 1 } } },
      'pass',
      'budgetKept',
      null,
    ],
    ['cost: no values', 'costSpikeUnreviewed', undefined, 'unknown', 'costNotMeasured', 'billing'],
    [
      'cost: no billing data source',
      'costSpikeUnreviewed',
      { costUnknown: { kind: 'noBillingDataSource' } },
      'unknown',
      'costNoBillingDataSource',
      'billing',
    ],
    [
      'cost: billing query failed',
      'costSpikeUnreviewed',
      { costUnknown: { kind: 'queryFailed', message: 'timeout' } },
      'unknown',
      'costQueryFailed',
      'billing',
    ],
    [
      'cost: read, but no spend for its tags',
      'costSpikeUnreviewed',
      { costs: { payments: { current: 10, baseline: 10 } } },
      'unknown',
      'costNoSpendFound',
      'billing',
    ],
    [
      'cost: spike',
      'costSpikeUnreviewed',
      { costs: { checkout: { current: 200, baseline: 100 } } },
      'fail',
      'costSpikeNotReviewed',
      null,
    ],
    [
      'cost: reviewed spike',
      'costSpikeUnreviewed',
      { costs: { checkout: { current: 200, baseline: 100, reviewed: true } } },
      'pass',
      'costSpikeReviewed',
      null,
    ],
    [
      'cost: steady',
      'costSpikeUnreviewed',
      { costs: { checkout: { current: 110, baseline: 100 } } },
      'pass',
      'costSteady',
      null,
    ],
    ['postmortem: incidents not read', POSTMORTEM, undefined, 'unknown', 'incidentsNotRead', 'prometheus'],
    [
      'postmortem: no Prometheus for the alert history',
      POSTMORTEM,
      { incidentsUnknown: { kind: 'noDataSource' } },
      'unknown',
      'incidentsNoDataSource',
      'prometheus',
    ],
    [
      'postmortem: the alert history could not be read',
      POSTMORTEM,
      { incidentsUnknown: { kind: 'queryFailed', message: 'Prometheus is down' } },
      'unknown',
      'incidentsReadFailed',
      null,
    ],
    [
      // payments' missing postmortem is not checkout's
      'postmortem: missing',
      POSTMORTEM,
      { incidents: [incident('c1', 'checkout', 'missing'), incident('p1', 'payments', 'missing')] },
      'fail',
      'postmortemsMissing',
      null,
    ],
    [
      'postmortem: no incident of the service',
      POSTMORTEM,
      { incidents: [incident('p1', 'payments', 'missing')] },
      'pass',
      'noBudgetHeavyIncidents',
      null,
    ],
    [
      'postmortem: linked',
      POSTMORTEM,
      { incidents: [incident('c1', 'checkout', 'covered'), incident('c2', 'checkout', 'notRequired')] },
      'pass',
      'postmortemsLinked',
      null,
    ],
  ])('%s', (_name, checkId, live, outcome, code, needs) => {
    const result = resultOf(baseRegistry({ slos: noPolicy }), 'checkout', checkId, live);
    expect([result.outcome, result.needs ?? null]).toEqual([outcome, needs]);
    expect(result.evidence[0].code).toBe(code);
  });

  test('evidence names the SLO and its burn rate', () => {
    const result = resultOf(baseRegistry({ slos: noPolicy }), 'checkout', 'burnWithoutPolicy', {
      slos: { 'checkout-ratio': { burnRate: 4 } },
    });
    expect(result.evidence).toEqual([{ code: 'burningWithoutPolicy', values: { slos: 'checkout-ratio (4.0x)' } }]);
  });

  test('a missing postmortem names the service’s incidents only', () => {
    const live = {
      incidents: [
        incident('checkout-ratio-20240501-1000', 'checkout', 'missing'),
        incident('payments-ratio-20240502-0900', 'payments', 'missing'),
      ],
    };
    expect(resultOf(baseRegistry(), 'checkout', POSTMORTEM, live).evidence).toEqual([
      { code: 'postmortemsMissing', values: { incidents: 'checkout-ratio-20240501-1000', count: 1 } },
    ]);
    expect(scoreRegistry(baseRegistry(), live).map((card) => card.failing.includes(POSTMORTEM))).toEqual([true, true]);
  });

  test('all SLOs with a policy cannot burn without one', () => {
    expect(resultOf(baseRegistry(), 'checkout', 'burnWithoutPolicy')).toMatchObject({ outcome: 'pass' });
  });
});

describe('unknown failure modes', () => {
  test('Prometheus down: telemetry is unknown for every service, never a failure', () => {
    const doc = baseRegistry();
    const failed = { source: 'none' as const, reason: { kind: 'queryFailed' as const, message: 'connection refused' } };
    const live = { slos: Object.fromEntries(doc.slos.map((slo) => [slo.id, failed])) };
    const cards = scoreRegistry(doc, live);
    for (const card of cards.filter((item) => doc.slos.some((slo) => slo.serviceId === item.serviceId))) {
      expect(card.failing).not.toContain('missingTelemetry');
      expect(card.unknown).toContain('missingTelemetry');
    }
    const summary = summarizePortfolio(cards);
    expect(summary.outcomes.missingTelemetry.fail).toBe(0);
    expect(summary.outcomes.missingTelemetry.unknown).toBeGreaterThan(0);
  });
});

describe('portfolio', () => {
  test('counts levels, attention and outcomes', () => {
    const doc = baseRegistry();
    doc.services.push(baseService({ id: 'orphan', tier: 4, owners: {}, dependsOn: [] }));
    const summary = summarizePortfolio(scoreRegistry(doc));
    expect(summary).toMatchObject({
      services: 3,
      levels: { none: 2, beginner: 0, intermediate: 1, advanced: 0 },
      needingAttention: 1,
    });
    expect(summary.outcomes.accountableOwner).toEqual({ pass: 2, fail: 1, unknown: 0, notApplicable: 0 });
  });
});

describe('the level and failing failure modes on their own', () => {
  test('are the scorecard’s, whatever the live values say', () => {
    // Generated services (no owner, or an owner and nothing more) and the base registry's, which climb further.
    const many = manyServices(140);
    const base = baseRegistry();
    const doc: RegistryDocument = {
      ...many,
      people: [...base.people, ...many.people],
      services: [...base.services, ...many.services],
      slos: [...base.slos, ...many.slos],
    };
    const burning = Object.fromEntries(
      doc.slos.map((slo, i) => [slo.id, i % 3 === 0 ? { burnRate: 4 } : { hasData: i % 5 !== 0, burnRate: 0.5 }])
    );
    const lives: Array<Parameters<typeof scoreRegistry>[1]> = [
      undefined,
      { slos: burning },
      { slos: burning, generatedDashboards: doc.services.filter((_, i) => i % 2 === 0).map((service) => service.id) },
      { generatedDashboards: doc.services.map((service) => service.id) },
      { incidents: [incident('i1', doc.services[3].id, 'missing')], generatedDashboards: [] },
    ];
    const levels = new Set<string>();
    const failingCounts = new Set<number>();
    for (const live of lives) {
      const ctx = scoringContext(doc, live);
      const cards = scoreRegistry(doc, live);
      doc.services.forEach((service, i) => {
        expect([service.id, ladderLevel(service, ctx), failingModes(service, ctx)]).toEqual([
          service.id,
          cards[i].level,
          cards[i].failing,
        ]);
        levels.add(cards[i].level);
        failingCounts.add(cards[i].failing.length);
      });
    }
    // The registry and live values above reach several levels, with and without failures.
    expect([...levels].sort()).toEqual(['advanced', 'beginner', 'intermediate', 'none']);
    expect([...failingCounts].some((count) => count > 0)).toBe(true);
    expect(failingCounts.has(0)).toBe(true);
  });
});
