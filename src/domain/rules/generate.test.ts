import { BurnWindow, RegistryDocument } from '../model';
import { firstPageTier } from './alert-rules';
import { baseDoc, baseService, baseSlo, RULE_FIXTURES } from './fixtures';
import {
  generateRuleFiles,
  generateSloRules,
  mergeRuleFiles,
  SHARED_ALERTS,
  SHARED_RULES,
  sharedRuleFile,
} from './generate';
import { standaloneRuleFile } from './sli-rules';
import { BURN_ALERT, FREEZE_ALERT, LABEL_BURN_TIER, SLI_TOTAL_COUNT_PREFIX } from './names';
import { isAlertingRule, RecordingRule, Rule, RuleGroup, SloRules } from './types';
import { summedErrorRatio, summedEventCount } from './windowRatio';

function rulesOf(doc: RegistryDocument, sloId = doc.slos[0].id): SloRules {
  const rules = generateSloRules(doc, sloId);
  if (!rules) {
    throw new Error(`no rules for ${sloId}`);
  }
  return rules;
}

const records = (groups: RuleGroup[]) =>
  groups.flatMap((group) => group.rules).filter((rule): rule is RecordingRule => !isAlertingRule(rule));
const alerts = (groups: RuleGroup[]) => groups.flatMap((group) => group.rules).filter(isAlertingRule);

/** The document with Sloth's series turned on. */
const withSloth = (doc: RegistryDocument): RegistryDocument => ({
  ...doc,
  settings: { ...doc.settings, slothSeries: true },
});

/**
 * Distinct names of the series recorded for the only SLO of `doc`: its own rules on Prometheus and
 * Loki, and the shared rules, each of which records one series per SLO it covers.
 */
function seriesNamesPerSlo(doc: RegistryDocument): string[] {
  const own = rulesOf(doc);
  const shared = sharedRuleFile(doc).groups;
  return [...new Set(records([...own.prometheus, ...own.loki, ...shared]).map((rule) => rule.record))].sort();
}

