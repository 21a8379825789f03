/**
 * The registry-wide alerting rules through `promtool test rules`: the same registry and series with
 * every alert in its SLO's own rules, and with the alerts shared across SLOs, must raise the same
 * alerts with the same labels and text. Three SLOs burn half of their requests from the start (one
 * of them only for tenant "acme"), one stays quiet; the expected alerts are written from the
 * SLOs' own rules, their `{{ $value }}` (50 %) and group label filled in.
 *
 * Beside them burns an SLO of another registry on the same Prometheus: its recorded series and its
 * `slo:info` carry the labels a shared rule selects its windows by (`sloth_service="checkout"`), and
 * no rule of this registry may alert on it.
 */
import { stringify } from 'yaml';
import {
  AlertingRule,
  generateRuleFiles,
  INFO_LABELS,
  isAlertingRule,
  LABEL_ID,
  mergeRuleFiles,
  RecordingRule,
  renderRuleFile,
  RuleFile,
  SHARED_ALERTS,
  SLO_INFO,
} from '../../src/domain/rules';
import { baseDoc, baseService, baseSlo } from '../../src/domain/rules/fixtures';
import { Slo } from '../../src/domain/model';
import { requirePromtool, runPromtool, writeTempFiles } from './fixtures/rules/promtool';

const policy = { enabled: true, freezeBudgetLeftPercent: 25, escalateToBusinessOwner: false };
const ratio = (svc: string): Slo['sli'] => ({
  kind: 'ratio',
  bad: `requests_total{svc="${svc}",code="500"}`,
  total: `requests_total{svc="${svc}"}`,
});

const doc = baseDoc(
  [
    baseSlo({ id: 'checkout-availability', sli: ratio('checkout'), budgetPolicy: policy }),
    baseSlo({ id: 'checkout-quiet', name: 'Checkout quiet', sli: ratio('checkout-quiet'), budgetPolicy: policy }),
    baseSlo({
      id: 'search-availability',
      serviceId: 'search',
      name: 'Search availability',
      sli: ratio('search'),
      // its freeze alert names the business owner
      budgetPolicy: { ...policy, escalateToBusinessOwner: true },
    }),
    baseSlo({
      id: 'shop-tenants',
      serviceId: 'shop',
      name: 'Shop per tenant',
      sli: ratio('shop'),
      groupBy: ['tenant'],
    }),
  ],
  [baseService(), baseService({ id: 'search', name: 'Search', links: [] }), baseService({ id: 'shop', name: 'Shop' })]
);

/** The series another registry records for its SLO `checkout-elsewhere`, burning half its events. */
const ELSEWHERE = 'sloth_id="checkout-elsewhere", sloth_service="checkout", sloth_slo="elsewhere"';
const elsewhere = [
  ...['increase5m', 'increase1h'].flatMap((window) => [
    { series: `slo:sli_total:${window}{${ELSEWHERE}}`, values: '100+0x300' },
    { series: `slo:sli_error:${window}{${ELSEWHERE}}`, values: '50+0x300' },
  ]),
  {
    series: `slo:info{${ELSEWHERE}, objective="99.9", slo_window="30d", slo_name="Elsewhere", slo_service_name="Checkout", slo_runbook_url="https://runbooks.example.com/checkout"}`,
    values: '1+0x300',
  },
];

/** 100 good requests a minute, and 100 failing ones where `failing`. */
const traffic = (labels: string, failing: boolean) => [
  { series: `requests_total{${labels}, code="200"}`, values: '0+100x300' },
  { series: `requests_total{${labels}, code="500"}`, values: failing ? '0+100x300' : '0x300' },
];

const EVAL_TIME = '240m';

/** The SLOs' own rules, the labels of their series (from `slo:info`), and the alerts expected to fire. */
function expectedAlerts(burning: Array<{ id: string; group?: Record<string, string> }>) {
  const own = mergeRuleFiles(generateRuleFiles(doc, { shareAlerts: false }).prometheus.map((entry) => entry.file));
  const rules = own.groups.flatMap((group) => group.rules);
  const seriesLabels = new Map<string, Record<string, string>>();
  for (const rule of rules) {
    if (!isAlertingRule(rule) && (rule as RecordingRule).record === SLO_INFO) {
      const labels = { ...rule.labels! };
      for (const name of INFO_LABELS) {
        delete labels[name];
      }
      seriesLabels.set(labels[LABEL_ID], labels);
    }
  }
  const byName = new Map<
    string,
    Array<{ exp_labels: Record<string, string>; exp_annotations: Record<string, string> }>
  >();
  for (const { id, group = {} } of burning) {
    for (const rule of rules.filter(isAlertingRule).filter((alert: AlertingRule) => alert.labels?.[LABEL_ID] === id)) {
      const fill = (text: string) =>
        text
          .replace('{{ $value | humanizePercentage }}', '50%')
          .replace(/\{\{ \$labels\.(\w+) \}\}/g, (_all, name: string) => group[name]);
      const expected = {
        exp_labels: { ...seriesLabels.get(id)!, ...group, ...rule.labels },
        exp_annotations: Object.fromEntries(Object.entries(rule.annotations ?? {}).map(([k, v]) => [k, fill(v)])),
      };
      byName.set(rule.alert, [...(byName.get(rule.alert) ?? []), expected]);
    }
  }
  return [...byName].map(([alertname, exp_alerts]) => ({ eval_time: EVAL_TIME, alertname, exp_alerts }));
}

