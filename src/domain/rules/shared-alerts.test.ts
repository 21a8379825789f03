import { RegistryDocument } from '../model';
import { baseDoc, baseService, baseSlo, RULE_FIXTURES } from './fixtures';
import { generateRuleFiles, SHARED_ALERTS } from './generate';
import {
  FREEZE_ALERT,
  INFO_NAME,
  INFO_OWNER_CONTACT,
  INFO_RUNBOOK,
  INFO_SERVICE_NAME,
  LABEL_ID,
  SLO_INFO,
} from './names';
import { AlertingRule, isAlertingRule, RecordingRule } from './types';

const alertsOf = (files: ReturnType<typeof generateRuleFiles>['prometheus']) =>
  files.flatMap(({ serviceId, file }) =>
    file.groups.flatMap((group) =>
      group.rules.filter(isAlertingRule).map((rule) => ({ serviceId, group: group.name, rule }))
    )
  );

const sharedAlerts = (doc: RegistryDocument) =>
  alertsOf(generateRuleFiles(doc).prometheus).filter((entry) => entry.serviceId === SHARED_ALERTS);

/**
 * The ids a shared rule selects: from its first selector, which reads a window of each SLO's series;
 * every selector that names SLOs names the same ones.
 */
function idsOf(rule: AlertingRule): string[] {
  const matchers = [...rule.expr.matchAll(/\{sloth_id(=~?)"([^"]*)"\}/g)];
  if (matchers.length === 0) {
    throw new Error(`no SLO matcher in ${rule.expr}`);
  }
  expect(new Set(matchers.map((match) => match[0])).size).toBe(1);
  const [, op, value] = matchers[0];
  return op === '=' ? [value] : value.split('|');
}

/** `slo:info` of every SLO, by id. */
function infoById(doc: RegistryDocument): Map<string, Record<string, string>> {
  const info = new Map<string, Record<string, string>>();
  for (const { file } of generateRuleFiles(doc).prometheus) {
    for (const rule of file.groups.flatMap((group) => group.rules)) {
      if (!isAlertingRule(rule) && (rule as RecordingRule).record === SLO_INFO) {
        info.set(rule.labels![LABEL_ID], rule.labels!);
      }
    }
  }
  return info;
}

/** A shared rule's text for one SLO: its `{{ $labels.… }}` of `slo:info` replaced by that SLO's values. */
function expand(text: string, info: Record<string, string>): string {
  return text.replace(
    /\{\{ \$labels\.(slo_name|slo_service_name|slo_runbook_url|slo_owner_contact) \}\}/g,
    (_all, name) => info[name]
  );
}

const many = (count: number, overrides: Parameters<typeof baseSlo>[0] = {}) =>
  Array.from({ length: count }, (_, i) => baseSlo({ id: `checkout-${i}`, name: `Checkout ${i}`, ...overrides }));

describe('registry-wide alerting rules', () => {
  test('SLOs that differ only by their series share one rule per tier; service files keep no alerts', () => {
    const doc = baseDoc([
      ...many(30),
      baseSlo({ id: 'search-availability', name: 'Search availability', serviceId: 'search' }),
    ]);
    doc.services.push(baseService({ id: 'search', name: 'Search' }));
    const all = alertsOf(generateRuleFiles(doc).prometheus);
    expect(all.filter((entry) => entry.serviceId !== SHARED_ALERTS)).toEqual([]);
    const shared = all.filter((entry) => entry.serviceId === SHARED_ALERTS);
    // the four tiers of the Google preset: the first page tier every cycle, the others every minute
    expect(shared.map((entry) => [entry.group, entry.rule.labels?.burn_tier])).toEqual([
      ['registry.alerts', 'page-fast'],
      ['registry.alerts-1m', 'page-slow'],
      ['registry.alerts-1m', 'ticket-fast'],
      ['registry.alerts-1m', 'ticket-slow'],
    ]);
    for (const { rule } of shared) {
      expect(idsOf(rule)).toEqual([...doc.slos.map((slo) => slo.id)]);
      // no identity on the rule: the series carry it
      expect(rule.labels).not.toHaveProperty(LABEL_ID);
    }
  });

  test("each shared alert says exactly what the SLO's own rule says, for every fixture", () => {
    for (const [name, doc] of Object.entries(RULE_FIXTURES)) {
      const info = infoById(doc);
      const own = alertsOf(generateRuleFiles(doc, { shareAlerts: false }).prometheus).map((entry) => entry.rule);
      const generated = alertsOf(generateRuleFiles(doc).prometheus);
      type Said = Pick<AlertingRule, 'alert' | 'labels' | 'annotations' | 'for'>;
      const expanded = generated.flatMap(({ serviceId, rule }): Said[] => {
        if (serviceId !== SHARED_ALERTS) {
          return [rule];
        }
        return idsOf(rule).map((id) => {
          const labels = Object.fromEntries(Object.entries(rule.labels ?? {}).filter(([, value]) => value !== ''));
          const annotations = Object.fromEntries(
            Object.entries(rule.annotations ?? {}).map(([key, value]) => [key, expand(value, info.get(id)!)])
          );
          return { alert: rule.alert, labels, annotations, for: rule.for };
        });
      });
      // the per-SLO rules without their expressions and identity labels, in the same order of SLOs
      const strip = (rule: Said) => ({
        alert: rule.alert,
        labels: Object.fromEntries(
          Object.entries(rule.labels ?? {}).filter(([key]) => !['sloth_id', 'sloth_service', 'sloth_slo'].includes(key))
        ),
        annotations: rule.annotations,
        ...(rule.for ? { for: rule.for } : {}),
      });
      const key = (rule: ReturnType<typeof strip>) => JSON.stringify(rule);
      expect([name, expanded.map(strip).map(key).sort()]).toEqual([name, own.map(strip).map(key).sort()]);
    }
  });

  test("a shared rule's expression is the SLO's own with every SLO's matcher, joined with slo:info", () => {
    // three SLOs of twenty: the rule names them in every selector
    const doc = baseDoc([...many(3), ...many(17, { objective: 99 }).map((slo) => ({ ...slo, id: `${slo.id}-99` }))]);
    const own = alertsOf(generateRuleFiles(doc, { shareAlerts: false }).prometheus)[0].rule;
    const shared = sharedAlerts(doc)[0].rule;
    const regex = '{sloth_id=~"checkout-0|checkout-1|checkout-2"}';
    expect(shared.expr).toBe(
      `(${own.expr.split('{sloth_id="checkout-0"}').join(regex)})\n` +
        `* on (sloth_id) group_left (${INFO_NAME}, ${INFO_SERVICE_NAME}, ${INFO_RUNBOOK}) slo:info${regex}`
    );
    // the labels the text reads are removed from the alert: an empty rule label deletes a label
    expect(shared.labels).toMatchObject({ [INFO_NAME]: '', [INFO_SERVICE_NAME]: '', [INFO_RUNBOOK]: '' });
  });

  test("a rule whose SLOs are their service's reads the windows by service and names its SLOs in the join", () => {
    const doc = baseDoc([
      ...many(3),
      ...['a', 'b'].map((id) => baseSlo({ id: `search-${id}`, serviceId: 'search', objective: 99 })),
    ]);
    doc.services.push(baseService({ id: 'search', name: 'Search' }));
    const own = alertsOf(generateRuleFiles(doc, { shareAlerts: false }).prometheus);
    const rules = sharedAlerts(doc).map((entry) => entry.rule);
    const join = `* on (sloth_id) group_left (${INFO_NAME}, ${INFO_SERVICE_NAME}, ${INFO_RUNBOOK}) slo:info`;
    for (const [first, service, ids] of [
      ['checkout-0', 'checkout', 'checkout-0|checkout-1|checkout-2'],
      ['search-a', 'search', 'search-a|search-b'],
    ]) {
      for (const tier of ['page-fast', 'page-slow', 'ticket-fast', 'ticket-slow']) {
        const mine = own.find(
          (entry) => entry.rule.labels?.sloth_id === first && entry.rule.labels.burn_tier === tier
        )!;
        const shared = rules.filter((rule) => rule.labels?.burn_tier === tier && idsOf(rule).includes(first));
        expect(shared.map((rule) => rule.expr)).toEqual([
          `(${mine.rule.expr.split(`{sloth_id="${first}"}`).join(`{sloth_service="${service}"}`)})\n` +
            `${join}{sloth_id=~"${ids}"}`,
        ]);
      }
    }
  });

  test('the windows are read by the fewest labels that leave out every other SLO, or by the set', () => {
    const eu = { region: 'eu' };
    const selectorsOf = (doc: RegistryDocument) =>
      sharedAlerts(doc)
        .filter((entry) => entry.rule.labels?.burn_tier === 'page-fast')
        .map((entry) => entry.rule.expr.match(/slo:sli_total:increase5m(\{[^}]*\})?\[/)?.[1] ?? '');
    // a label only the rule's SLOs carry
    const regional = [
      baseSlo({ id: 'checkout-a', labels: eu }),
      baseSlo({ id: 'checkout-b', labels: eu }),
      baseSlo({ id: 'checkout-c', objective: 99 }),
    ];
    expect(selectorsOf(baseDoc(regional))).toEqual(['{region="eu"}', '{sloth_id="checkout-c"}']);
    // an SLO grouped by that label may carry any of its values: the set then
    const grouped = [...regional.slice(0, 2), { ...regional[2], groupBy: ['region'] }];
    expect(selectorsOf(baseDoc(grouped))).toEqual(['{sloth_id=~"checkout-a|checkout-b"}', '{sloth_id="checkout-c"}']);
    // one label is not enough, two are
    const two = baseDoc([...regional, baseSlo({ id: 'search-a', serviceId: 'search', objective: 99.5, labels: eu })]);
    two.services.push(baseService({ id: 'search', name: 'Search' }));
    expect(selectorsOf(two)[0]).toBe('{region="eu", sloth_service="checkout"}');
    // every SLO of the registry: no matcher at all, the join still names them
    const all = sharedAlerts(baseDoc(regional.slice(0, 2))).map((entry) => entry.rule);
    expect(selectorsOf(baseDoc(regional.slice(0, 2)))).toEqual(['']);
    expect(all[0].expr).toContain('slo:info{sloth_id=~"checkout-a|checkout-b"}');
  });

  test('a rule for a quarter of the alerting SLOs or more names them only where a window is read', () => {
    const doc = baseDoc([...many(3), ...many(9, { objective: 99 }).map((slo) => ({ ...slo, id: `${slo.id}-99` }))]);
    const own = alertsOf(generateRuleFiles(doc, { shareAlerts: false }).prometheus);
    const rules = sharedAlerts(doc).map((entry) => entry.rule);
    const [pageFast, pageSlow] = ['page-fast', 'page-slow'].map((tier) =>
      rules.find((rule) => rule.labels?.burn_tier === tier)!
    );
    const regex = '{sloth_id=~"checkout-0|checkout-1|checkout-2"}';
    const join = `* on (sloth_id) group_left (${INFO_NAME}, ${INFO_SERVICE_NAME}, ${INFO_RUNBOOK}) slo:info`;
    // the 5-minute window on the right of `and` reads one sample of every SLO's increases, and the
    // join every SLO's slo:info: neither can add an SLO the long window did not select
    const [long, short] = own[0].rule.expr.split('\n  and\n');
    expect(short).toContain('(slo:sli_error:increase5m{sloth_id="checkout-0"} / ');
    expect(pageFast.expr).toBe(
      `(${long.split('{sloth_id="checkout-0"}').join(regex)}\n  and\n${short.split('{sloth_id="checkout-0"}').join('')})\n${join}`
    );
    // a short window summed over time is read for the rule's SLOs only
    const ownSlow = own.find(
      ({ rule }) => rule.labels?.burn_tier === 'page-slow' && rule.labels.sloth_id === 'checkout-0'
    )!;
    expect(pageSlow.expr).toBe(`(${ownSlow.rule.expr.split('{sloth_id="checkout-0"}').join(regex)})\n${join}`);
  });

  test('different objectives and windows get rules of their own, told apart by their labels', () => {
    const doc = baseDoc([
      ...many(4),
      baseSlo({ id: 'checkout-strict', objective: 99.99 }),
      baseSlo({ id: 'checkout-weekly', window: '7d' }),
      baseSlo({ id: 'checkout-guarded', alerting: { enabled: true, preset: 'google-30d', minEvents: 10 } }),
    ]);
    const shared = sharedAlerts(doc).filter((entry) => entry.rule.labels?.burn_tier === 'page-fast');
    expect(
      shared.map((entry) => [entry.rule.labels?.objective, entry.rule.labels?.slo_window, idsOf(entry.rule)])
    ).toEqual([
      ['99.9', '30d', ['checkout-0', 'checkout-1', 'checkout-2', 'checkout-3']],
      ['99.99', '30d', ['checkout-strict']],
      ['99.9', '7d', ['checkout-weekly']],
      ['99.9', '30d', ['checkout-guarded']],
    ]);
    // the guarded SLO's rule has the name and labels of the first: one more empty label tells it apart
    const guarded = sharedAlerts(doc).filter((entry) => idsOf(entry.rule).includes('checkout-guarded'));
    expect(guarded.map((entry) => [entry.rule.labels?.burn_tier, entry.rule.labels?.slo_variant_2])).toEqual([
      ['page-fast', ''],
      ['page-slow', ''],
      ['ticket-fast', ''],
      ['ticket-slow', ''],
    ]);
    expect(alertsOf(generateRuleFiles(doc).prometheus).every((entry) => entry.serviceId === SHARED_ALERTS)).toBe(true);
    // no two alerting rules of the registry have one name and one set of labels (promtool's lint)
    const identities = alertsOf(generateRuleFiles(doc).prometheus).map(({ rule }) =>
      JSON.stringify([rule.alert, Object.entries(rule.labels ?? {}).sort()])
    );
    expect(new Set(identities).size).toBe(identities.length);
  });

  test('freeze alerts are shared; one that escalates reads the business owner from slo:info', () => {
    const policy = { enabled: true, freezeBudgetLeftPercent: 25, escalateToBusinessOwner: false };
    const doc = baseDoc([
      baseSlo({ id: 'checkout-a', budgetPolicy: policy }),
      baseSlo({ id: 'checkout-b', budgetPolicy: policy }),
      baseSlo({ id: 'checkout-c', budgetPolicy: { ...policy, escalateToBusinessOwner: true } }),
      baseSlo({ id: 'checkout-d', budgetPolicy: { ...policy, escalateToBusinessOwner: true } }),
    ]);
    const freezes = alertsOf(generateRuleFiles(doc).prometheus).filter((entry) => entry.rule.alert === FREEZE_ALERT);
    expect(freezes.map((entry) => [entry.serviceId, entry.group, idsOf(entry.rule)])).toEqual([
      [SHARED_ALERTS, 'registry.alerts-1m', ['checkout-a', 'checkout-b']],
      [SHARED_ALERTS, 'registry.alerts-1m', ['checkout-c', 'checkout-d']],
    ]);
    expect(freezes.map((entry) => entry.rule.for)).toEqual(['5m', '5m']);
    expect(freezes[0].rule.annotations).not.toHaveProperty('business_owner_contact');
    expect(freezes[1].rule.annotations?.business_owner_contact).toBe(`{{ $labels.${INFO_OWNER_CONTACT} }}`);
    expect(freezes[1].rule.expr).toContain(INFO_OWNER_CONTACT);
    expect(freezes[1].rule.labels).toMatchObject({ escalate: 'business-owner', [INFO_OWNER_CONTACT]: '' });
    expect(infoById(doc).get('checkout-c')?.[INFO_OWNER_CONTACT]).toBe('Ana Lima <ana@example.com>');
    expect(infoById(doc).get('checkout-a')).not.toHaveProperty(INFO_OWNER_CONTACT);
  });

  test('services with and without a runbook share rules of their own, each text reading only what it has', () => {
    const doc = baseDoc(
      [
        baseSlo(),
        baseSlo({ id: 'search-availability', serviceId: 'search' }),
        baseSlo({ id: 'docs-availability', serviceId: 'docs' }),
      ],
      [
        baseService(),
        baseService({ id: 'search', name: 'Search', links: [] }),
        baseService({ id: 'docs', name: 'Docs', links: [] }),
      ]
    );
    const all = alertsOf(generateRuleFiles(doc).prometheus);
    expect(all.every((entry) => entry.serviceId === SHARED_ALERTS)).toBe(true);
    const fast = all.filter((entry) => entry.rule.labels?.burn_tier === 'page-fast').map((entry) => entry.rule);
    expect(fast.map((rule) => [idsOf(rule), rule.annotations?.runbook_url])).toEqual([
      [['checkout-availability'], `{{ $labels.${INFO_RUNBOOK} }}`],
      [['search-availability', 'docs-availability'], undefined],
    ]);
    expect(fast[1].expr).toContain(`group_left (${INFO_NAME}, ${INFO_SERVICE_NAME}) slo:info`);
    expect(fast[1].labels).not.toHaveProperty(INFO_RUNBOOK);
  });

  test('at most 20 rules to a group, in groups whose names no SLO group can have', () => {
    const slos = Array.from({ length: 25 }, (_, i) => baseSlo({ id: `checkout-${i}`, objective: 90 + i / 10 }));
    const groups = generateRuleFiles(baseDoc(slos)).prometheus.find((entry) => entry.serviceId === SHARED_ALERTS)!.file
      .groups;
    expect(groups.map((group) => [group.name, group.interval, group.rules.length])).toEqual([
      ['registry.alerts', undefined, 20],
      ['registry.alerts.2', undefined, 5],
      ['registry.alerts-1m', '1m', 20],
      ['registry.alerts-1m.2', '1m', 20],
      ['registry.alerts-1m.3', '1m', 20],
      ['registry.alerts-1m.4', '1m', 15],
    ]);
  });

  test('a registry without alerts has no registry-wide file', () => {
    const doc = baseDoc([baseSlo({ alerting: { enabled: false, preset: 'google-30d' } })]);
    expect(generateRuleFiles(doc).prometheus.map((entry) => entry.serviceId)).toEqual(['checkout']);
  });
});