describe('generateSloRules', () => {
  test.each([
    ['ratio-bad-google-30d', ['', '-1m', '-increase1h'], []],
    ['freeform-calendar-month', ['', '-1m', '-period'], []],
    ['log-ratio-policy', ['', '-1m'], ['-sli', '-increase1h']],
    // no alert of any tier: no group every cycle
    ['alerting-disabled', ['-1m', '-increase1h'], []],
  ])('%s has Prometheus groups %j and Loki groups %j', (name, prometheus, loki) => {
    const doc = RULE_FIXTURES[name];
    const rules = rulesOf(doc);
    const suffixes = (groups: RuleGroup[]) => groups.map((group) => group.name.replace(`slo-${doc.slos[0].id}`, ''));
    expect(suffixes(rules.prometheus)).toEqual(prometheus);
    expect(suffixes(rules.loki)).toEqual(loki);
  });

  test('records six series: the 5-minute increases, the hourly tiles, slo:info and the budget left; no shared rules', () => {
    const doc = RULE_FIXTURES['ratio-bad-google-30d'];
    const rules = rulesOf(doc);
    expect(records(rules.prometheus).map((rule) => `${rule.record} ${rule.labels?.sloth_window ?? ''}`.trim())).toEqual(
      [
        'slo:sli_total:increase5m 5m',
        'slo:sli_error:increase5m 5m',
        'slo:info',
        'slo:sli_total:increase1h 1h',
        'slo:sli_error:increase1h 1h',
        'slo:period_error_budget_remaining:ratio 30d',
      ]
    );
    // every cycle: the first page tier; every minute: the increases, slo:info, the other tiers;
    // every hour: the tiles, then the budget left that sums them
    expect(rules.prometheus.map((group) => [group.name, group.interval, group.rules.length])).toEqual([
      ['slo-checkout-availability', undefined, 1],
      ['slo-checkout-availability-1m', '1m', 6],
      ['slo-checkout-availability-increase1h', '1h', 3],
    ]);
    expect(records(rules.prometheus.slice(1, 2)).map((rule) => rule.record)).toEqual([
      'slo:sli_total:increase5m',
      'slo:sli_error:increase5m',
      'slo:info',
    ]);
    expect(alerts(rules.prometheus.slice(0, 1)).map((rule) => rule.labels?.burn_tier)).toEqual(['page-fast']);
    expect(alerts(rules.prometheus.slice(1, 2)).map((rule) => rule.labels?.burn_tier)).toEqual([
      'page-slow',
      'ticket-fast',
      'ticket-slow',
    ]);
    expect(sharedRuleFile(doc).groups).toEqual([]);
    const expr = (record: string) => records(rules.prometheus).find((rule) => rule.record === record)?.expr;
    // the budget left over the period, from the hourly tiles, every range 1 ms short of its window
    expect(expr('slo:period_error_budget_remaining:ratio')).toBe(
      '1 - max without (sloth_window) (sum_over_time(slo:sli_error:increase1h{sloth_id="checkout-availability"}[29d23h59m59s999ms]) / sum_over_time(slo:sli_total:increase1h{sloth_id="checkout-availability"}[29d23h59m59s999ms])) / 0.001'
    );
    expect(expr('slo:period_error_budget_remaining:ratio')).toBe(
      `1 - ${summedErrorRatio('30d', '{sloth_id="checkout-availability"}')} / 0.001`
    );
    // no rule, alert or shared group reads a recorded ratio
    expect(JSON.stringify(generateRuleFiles(doc))).not.toContain('slo:sli_error:ratio_rate');
  });

  test("only the SLO's first page tier runs every cycle: the one that fires first when everything fails", () => {
    const page = (tier: string, factor: number, long: string): BurnWindow => ({
      tier,
      severity: 'page',
      factor,
      long,
      short: '5m',
    });
    const ticket: BurnWindow = { tier: 'ticket-fast', severity: 'ticket', factor: 3, long: '1d', short: '2h' };
    const runsEveryCycle = (window: BurnWindow, windows: BurnWindow[]) => firstPageTier(windows) === window;
    // the presets: 14.4 × 1h before 6 × 6h
    const fast = page('page-fast', 14.4, '1h');
    const slow = page('page-slow', 6, '6h');
    expect([fast, slow, ticket].map((window) => runsEveryCycle(window, [fast, slow, ticket]))).toEqual([
      true,
      false,
      false,
    ]);
    // wherever it is listed; the first listed of equals
    expect([slow, fast].map((window) => runsEveryCycle(window, [slow, fast]))).toEqual([false, true]);
    const twin = page('page-twin', 7.2, '2h');
    expect([fast, twin].map((window) => runsEveryCycle(window, [fast, twin]))).toEqual([true, false]);
    // without its page-fast tier, an SLO's page-slow tier runs every cycle; a ticket tier never does
    expect(runsEveryCycle(slow, [slow, ticket])).toBe(true);
    expect(runsEveryCycle(ticket, [ticket])).toBe(false);
    const doc = baseDoc([baseSlo({ alerting: { enabled: true, preset: 'google-30d', disabledTiers: ['page-fast'] } })]);
    const [every] = rulesOf(doc).prometheus;
    expect(every.interval).toBeUndefined();
    expect(alerts([every]).map((rule) => rule.labels?.[LABEL_BURN_TIER])).toEqual(['page-slow']);
    const shared = generateRuleFiles(doc).prometheus.find((entry) => entry.serviceId === SHARED_ALERTS)!.file.groups;
    expect(shared.map((group) => [group.name, group.rules.map((rule) => rule.labels?.[LABEL_BURN_TIER])])).toEqual([
      ['registry.alerts', ['page-slow']],
      ['registry.alerts-1m', ['ticket-fast', 'ticket-slow']],
    ]);
  });

  test('burn alerts sum each window from the increases: 5m as is, 30m every evaluation, 1h to 6h every 5 minutes, days from the tiles', () => {
    const rules = rulesOf(RULE_FIXTURES['ratio-bad-google-30d']);
    const id = '{sloth_id="checkout-availability"}';
    const burns = alerts(rules.prometheus).filter((rule) => rule.alert === BURN_ALERT);
    const both = (factor: number, long: string, short: string) =>
      `(\n  ${summedErrorRatio(long, id)} > (${factor} * 0.001)\n  and\n  ${summedErrorRatio(short, id)} > (${factor} * 0.001)\n)`;
    expect(burns.map((rule) => rule.expr)).toEqual([
      both(14.4, '1h', '5m'),
      both(6, '6h', '30m'),
      both(3, '1d', '2h'),
      both(1, '3d', '6h'),
    ]);
    expect(burns[0].expr).toBe(
      '(\n' +
        '  max without (sloth_window) (sum_over_time(slo:sli_error:increase5m{sloth_id="checkout-availability"}[59m59s999ms:5m]) / sum_over_time(slo:sli_total:increase5m{sloth_id="checkout-availability"}[59m59s999ms:5m])) > (14.4 * 0.001)\n' +
        '  and\n' +
        '  max without (sloth_window) (slo:sli_error:increase5m{sloth_id="checkout-availability"} / slo:sli_total:increase5m{sloth_id="checkout-availability"}) > (14.4 * 0.001)\n' +
        ')'
    );
    expect(summedErrorRatio('30m', id)).toBe(
      'max without (sloth_window) (sum_over_time(slo:sli_error:increase5m{sloth_id="checkout-availability"}[29m59s999ms]) / sum_over_time(slo:sli_total:increase5m{sloth_id="checkout-availability"}[29m59s999ms]))'
    );
    expect(summedErrorRatio('3d', id)).toBe(
      'max without (sloth_window) (sum_over_time(slo:sli_error:increase1h{sloth_id="checkout-availability"}[2d23h59m59s999ms]) / sum_over_time(slo:sli_total:increase1h{sloth_id="checkout-availability"}[2d23h59m59s999ms]))'
    );
  });

  test("with slothSeries, shared groups record Sloth's ratios over every window, constants and burn rates", () => {
    const doc = withSloth(RULE_FIXTURES['ratio-bad-google-30d']);
    // the SLO's own rules do not change
    expect(rulesOf(doc)).toEqual(rulesOf(RULE_FIXTURES['ratio-bad-google-30d']));
    const shared = sharedRuleFile(doc).groups;
    expect(shared.map((group) => [group.name, group.interval])).toEqual([
      ['slo-shared.ratios', undefined],
      ['slo-shared.tiled', '1m'],
      ['slo-shared.budget', '1m'],
    ]);
    expect(records(shared).map((rule) => `${rule.record} ${rule.labels?.sloth_window ?? ''}`.trim())).toEqual([
      'slo:sli_error:ratio_rate5m 5m',
      'slo:sli_error:ratio_rate30m 30m',
      'slo:sli_error:ratio_rate1h 1h',
      'slo:sli_error:ratio_rate2h 2h',
      'slo:sli_error:ratio_rate6h 6h',
      'slo:sli_error:ratio_rate1d 1d',
      'slo:sli_error:ratio_rate3d 3d',
      'slo:sli_error:ratio_rate30d 30d',
      'slo:objective:ratio',
      'slo:error_budget:ratio',
      'slo:time_period:days',
      'slo:current_burn_rate:ratio',
      'slo:period_burn_rate:ratio',
    ]);
    const expr = (record: string) => records(shared).find((rule) => rule.record === record)?.expr;
    expect(expr('slo:sli_error:ratio_rate5m')).toBe('slo:sli_error:increase5m / slo:sli_total:increase5m');
    // every range 1 ms short of its window, so that Prometheus 2 reads as many samples as 3
    expect(expr('slo:sli_error:ratio_rate30m')).toBe(
      'max without (sloth_window) (sum_over_time(slo:sli_error:increase5m[29m59s999ms]) / sum_over_time(slo:sli_total:increase5m[29m59s999ms]))'
    );
    // from an hour on, one 5-minute increase every 5 minutes
    expect(expr('slo:sli_error:ratio_rate6h')).toBe(
      'max without (sloth_window) (sum_over_time(slo:sli_error:increase5m[5h59m59s999ms:5m]) / sum_over_time(slo:sli_total:increase5m[5h59m59s999ms:5m]))'
    );
    expect(expr('slo:sli_error:ratio_rate30d')).toBe(
      'max without (sloth_window) (sum_over_time(slo:sli_error:increase1h[29d23h59m59s999ms]) / sum_over_time(slo:sli_total:increase1h[29d23h59m59s999ms]))'
    );
    expect(expr('slo:current_burn_rate:ratio')).toBe(
      'slo:sli_error:ratio_rate5m / on (sloth_id, sloth_slo, sloth_service) group_left slo:error_budget:ratio'
    );
    // the budget left stays the SLO's own rule
    expect(records(shared).map((rule) => rule.record)).not.toContain('slo:period_error_budget_remaining:ratio');
    expect(generateRuleFiles(doc).prometheus.map((file) => file.serviceId)).toEqual([
      'checkout',
      SHARED_ALERTS,
      SHARED_RULES,
    ]);
  });

  test('shared constants and period burn rates cover every objective and period of the registry (slothSeries)', () => {
    const slos = [
      baseSlo(),
      baseSlo({ id: 'checkout-28d', objective: 99.5, window: '28d' }),
      baseSlo({ id: 'checkout-month', objective: 99.5, window: 'calendar-month' }),
    ];
    expect(sharedRuleFile(baseDoc(slos)).groups).toEqual([]);
    const shared = records(sharedRuleFile(withSloth(baseDoc(slos))).groups);
    const expr = (record: string) => shared.find((rule) => rule.record === record)?.expr;
    const info =
      'max without (objective, slo_window, slo_name, slo_service_name, slo_runbook_url, slo_owner_contact) (slo:info';
    expect(expr('slo:objective:ratio')).toBe(
      `(0.999 * ${info}{objective="99.9"})) or (0.995 * ${info}{objective="99.5"}))`
    );
    expect(expr('slo:error_budget:ratio')).toBe(
      `(0.001 * ${info}{objective="99.9"})) or (0.005 * ${info}{objective="99.5"}))`
    );
    expect(expr('slo:time_period:days')).toBe(
      `(30 * ${info}{slo_window=~"30d|calendar-month"})) or (28 * ${info}{slo_window=~"28d"}))`
    );
    expect(expr('slo:period_burn_rate:ratio')).toContain('slo:sli_error:ratio_rate28d / on');
    expect(expr('slo:period_burn_rate:ratio')).toContain('(slo:time_period:days == 30)');
    expect(shared.filter((rule) => rule.record === 'slo:sli_error:ratio_rate28d')).toHaveLength(1);
    expect(shared.filter((rule) => rule.record === 'slo:sli_error:ratio_rate30d')).toHaveLength(1);
  });

  test('log SLIs record their increases and tiles on Loki; Prometheus keeps slo:info and the budget left', () => {
    const doc = RULE_FIXTURES['log-ratio-policy'];
    const rules = rulesOf(doc);
    expect(records(rules.loki).map((rule) => `${rule.record} ${rule.labels?.sloth_window}`)).toEqual([
      'slo:sli_total:increase5m 5m',
      'slo:sli_error:increase5m 5m',
      'slo:sli_total:increase1h 1h',
      'slo:sli_error:increase1h 1h',
    ]);
    // Loki's ruler cannot read what it records: both counts read the logs
    for (const rule of records(rules.loki)) {
      expect(rule.expr).toContain('count_over_time');
      expect(rule.expr).not.toContain('slo:sli_total');
    }
    expect(records(rules.prometheus).map((rule) => rule.record)).toEqual([
      'slo:info',
      'slo:period_error_budget_remaining:ratio',
    ]);
    for (const alert of alerts(rules.prometheus).filter((rule) => rule.alert === BURN_ALERT)) {
      expect(alert.expr).toContain('slo:sli_error:increase');
      expect(alert.expr).not.toContain('ratio_rate');
    }
    expect(sharedRuleFile(doc).groups).toEqual([]);
    // with Sloth's series, every window of the log SLI is summed by the shared rules
    const shared = records(sharedRuleFile(withSloth(doc)).groups).map((rule) => rule.record);
    expect(shared.filter((record) => record.startsWith('slo:sli_error:ratio_rate'))).toEqual([
      'slo:sli_error:ratio_rate5m',
      'slo:sli_error:ratio_rate30m',
      'slo:sli_error:ratio_rate1h',
      'slo:sli_error:ratio_rate2h',
      'slo:sli_error:ratio_rate6h',
      'slo:sli_error:ratio_rate1d',
      'slo:sli_error:ratio_rate3d',
      'slo:sli_error:ratio_rate30d',
    ]);
  });

  test('a calendar SLO records its period ratio hourly from the start of the period, and its budget left reads it', () => {
    const calendar = RULE_FIXTURES['freeform-calendar-month'];
    const ratioSli = RULE_FIXTURES['ratio-bad-google-30d'].slos[0].sli;
    const doc = {
      ...calendar,
      slos: [{ ...calendar.slos[0], sli: ratioSli, window: 'calendar-quarter', timeZone: 'Europe/Berlin' }],
    };
    const groups = rulesOf(doc).prometheus;
    const period = groups.find((group) => group.name === 'slo-checkout-probe-period');
    expect(period?.interval).toBe('1h');
    const [rule] = records(period ? [period] : []);
    expect(rule.record).toBe('slo:period_error:ratio');
    expect(rule.labels?.sloth_window).toBe('calendar-quarter');
    // tiles summed over the last 93 days, one step an hour, kept when their step is in the quarter of now
    expect(rule.expr).toContain(
      'sum_over_time((last_over_time(slo:sli_error:increase1h{sloth_id="checkout-probe"}[59m59s999ms]) and on () ('
    );
    expect(rule.expr).toContain('floor((month(');
    expect(rule.expr).toContain('@ end()');
    expect(rule.expr).toContain('[93d:1h])');
    // Berlin: UTC+1, and an hour more in the months that start on summer time (April to October)
    expect(rule.expr).toContain('vector(time() + 3600)');
    expect(rule.expr).toContain('>= bool 4) * (');
    const left = records(groups).find((r) => r.record === 'slo:period_error_budget_remaining:ratio');
    expect(left?.expr).toContain('last_over_time(slo:period_error:ratio{sloth_id="checkout-probe"}[2h]) unless on ()');
    // the first hour of a quarter: the first of January, April, July or October at midnight
    expect(left?.expr).toContain('% 3 == bool 0');
  });

  test("freeform SLIs record every window themselves and average their 5m ratio over the period, as Sloth's", () => {
    const calendar = RULE_FIXTURES['freeform-calendar-month'];
    const doc = { ...calendar, slos: [{ ...calendar.slos[0], window: '30d' }] };
    const rules = rulesOf(doc);
    const names = records(rules.prometheus).map((rule) => `${rule.record} ${rule.labels?.sloth_window ?? ''}`.trim());
    expect(names).toEqual([
      'slo:sli_error:ratio_rate5m 5m',
      'slo:sli_error:ratio_rate30m 30m',
      'slo:sli_error:ratio_rate1h 1h',
      'slo:sli_error:ratio_rate2h 2h',
      'slo:sli_error:ratio_rate6h 6h',
      'slo:sli_error:ratio_rate1d 1d',
      'slo:sli_error:ratio_rate3d 3d',
      'slo:info',
      'slo:period_error_budget_remaining:ratio 30d',
    ]);
    const expr = (all: RuleGroup[], record: string) => records(all).find((rule) => rule.record === record)?.expr;
    expect(expr(rules.prometheus, 'slo:period_error_budget_remaining:ratio')).toBe(
      '1 - avg_over_time(slo:sli_error:ratio_rate5m{sloth_id="checkout-probe"}[29d23h59m59s999ms]) / 0.005'
    );
    // raw queries keep their nominal ranges, as Sloth writes them
    expect(expr(rules.prometheus, 'slo:sli_error:ratio_rate1h')).toBe(
      '1 - avg_over_time(probe_success{job="checkout"}[1h])'
    );
    // alerts read the recorded ratios
    expect(alerts(rules.prometheus)[0].expr).toBe(
      '(\n' +
        '  max without (sloth_window) (slo:sli_error:ratio_rate1h{sloth_id="checkout-probe"}) > (14.4 * 0.005)\n' +
        '  and\n' +
        '  max without (sloth_window) (slo:sli_error:ratio_rate5m{sloth_id="checkout-probe"}) > (14.4 * 0.005)\n' +
        ')'
    );
    expect(sharedRuleFile(doc).groups).toEqual([]);
    // with Sloth's series, the SLO also records Sloth's period ratio; the shared rules only combine
    const sloth = rulesOf(withSloth(doc));
    expect(expr(sloth.prometheus, 'slo:sli_error:ratio_rate30d')).toBe(
      'avg_over_time(slo:sli_error:ratio_rate5m{sloth_id="checkout-probe"}[29d23h59m59s999ms])'
    );
    expect(sharedRuleFile(withSloth(doc)).groups.map((group) => group.name)).toEqual(['slo-shared.budget']);
    const shared = records(sharedRuleFile(withSloth(doc)).groups).map((rule) => rule.record);
    expect(shared).not.toContain('slo:sli_error:ratio_rate30m');
    expect(shared).not.toContain('slo:sli_error:ratio_rate30d');
  });

  test.each([
    ['ratio-bad-google-30d', false, 6],
    ['latency-grouped-min-events', false, 6],
    ['log-ratio-policy', false, 6],
    ['custom-windows-policy', false, 6],
    ['alerting-disabled', false, 6],
    // its seven alert windows, slo:info, the budget left and the calendar period's ratio
    ['freeform-calendar-month', false, 10],
    // plus Sloth's ratios over 5m, 30m, 1h, 2h, 6h, 1d, 3d, 30d, objective, budget, period, two burn rates
    ['ratio-bad-google-30d', true, 19],
    ['log-ratio-policy', true, 19],
    // plus Sloth's period ratio and the five shared combinations
    ['freeform-calendar-month', true, 16],
  ])('%s (slothSeries %s) records %i distinct series per SLO', (name, sloth, count) => {
    const doc = sloth ? withSloth(RULE_FIXTURES[name]) : RULE_FIXTURES[name];
    expect(doc.slos).toHaveLength(1);
    expect(seriesNamesPerSlo(doc)).toHaveLength(count);
    if (!sloth && doc.slos[0].sli.kind !== 'freeform') {
      expect(seriesNamesPerSlo(doc)).toEqual([
        'slo:info',
        'slo:period_error_budget_remaining:ratio',
        'slo:sli_error:increase1h',
        'slo:sli_error:increase5m',
        'slo:sli_total:increase1h',
        'slo:sli_total:increase5m',
      ]);
    }
  });

  test('every SLO of a mixed registry records six series by default, freeform SLOs their windows', () => {
    const slos = [
      baseSlo(),
      baseSlo({ id: 'checkout-latency', sli: RULE_FIXTURES['latency-grouped-min-events'].slos[0].sli }),
      baseSlo({ id: 'checkout-logs', sli: RULE_FIXTURES['log-ratio-policy'].slos[0].sli }),
      baseSlo({ id: 'checkout-probe', sli: RULE_FIXTURES['freeform-calendar-month'].slos[0].sli }),
    ];
    const doc = baseDoc(slos);
    const files = generateRuleFiles(doc);
    const all = [...files.prometheus, ...files.loki].flatMap((entry) => entry.file.groups);
    const perSlo = (id: string) =>
      new Set(
        records(all)
          .filter((rule) => rule.labels?.sloth_id === id)
          .map((rule) => rule.record)
      ).size;
    expect(slos.map((slo) => [slo.id, perSlo(slo.id)])).toEqual([
      ['checkout-availability', 6],
      ['checkout-latency', 6],
      ['checkout-logs', 6],
      ['checkout-probe', 9],
    ]);
    // every recorded rule belongs to one SLO: nothing shared
    expect(records(all).every((rule) => slos.some((slo) => slo.id === rule.labels?.sloth_id))).toBe(true);
  });

  test('every recorded series carries the Sloth, owner and SLO labels', () => {
    const doc = baseDoc([baseSlo({ labels: { category: 'availability' } })]);
    for (const rule of records(rulesOf(doc).prometheus)) {
      expect(rule.labels).toMatchObject({
        sloth_id: 'checkout-availability',
        sloth_service: 'checkout',
        // Sloth's SLO name: the id without its service prefix
        sloth_slo: 'availability',
        business_owner: 'ana',
        team: 'payments',
        tier: '1',
        category: 'availability',
      });
    }
  });

  test.each([
    ['checkout-availability', 'checkout', 'availability'],
    ['availability', 'checkout', 'availability'],
    ['checkout', 'checkout', 'checkout'],
    ['checkoutx-availability', 'checkout', 'checkoutx-availability'],
  ])('sloth_slo of %s in service %s is %s', (id, serviceId, name) => {
    const slo = baseSlo({ id, serviceId });
    const doc = baseDoc([slo], [baseService({ id: serviceId })]);
    for (const rule of records(rulesOf(doc).prometheus)) {
      expect(rule.labels).toMatchObject({ sloth_id: id, sloth_slo: name });
    }
  });

  test("a label the SLO sets is not replaced by a derived owner label; the reserved ones always carry the rules' values", () => {
    const doc = baseDoc([baseSlo({ labels: { tier: '3', team: 'web', sloth_id: 'spoofed', sloth_window: '1y' } })]);
    const labels = records(rulesOf(doc).prometheus).map((rule) => rule.labels);
    for (const series of labels) {
      expect(series).toMatchObject({
        tier: '3',
        team: 'web',
        business_owner: 'ana',
        sloth_id: 'checkout-availability',
      });
    }
    expect(labels.map((series) => series?.sloth_window)).not.toContain('1y');
  });

  test('burn alerts carry alerting.name, sloth_severity beside burn_tier, and the severity the SLO sets', () => {
    const named = baseDoc([
      baseSlo({ alerting: { enabled: true, preset: 'google-30d', name: 'CheckoutHighErrorRate' } }),
    ]);
    const burns = alerts(rulesOf(named).prometheus).filter((rule) => rule.labels?.[LABEL_BURN_TIER]);
    expect(burns.map((rule) => [rule.alert, rule.labels?.sloth_severity, rule.labels?.severity])).toEqual([
      ['CheckoutHighErrorRate', 'page', 'page'],
      ['CheckoutHighErrorRate', 'page', 'page'],
      ['CheckoutHighErrorRate', 'ticket', 'ticket'],
      ['CheckoutHighErrorRate', 'ticket', 'ticket'],
    ]);
    const routed = baseDoc([
      baseSlo({
        labels: { severity: 'critical' },
        alerting: { enabled: true, preset: 'google-30d', ticketLabels: { severity: 'warning' } },
        budgetPolicy: { enabled: true, freezeBurnRate: 2, escalateToBusinessOwner: false },
      }),
    ]);
    const labels = alerts(rulesOf(routed).prometheus).map((rule) => [
      rule.alert,
      rule.labels?.severity,
      rule.labels?.sloth_severity,
    ]);
    expect(labels).toEqual([
      [BURN_ALERT, 'critical', 'page'],
      [BURN_ALERT, 'critical', 'page'],
      [BURN_ALERT, 'warning', 'ticket'],
      [BURN_ALERT, 'warning', 'ticket'],
      [FREEZE_ALERT, 'critical', undefined],
    ]);
  });

  test('team falls back to the service owner, and missing owners leave labels out', () => {
    const noTeam = baseDoc([baseSlo()], [baseService({ onCall: undefined })]);
    expect(records(rulesOf(noTeam).prometheus)[0].labels?.team).toBe('payments');
    const unowned = baseDoc([baseSlo()], [baseService({ owners: {}, onCall: undefined })]);
    expect(records(rulesOf(unowned).prometheus)[0].labels).not.toHaveProperty('business_owner');
    expect(records(rulesOf(unowned).prometheus)[0].labels).not.toHaveProperty('team');
  });

  test('a window shorter than 5 minutes is recorded by the SLO from its raw series, not summed', () => {
    const doc = baseDoc([
      baseSlo({
        alerting: {
          enabled: true,
          preset: 'custom',
          windows: [{ tier: 'page-fast', severity: 'page', factor: 10, long: '61m', short: '90s' }],
        },
      }),
    ]);
    const own = records(rulesOf(doc).prometheus).find((rule) => rule.record === 'slo:sli_error:ratio_rate90s');
    expect(own?.expr).toContain('[90s]');
    expect(own?.expr).not.toContain('increase5m');
    expect(records(rulesOf(doc).prometheus).map((rule) => rule.record)).not.toContain('slo:sli_error:ratio_rate61m');
    // the alert reads the recorded 90s ratio and sums 61m from the 5-minute increases
    expect(alerts(rulesOf(doc).prometheus)[0].expr).toBe(
      '(\n' +
        `  ${summedErrorRatio('61m', '{sloth_id="checkout-availability"}')} > (10 * 0.001)\n` +
        '  and\n' +
        '  max without (sloth_window) (slo:sli_error:ratio_rate90s{sloth_id="checkout-availability"}) > (10 * 0.001)\n' +
        ')'
    );
    expect(summedErrorRatio('61m')).toContain('[1h59s999ms:5m]');
    expect(() => summedErrorRatio('90s')).toThrow('90s');
    expect(sharedRuleFile(doc).groups).toEqual([]);
    const shared = records(sharedRuleFile(withSloth(doc)).groups).map((rule) => rule.record);
    expect(shared).not.toContain('slo:sli_error:ratio_rate90s');
    expect(shared).toContain('slo:sli_error:ratio_rate61m');
  });

  test.each([
    ['ratio', baseSlo().sli, 'slo:sli_error:ratio_rate1d', 0],
    ['ratio with slothSeries', baseSlo().sli, 'slo:sli_error:ratio_rate1d', 1],
    ['freeform', RULE_FIXTURES['freeform-calendar-month'].slos[0].sli, 'slo:sli_error:ratio_rate1d', 1],
    [
      'freeform with slothSeries',
      RULE_FIXTURES['freeform-calendar-month'].slos[0].sli,
      'slo:sli_error:ratio_rate1d',
      1,
    ],
  ])('a period equal to an alert window (%s) is recorded at most once', (name, sli, record, count) => {
    const plain = baseDoc([
      baseSlo({
        sli,
        window: '1d',
        alerting: {
          enabled: true,
          preset: 'custom',
          windows: [{ tier: 'page-fast', severity: 'page', factor: 10, long: '1d', short: '1h' }],
        },
      }),
    ]);
    const doc = name.endsWith('slothSeries') ? withSloth(plain) : plain;
    const all = generateRuleFiles(doc).prometheus.flatMap((entry) => entry.file.groups);
    const names = records(all).map((rule) => rule.record);
    expect(names.filter((candidate) => candidate === record)).toHaveLength(count);
    expect(names.filter((candidate) => candidate === 'slo:period_error_budget_remaining:ratio')).toHaveLength(1);
  });

  test.each([
    ['ratio-bad-google-30d', ['page-fast', 'page-slow', 'ticket-fast', 'ticket-slow']],
    ['ratio-good-google-28d-disabled-tiers', ['page-fast', 'ticket-fast']],
    ['custom-windows-policy', ['page-fast', 'ticket-slow']],
    ['alerting-disabled', []],
  ])('%s alerts on tiers %j', (name, tiers) => {
    const burns = alerts(rulesOf(RULE_FIXTURES[name]).prometheus).filter((rule) => rule.alert === BURN_ALERT);
    expect(burns.map((rule) => rule.labels?.[LABEL_BURN_TIER])).toEqual(tiers);
  });

  test('grouped SLIs aggregate by the group labels everywhere', () => {
    const rules = rulesOf(RULE_FIXTURES['latency-grouped-min-events']);
    const raw = records(rules.prometheus).filter((rule) => /rate\(|increase\(/.test(rule.expr));
    expect(raw.length).toBeGreaterThan(0);
    for (const rule of raw) {
      expect(rule.expr).not.toMatch(/sum\(/);
      expect(rule.expr).toContain('sum by (route) (');
    }
  });

  test.each([
    ['ratio-bad-google-30d', 'sum(TOTAL{sloth_id="checkout-availability"})', ' or (0 * '],
    ['ratio-good-google-28d-disabled-tiers', 'sum(TOTAL{sloth_id="checkout-success"})', ' - sum('],
    ['latency-grouped-min-events', 'sum by (route) (TOTAL{sloth_id="checkout-latency"})', ' - sum by (route) ('],
  ])(
    '%s: each error count reads the total its group recorded just before, not the raw series again',
    (name, total, op) => {
      const rules = rulesOf(RULE_FIXTURES[name]);
      for (const [errors, totals] of [
        ['slo:sli_error:increase5m', 'slo:sli_total:increase5m'],
        ['slo:sli_error:increase1h', 'slo:sli_total:increase1h'],
      ]) {
        const group = rules.prometheus.find((candidate) =>
          candidate.rules.some((rule) => 'record' in rule && rule.record === errors)
        );
        const names = (group?.rules ?? []).map((rule) => ('record' in rule ? rule.record : rule.alert));
        expect(names.indexOf(totals)).toBeGreaterThanOrEqual(0);
        expect(names.indexOf(totals)).toBeLessThan(names.indexOf(errors));
        const expr = records(rules.prometheus).find((rule) => rule.record === errors)?.expr ?? '';
        expect(expr).toContain(total.replace('TOTAL', totals));
        expect(expr).toContain(op);
        // the raw total is read once, by the total's own rule
        const rawTotal = records(rules.prometheus).find((rule) => rule.record === totals)?.expr ?? '';
        expect(expr).not.toContain(rawTotal);
      }
    }
  );

  test('standalone, each error count reads the raw series of its own total, for tools that evaluate rules one by one', () => {
    for (const name of ['ratio-bad-google-30d', 'ratio-good-google-28d-disabled-tiers', 'latency-grouped-min-events']) {
      const file = generateRuleFiles(RULE_FIXTURES[name], { shareAlerts: false }).prometheus[0].file;
      const standalone = standaloneRuleFile(file);
      const before = file.groups.flatMap((group) => group.rules);
      const after = standalone.groups.flatMap((group) => group.rules);
      expect(after).toHaveLength(before.length);
      after.forEach((rule, i) => {
        if ('record' in rule && rule.record.startsWith('slo:sli_error:increase')) {
          const total = before.find(
            (candidate) => 'record' in candidate && candidate.record === rule.record.replace('error', 'total')
          );
          expect(rule.expr).not.toMatch(/slo:/);
          expect(rule.expr).toContain(`(${total?.expr})`);
        } else {
          // every other rule, alerts and the budget left included, is kept as it is
          expect(rule).toBe(before[i]);
        }
      });
    }
  });

  test('the low-traffic guard sums the events of each long window from the 5-minute increases', () => {
    const guarded = rulesOf(RULE_FIXTURES['latency-grouped-min-events']);
    expect(JSON.stringify(guarded)).not.toContain(SLI_TOTAL_COUNT_PREFIX);
    const burns = alerts(guarded.prometheus);
    expect(burns).toHaveLength(4);
    const ranges = ['59m59s999ms', '5h59m59s999ms', '23h59m59s999ms', '2d23h59m59s999ms'];
    burns.forEach((alert, i) => {
      expect(alert.expr).toMatch(/\)\nand \(max without \(sloth_window\) \(sum_over_time\(.*\)\) >= 100\)$/);
      expect(
        alert.expr.endsWith(
          `and (${summedEventCount(['1h', '6h', '1d', '3d'][i], '{sloth_id="checkout-latency"}')} >= 100)`
        )
      ).toBe(true);
      expect(alert.expr).toContain(
        `and (max without (sloth_window) (sum_over_time(slo:sli_total:increase5m{sloth_id="checkout-latency"}[${ranges[i]}:5m])) >= 100)`
      );
    });
    const unguarded = rulesOf(RULE_FIXTURES['ratio-bad-google-30d']);
    expect(JSON.stringify(unguarded)).not.toContain(SLI_TOTAL_COUNT_PREFIX);
    for (const alert of alerts(unguarded.prometheus)) {
      expect(alert.expr).not.toContain('>=');
    }
    // a long window under 5 minutes cannot be summed: the SLO records its event count
    const short = rulesOf(
      baseDoc([
        baseSlo({
          alerting: {
            enabled: true,
            preset: 'custom',
            minEvents: 10,
            windows: [{ tier: 'page-fast', severity: 'page', factor: 10, long: '4m', short: '1m' }],
          },
        }),
      ])
    );
    expect(
      records(short.prometheus)
        .filter((rule) => rule.record.startsWith(SLI_TOTAL_COUNT_PREFIX))
        .map((rule) => [rule.record, rule.expr])
    ).toEqual([['slo:sli_total:count4m', 'sum(increase(http_requests_total{service="checkout"}[4m]))']]);
    expect(alerts(short.prometheus)[0].expr).toMatch(
      /\nand \(max without \(sloth_window\) \(slo:sli_total:count4m\{sloth_id="checkout-availability"\}\) >= 10\)$/
    );
  });

  test('the freeze alert follows the budget policy and names the business owner', () => {
    const withOwner = alerts(rulesOf(RULE_FIXTURES['log-ratio-policy']).prometheus).find(
      (rule) => rule.alert === FREEZE_ALERT
    );
    expect(withOwner?.expr).toBe(
      `(${summedErrorRatio('3d', '{sloth_id="checkout-log-errors"}')} / 0.01 > 2)\n` +
        'or\n' +
        '(max without (sloth_window) (last_over_time(slo:period_error_budget_remaining:ratio{sloth_id="checkout-log-errors"}[2h])) < 0.25)'
    );
    expect(withOwner?.expr).toContain(
      'sum_over_time(slo:sli_error:increase1h{sloth_id="checkout-log-errors"}[2d23h59m59s999ms])'
    );
    expect(withOwner?.for).toBe('5m');
    expect(withOwner?.labels).toMatchObject({
      severity: 'ticket',
      policy: 'release-freeze',
      escalate: 'business-owner',
    });
    expect(withOwner?.annotations?.business_owner_contact).toBe('Ana Lima <ana@example.com>');
    const noEscalation = alerts(rulesOf(RULE_FIXTURES['custom-windows-policy']).prometheus).find(
      (rule) => rule.alert === FREEZE_ALERT
    );
    expect(noEscalation?.expr).not.toContain('period_error_budget_remaining');
    expect(noEscalation?.labels).not.toHaveProperty('escalate');
    const disabled = baseDoc([
      baseSlo({ budgetPolicy: { enabled: false, freezeBurnRate: 2, escalateToBusinessOwner: true } }),
    ]);
    expect(alerts(rulesOf(disabled).prometheus).map((rule) => rule.alert)).not.toContain(FREEZE_ALERT);
  });

  test('runbook URL comes from alerting, else from the service runbook link', () => {
    expect(alerts(rulesOf(RULE_FIXTURES['freeform-calendar-month']).prometheus)[0].annotations?.runbook_url).toBe(
      'https://runbooks.example.com/probe'
    );
    expect(alerts(rulesOf(RULE_FIXTURES['ratio-bad-google-30d']).prometheus)[0].annotations?.runbook_url).toBe(
      'https://runbooks.example.com/checkout'
    );
    const noLinks = baseDoc([baseSlo()], [baseService({ links: [] })]);
    expect(alerts(rulesOf(noLinks).prometheus)[0].annotations).not.toHaveProperty('runbook_url');
  });

  test('unknown SLOs give undefined and invalid windows throw', () => {
    expect(generateSloRules(baseDoc(), 'nope')).toBeUndefined();
    expect(() => generateSloRules(baseDoc([baseSlo({ window: 'forever' })]), 'checkout-availability')).toThrow(
      'forever'
    );
  });
});

describe('generateRuleFiles', () => {
  test('one Prometheus file per service, Loki files only for services with log SLIs', () => {
    const search = baseService({ id: 'search', name: 'Search' });
    const doc = baseDoc(
      [
        baseSlo(),
        baseSlo({ id: 'search-availability', serviceId: 'search' }),
        baseSlo({ id: 'checkout-logs', sli: { kind: 'logRatio', bad: '{a="b"} |= "error"', total: '{a="b"}' } }),
      ],
      [baseService(), search]
    );
    // each service's file alone holds its alerts
    const files = generateRuleFiles(doc, { shareAlerts: false });
    expect(files.prometheus.map((file) => [file.serviceId, file.file.groups.map((group) => group.name)])).toEqual([
      ['checkout', ['service-checkout.slos', 'service-checkout.slos-1m', 'slo-checkout-availability-increase1h']],
      ['search', ['slo-search-availability', 'slo-search-availability-1m', 'slo-search-availability-increase1h']],
    ]);
    // with Sloth's series, one more file for the registry
    expect(
      generateRuleFiles(withSloth(doc), { shareAlerts: false }).prometheus.map((file) => [
        file.serviceId,
        file.file.groups.map((group) => group.name),
      ])
    ).toEqual([
      ['checkout', ['service-checkout.slos', 'service-checkout.slos-1m', 'slo-checkout-availability-increase1h']],
      ['search', ['slo-search-availability', 'slo-search-availability-1m', 'slo-search-availability-increase1h']],
      [SHARED_RULES, ['slo-shared.ratios', 'slo-shared.tiled', 'slo-shared.budget']],
    ]);
    expect(generateRuleFiles(withSloth(doc)).loki).toEqual(files.loki);
    expect(files.loki.map((file) => [file.serviceId, file.file.groups.map((group) => group.name)])).toEqual([
      ['checkout', ['slo-checkout-logs-sli', 'slo-checkout-logs-increase1h']],
    ]);
    for (const { file } of files.prometheus) {
      const names = file.groups.map((group) => group.name);
      expect(new Set(names).size).toBe(names.length);
    }
  });
});

describe("packing a service's SLO groups", () => {
  const sloGroup = (doc: RegistryDocument, id: string) => rulesOf(doc, id).prometheus[0];

  test('in order, into groups of at most 20 rules; an SLO left alone keeps its group', () => {
    // every cycle, 1 rule each (the first page tier); every minute, 6 (two 5-minute increases,
    // slo:info, the other page tier, two ticket tiers); every hour, 3 (the tiles and the budget left)
    const slos = Array.from({ length: 6 }, (_, i) => baseSlo({ id: `checkout-${i}` }));
    const single = baseSlo({ id: 'search-availability', serviceId: 'search' });
    const doc = baseDoc([...slos, single], [baseService(), baseService({ id: 'search', name: 'Search' })]);
    expect(sloGroup(doc, 'checkout-0').rules).toHaveLength(1);
    expect(rulesOf(doc, 'checkout-0').prometheus[1].rules).toHaveLength(6);
    const files = generateRuleFiles(doc, { shareAlerts: false }).prometheus;
    const groups = (serviceId: string, interval?: string) =>
      files.find((file) => file.serviceId === serviceId)!.file.groups.filter((group) => group.interval === interval);
    expect(groups('checkout').map((group) => [group.name, group.rules.length])).toEqual([['service-checkout.slos', 6]]);
    expect(groups('checkout', '1m').map((group) => [group.name, group.rules.length])).toEqual([
      ['service-checkout.slos-1m', 18],
      ['service-checkout.slos-1m.2', 18],
    ]);
    expect(groups('checkout', '1h').map((group) => [group.name, group.rules.length])).toEqual([
      ['service-checkout.slos-1h', 18],
    ]);
    expect(groups('checkout').flatMap((group) => group.rules)).toEqual(
      slos.flatMap((slo) => sloGroup(doc, slo.id).rules)
    );
    expect(groups('checkout', '1m').flatMap((group) => group.rules)).toEqual(
      slos.flatMap((slo) => rulesOf(doc, slo.id).prometheus[1].rules)
    );
    expect(groups('search')).toEqual([sloGroup(doc, 'search-availability')]);
    // one more SLO: alone in its pack, its groups of every minute and every hour keep their names
    const seven = baseDoc([...slos, baseSlo({ id: 'checkout-6' })]);
    const packed = generateRuleFiles(seven, { shareAlerts: false }).prometheus[0].file.groups;
    expect(packed.map((group) => [group.name, group.rules.length])).toEqual([
      ['service-checkout.slos', 7],
      ['service-checkout.slos-1m', 18],
      ['service-checkout.slos-1m.2', 18],
      ['slo-checkout-6-1m', 6],
      ['service-checkout.slos-1h', 18],
      ['slo-checkout-6-increase1h', 3],
    ]);
  });

  test.each([false, true])('every group holds at most 20 rules, with slothSeries %s', (sloth) => {
    const kinds = [
      baseSlo().sli,
      RULE_FIXTURES['latency-grouped-min-events'].slos[0].sli,
      RULE_FIXTURES['log-ratio-policy'].slos[0].sli,
      RULE_FIXTURES['freeform-calendar-month'].slos[0].sli,
    ];
    const slos = Array.from({ length: 40 }, (_, i) =>
      baseSlo({
        id: `checkout-${i}`,
        sli: kinds[i % kinds.length],
        objective: [99, 99.5, 99.9][i % 3],
        window: (['30d', '28d', '7d', 'calendar-month'] as const)[i % 4],
        alerting: { enabled: true, preset: 'google-30d', minEvents: i % 2 ? 10 : undefined },
        budgetPolicy: { enabled: true, freezeBurnRate: 2, freezeBudgetLeftPercent: 25, escalateToBusinessOwner: true },
      })
    );
    const doc = baseDoc(slos);
    const files = generateRuleFiles(sloth ? withSloth(doc) : doc);
    const all = [...files.prometheus, ...files.loki].flatMap((entry) => entry.file.groups);
    expect(all.length).toBeGreaterThan(5);
    for (const group of all) {
      expect([group.name, group.rules.length <= 20]).toEqual([group.name, true]);
    }
    expect(all.some((group) => group.name.startsWith('slo-shared.'))).toBe(sloth);
  });

  test('an SLO with more than 20 rules of its own keeps its group', () => {
    const windows = [
      '10m',
      '15m',
      '20m',
      '25m',
      '35m',
      '40m',
      '45m',
      '50m',
      '55m',
      '65m',
      '70m',
      '75m',
      '80m',
      '85m',
      '95m',
      '100m',
      '105m',
      '110m',
      '115m',
      '125m',
    ];
    const big = baseSlo({
      id: 'checkout-freeform',
      sli: { kind: 'freeform', errorRatio: 'rate(errors_total[{{window}}]) / rate(requests_total[{{window}}])' },
      alerting: {
        enabled: true,
        preset: 'custom',
        windows: windows.map((long, i) => ({
          tier: `tier-${i}`,
          severity: 'page' as const,
          factor: 2,
          long,
          short: '5m',
        })),
      },
    });
    const doc = baseDoc([baseSlo(), big, baseSlo({ id: 'checkout-latency' })]);
    // its twenty windows' ratios, recorded every minute, with its 5-minute ratio and slo:info
    const minute = rulesOf(doc, 'checkout-freeform').prometheus.find((group) => group.interval === '1m');
    expect(minute?.rules.length).toBeGreaterThan(20);
    const names = generateRuleFiles(doc, { shareAlerts: false })
      .prometheus[0].file.groups.filter((group) => group.interval === '1m')
      .map((group) => group.name);
    expect(names).toEqual(['slo-checkout-availability-1m', 'slo-checkout-freeform-1m', 'slo-checkout-latency-1m']);
  });
});

describe('spend recording rules', () => {
  const withBilling = (uid: string, kind: 'prometheus' | 'sql' = 'prometheus') => {
    const doc = baseDoc(
      [baseSlo()],
      [
        baseService({ costTags: { cost_center: 'checkout' } }),
        baseService({ id: 'ledger', name: 'Ledger', costTags: { cost_center: 'finance', service: 'ledger' } }),
        baseService({ id: 'search', name: 'Search' }),
      ]
    );
    doc.settings = {
      ...doc.settings,
      prometheus: { uid: 'prom' },
      billing: { uid, kind, query: 'sum(rate(cloud_cost_usd_total{$costTags}[1h])) * 3600' },
    };
    return doc;
  };
  const SPEND = 'service:cloud_spend_usd:increase1h';
  const isSpend = (rule: Rule) => !isAlertingRule(rule) && rule.record === SPEND;
  /** The groups that record spend, each with its spend rules and the names its other rules record. */
  const costGroups = (doc: RegistryDocument) =>
    generateRuleFiles(doc).prometheus.flatMap(({ serviceId, file }) =>
      file.groups
        .filter((group) => group.rules.some(isSpend))
        .map((group) => ({
          serviceId,
          name: group.name,
          interval: group.interval,
          spend: group.rules.filter(isSpend),
          others: group.rules.filter((rule) => !isSpend(rule)).map((rule) => (rule as RecordingRule).record),
        }))
    );

  test("billing on the rules' Prometheus: an hourly spend tile per service with cost tags, with its SLOs' hourly tiles", () => {
    const groups = costGroups(withBilling('prom'));
    expect(groups).toEqual([
      {
        // packed after the hourly tiles of the service's SLOs, which run at the same interval
        serviceId: 'checkout',
        name: 'service-checkout.slos-1h',
        interval: '1h',
        spend: [
          {
            record: SPEND,
            expr: 'sum(rate(cloud_cost_usd_total{cost_center="checkout"}[1h])) * 3600',
            labels: { sloth_service: 'checkout' },
          },
        ],
        others: ['slo:sli_total:increase1h', 'slo:sli_error:increase1h', 'slo:period_error_budget_remaining:ratio'],
      },
      {
        // a service without SLOs: its spend alone
        serviceId: 'ledger',
        name: 'service-ledger-cost',
        interval: '1h',
        spend: [
          {
            record: SPEND,
            expr: 'sum(rate(cloud_cost_usd_total{cost_center="finance", service="ledger"}[1h])) * 3600',
            labels: { sloth_service: 'ledger' },
          },
        ],
        others: [],
      },
    ]);
    const checkout = generateRuleFiles(withBilling('prom')).prometheus.find((file) => file.serviceId === 'checkout')!;
    expect(isSpend(checkout.file.groups.at(-1)!.rules.at(-1)!)).toBe(true);
  });

  test('a service whose hourly pack is full records its spend in a group of its own', () => {
    const doc = withBilling('prom');
    // seven SLOs of three hourly rules each: 21 rules, more than one group holds
    doc.slos = Array.from({ length: 7 }, (_, i) => baseSlo({ id: `checkout-${i}` }));
    const hourly = generateRuleFiles(doc)
      .prometheus[0].file.groups.filter((group) => group.interval === '1h')
      .map((group) => [group.name, group.rules.length, group.rules.some(isSpend)]);
    expect(hourly).toEqual([
      ['service-checkout.slos-1h', 18, false],
      ['service-checkout.slos-1h.2', 4, true],
    ]);
  });

  test.each([
    ['another Prometheus', withBilling('billing-prom')],
    ['a SQL table', withBilling('prom', 'sql')],
    [
      'no billing settings',
      { ...withBilling('prom'), settings: { ...withBilling('prom').settings, billing: undefined } },
    ],
  ])('billing on %s: no spend rules (the rules could not read it)', (_name, doc) => {
    expect(costGroups(doc)).toEqual([]);
    expect(generateRuleFiles(doc).prometheus.map((file) => file.serviceId)).toEqual(['checkout', SHARED_ALERTS]);
    expect(costGroups(withSloth(doc))).toEqual([]);
    expect(generateRuleFiles(withSloth(doc)).prometheus.map((file) => file.serviceId)).toEqual([
      'checkout',
      SHARED_ALERTS,
      SHARED_RULES,
    ]);
  });
});

describe('mergeRuleFiles', () => {
  const a: RuleGroup = { name: 'a', rules: [{ record: 'x', expr: '1' }] };
  const b: RuleGroup = { name: 'b', rules: [{ record: 'y', expr: '2' }] };

  test('concatenates groups and keeps identical duplicates once', () => {
    expect(mergeRuleFiles([{ groups: [a] }, { groups: [b, a] }])).toEqual({ groups: [a, b] });
  });

  test('refuses two different groups with one name', () => {
    expect(() => mergeRuleFiles([{ groups: [a] }, { groups: [{ ...b, name: 'a' }] }])).toThrow('"a"');
  });
});
