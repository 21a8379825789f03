import { baseDoc, baseSlo, RULE_FIXTURES } from './fixtures';
import { buildGrafanaAlertRules, GrafanaAlertRule } from './grafana';
import { burnAlertExpr } from './alert-rules';
import { buildSloContext, indexRegistry } from './context';

const options = { folderUid: 'slo-folder', datasourceUid: 'prom-uid' };

function byUid(rules: GrafanaAlertRule[], uid: string): GrafanaAlertRule {
  const rule = rules.find((candidate) => candidate.uid === uid);
  if (!rule) {
    throw new Error(`no rule ${uid} in ${rules.map((candidate) => candidate.uid).join(', ')}`);
  }
  return rule;
}

test('one rule per enabled tier with the provisioning API shape', () => {
  const doc = RULE_FIXTURES['ratio-bad-google-30d'];
  const rules = buildGrafanaAlertRules(doc, options);
  expect(rules.map((rule) => rule.uid)).toEqual([
    'bo-checkout-availability-page-fast',
    'bo-checkout-availability-page-slow',
    'bo-checkout-availability-ticket-fast',
    'bo-checkout-availability-ticket-slow',
  ]);
  const rule = byUid(rules, 'bo-checkout-availability-page-fast');
  const ctx = buildSloContext(doc.slos[0], indexRegistry(doc));
  expect(rule).toMatchObject({
    title: 'Checkout availability (checkout-availability): page-fast burn',
    ruleGroup: 'slo-checkout',
    folderUID: 'slo-folder',
    condition: 'B',
    noDataState: 'OK',
    execErrState: 'Error',
    for: '0s',
    isPaused: false,
    labels: {
      severity: 'page',
      burn_tier: 'page-fast',
      sloth_id: 'checkout-availability',
      business_owner: 'ana',
      category: 'availability',
    },
  });
  expect(rule.data).toEqual([
    {
      refId: 'A',
      queryType: '',
      relativeTimeRange: { from: 600, to: 0 },
      datasourceUid: 'prom-uid',
      model: {
        refId: 'A',
        expr: burnAlertExpr(ctx, ctx.alertWindows[0]),
        instant: true,
        range: false,
        datasource: { type: 'prometheus', uid: 'prom-uid' },
      },
    },
    expect.objectContaining({
      refId: 'B',
      datasourceUid: '__expr__',
      model: expect.objectContaining({ type: 'threshold', expression: 'A' }),
    }),
  ]);
  expect(rule.annotations.description).toContain('{{ humanizePercentage $values.A.Value }}');
  expect(rule.annotations.runbook_url).toBe('https://runbooks.example.com/checkout');
});

test('uids are stable across runs and titles are unique', () => {
  const doc = baseDoc([baseSlo(), baseSlo({ id: 'checkout-latency', name: 'Latency' })]);
  const first = buildGrafanaAlertRules(doc, options);
  expect(buildGrafanaAlertRules(doc, options).map((rule) => rule.uid)).toEqual(first.map((rule) => rule.uid));
  expect(new Set(first.map((rule) => rule.uid)).size).toBe(first.length);
  expect(new Set(first.map((rule) => rule.title)).size).toBe(first.length);
});

test('sloIds selects SLOs, disabled tiers and alerting stay out', () => {
  const doc = baseDoc([
    baseSlo(),
    baseSlo({ id: 'quiet', alerting: { enabled: false, preset: 'google-30d' } }),
    baseSlo({
      id: 'pages-only',
      alerting: { enabled: true, preset: 'google-30d', disabledTiers: ['ticket-fast', 'ticket-slow'] },
    }),
  ]);
  expect(buildGrafanaAlertRules(doc, { ...options, sloIds: ['quiet', 'pages-only'] }).map((rule) => rule.uid)).toEqual([
    'bo-pages-only-page-fast',
    'bo-pages-only-page-slow',
  ]);
});

test('the budget policy becomes a freeze rule that always has a positive value when it fires', () => {
  const rules = buildGrafanaAlertRules(RULE_FIXTURES['log-ratio-policy'], options);
  const freeze = byUid(rules, 'bo-checkout-log-errors-freeze');
  expect(freeze.for).toBe('5m');
  expect(freeze.labels).toMatchObject({ policy: 'release-freeze', escalate: 'business-owner', business_owner: 'ana' });
  expect(String(freeze.data[0].model.expr)).toMatch(/^\(\(max without[\s\S]*\) \* 0 \+ 1$/);
});