function run(prometheus: RuleFile, alerts: ReturnType<typeof expectedAlerts>) {
  const tests = {
    rule_files: ['rules.yaml'],
    evaluation_interval: '1m',
    group_eval_order: prometheus.groups.map((group) => group.name),
    tests: [
      {
        name: 'three SLOs burn half their requests, one stays quiet',
        interval: '1m',
        input_series: [
          ...traffic('svc="checkout"', true),
          ...traffic('svc="checkout-quiet"', false),
          ...traffic('svc="search"', true),
          ...traffic('svc="shop", tenant="acme"', true),
          ...traffic('svc="shop", tenant="globex"', false),
          ...elsewhere,
        ],
        alert_rule_test: alerts,
      },
    ],
  };
  const dir = writeTempFiles({ 'rules.yaml': renderRuleFile(prometheus), 'tests.yaml': stringify(tests) });
  return runPromtool(['test', 'rules', 'tests.yaml'], dir);
}

const burning = [
  { id: 'checkout-availability' },
  { id: 'search-availability' },
  { id: 'shop-tenants', group: { tenant: 'acme' } },
];
const layouts = {
  own: mergeRuleFiles(generateRuleFiles(doc, { shareAlerts: false }).prometheus.map((entry) => entry.file)),
  shared: mergeRuleFiles(generateRuleFiles(doc).prometheus.map((entry) => entry.file)),
};

beforeAll(() => {
  requirePromtool();
});

test('the registry shares the alerts of these SLOs', () => {
  const files = generateRuleFiles(doc).prometheus;
  const alerting = files.filter(({ file }) => file.groups.some((group) => group.rules.some(isAlertingRule)));
  expect(alerting.map((entry) => entry.serviceId)).toEqual([SHARED_ALERTS]);
});

test.each(Object.keys(layouts) as Array<keyof typeof layouts>)(
  'with the %s alerting rules, the burning SLOs raise their alerts with their labels and text',
  (layout) => {
    const alerts = expectedAlerts(burning);
    // four burn tiers for each burning SLO or group, a freeze for each with a policy
    expect(alerts.map((test) => [test.alertname, test.exp_alerts.length])).toEqual([
      ['SLOErrorBudgetBurn', 12],
      ['SLOReleaseFreeze', 2],
    ]);
    // the escalating freeze alert names the business owner; the runbook is checkout's
    const freeze = alerts[1].exp_alerts.find((alert) => alert.exp_labels.sloth_id === 'search-availability');
    expect(freeze?.exp_annotations.business_owner_contact).toBe('Ana Lima <ana@example.com>');
    expect(alerts[0].exp_alerts[0].exp_annotations.runbook_url).toBe('https://runbooks.example.com/checkout');
    const result = run(layouts[layout], alerts);
    expect(result.output).toContain('SUCCESS');
    expect(result.status).toBe(0);
  }
);

test('a shared rule reads its windows by service and limits its alerts to its SLOs in the slo:info join', () => {
  const checkout = layouts.shared.groups
    .flatMap((group) => group.rules)
    .filter(isAlertingRule)
    .filter((rule) => rule.labels?.burn_tier === 'page-fast' && rule.expr.includes('{sloth_service="checkout"}'));
  expect(checkout.map((rule) => rule.expr.match(/slo:info(\{[^}]*\})/)?.[1])).toEqual([
    '{sloth_id=~"checkout-availability|checkout-quiet"}',
  ]);
});

test("the check can fail: without its SLOs in the join, a shared rule alerts on the other registry's SLO", () => {
  const open: RuleFile = {
    groups: layouts.shared.groups.map((group) => ({
      ...group,
      rules: group.rules.map((rule) =>
        isAlertingRule(rule) ? { ...rule, expr: rule.expr.replace(/slo:info\{sloth_id=~"[^"]*"\}/, SLO_INFO) } : rule
      ),
    })),
  };
  const result = run(open, expectedAlerts(burning));
  expect(result.output).toContain('FAILED');
  expect(result.output).toContain('checkout-elsewhere');
  expect(result.status).not.toBe(0);
});

test('the check can fail: an alert of the quiet SLO is not raised by the shared rules', () => {
  const result = run(layouts.shared, expectedAlerts([...burning, { id: 'checkout-quiet' }]));
  expect(result.output).toContain('FAILED');
  expect(result.status).not.toBe(0);
});
