import { RegistryDocument } from '../model';
import { DEFAULT_BILLING_QUERY } from '../registry';
import { generateRuleFiles, isAlertingRule } from '../rules';
import {
  buildCostDashboard,
  buildDebugDashboard,
  buildExecutiveDashboard,
  buildOnCallDashboard,
  Dashboard,
  dashboardPanels,
  dashboardQueries,
  queryProblems,
} from './index';
import { renderDashboardJson } from './json';
import { interpolateForCheck } from './queries';
import { demoRegistry, scaledRegistry } from './testing/fixtures';

const demo = demoRegistry();

function allDashboards(doc: RegistryDocument): Dashboard[] {
  return [
    buildExecutiveDashboard(doc),
    ...doc.services.flatMap((service) => [
      buildOnCallDashboard(doc, service.id),
      buildDebugDashboard(doc, service.id),
      buildCostDashboard(doc, service.id),
    ]),
  ];
}

describe('every generated query parses', () => {
  test.each(allDashboards(demo).map((dashboard) => [dashboard.uid, dashboard]))('%s', (_uid, dashboard) => {
    expect(dashboardQueries(dashboard).length).toBeGreaterThan(0);
    expect(queryProblems(dashboard)).toEqual([]);
  });

  test('with a SQL billing source the cost queries are SQL and are not parsed as PromQL', () => {
    const doc = {
      ...demo,
      settings: {
        ...demo.settings,
        billing: {
          uid: 'pg',
          type: 'grafana-postgresql-datasource',
          kind: 'sql' as const,
          query: 'SELECT 1 WHERE $costTags',
        },
      },
    };
    const spend = dashboardQueries(buildExecutiveDashboard(doc)).find(({ panelTitle }) => panelTitle === 'Cloud spend');
    expect(spend?.query).toMatchObject({ language: 'sql', format: 'time_series' });
    expect(spend?.query.expr).toContain("SELECT 1 WHERE cost_center = 'checkout'");
    expect(spend?.query.expr).toContain("'checkout' AS sloth_service");
    expect(queryProblems(buildExecutiveDashboard(doc))).toEqual([]);
  });

  test('a broken KPI query is reported with its panel', () => {
    const doc = JSON.parse(JSON.stringify(demo)) as RegistryDocument;
    doc.services[0].kpis[0].query = 'sum(rate(x[5m])';
    expect(queryProblems(buildExecutiveDashboard(doc))).toEqual([
      expect.objectContaining({
        panelTitle: 'Business KPIs · Revenue and money',
        refId: 'A',
        language: 'promql',
        problem: expect.objectContaining({
          message: expect.stringMatching(/^"\(" is never closed: add "\)" at column \d+$/),
        }),
      }),
    ]);
  });
});

describe('the SLO series read', () => {
  /** The `slo:` names the default rules of `doc` record (no Sloth series). */
  function recordedNames(doc: RegistryDocument): Set<string> {
    return new Set(
      generateRuleFiles(doc).prometheus.flatMap(({ file }) =>
        file.groups.flatMap((group) => group.rules.flatMap((rule) => (isAlertingRule(rule) ? [] : [rule.record])))
      )
    );
  }

  test.each([
    ['the demo registry', demo],
    ['300 services', scaledRegistry(300)],
  ])('every dashboard of %s reads only series its default rules record', (_name, doc) => {
    expect(doc.settings.slothSeries).toBeFalsy();
    const recorded = recordedNames(doc);
    const read = new Set(
      allDashboards(doc).flatMap((dashboard) =>
        dashboardQueries(dashboard).flatMap(({ query }) => query.expr.match(/\bslo:[a-z_:0-9]+/g) ?? [])
      )
    );
    expect(read.size).toBeGreaterThan(4);
    expect([...read].filter((name) => !recorded.has(name))).toEqual([]);
    for (const sloth of ['slo:objective:ratio', 'slo:error_budget:ratio', 'slo:current_burn_rate:ratio']) {
      expect(read.has(sloth)).toBe(false);
    }
  });

  test('the compliance table derives objective, period SLI and burn rate from slo:info, budget left and increases', () => {
    const compliance = dashboardQueries(buildExecutiveDashboard(demo))
      .filter(({ panelTitle }) => panelTitle === 'SLO compliance')
      .map(({ query }) => query.expr);
    const services = 'sloth_service=~"checkout|payments|search|catalog"';
    // one term per objective: the SLOs of that objective by sloth_id, times or over a constant, no join
    const ids = (objective: number) =>
      `sloth_id=~"${demo.slos
        .filter((slo) => slo.objective === objective)
        .map((slo) => slo.id)
        .join('|')}"`;
    expect([99.5, 99.9].map(ids)).toEqual([expect.stringMatching(/\|/), expect.stringMatching(/\|/)]);
    expect(new Set(demo.slos.map((slo) => slo.objective))).toEqual(new Set([99.5, 99.9]));
    const left = (selector: string) =>
      `min by (sloth_service, sloth_id) (last_over_time(slo:period_error_budget_remaining:ratio{${selector}}[2h]))`;
    expect(compliance[0]).toBe(
      `((0.995 * group by (sloth_service, sloth_id) (slo:info{${services}, objective="99.5"})) or ` +
        `(0.999 * group by (sloth_service, sloth_id) (slo:info{${services}, objective="99.9"})))`
    );
    expect(compliance[1]).toBe(
      `1 - ((1 - ${left(`${services}, ${ids(99.5)}`)}) * 0.005 or (1 - ${left(`${services}, ${ids(99.9)}`)}) * 0.001)`
    );
    expect(compliance[2]).toBe(left(services));
    // the demo has a freeform SLI (99.5 %): the 99.5 % term takes its recorded 5m ratio too, the other only increases
    const burn = (selector: string) =>
      `(max without (sloth_window) (slo:sli_error:increase5m{${selector}} / slo:sli_total:increase5m{${selector}}) ` +
      `or max without (sloth_window) (slo:sli_error:ratio_rate5m{${selector}}))`;
    expect(compliance[3]).toBe(
      `max by (sloth_service, sloth_id) (` +
        `${burn(`${services}, ${ids(99.5)}`)} / 0.005 or ` +
        `max without (sloth_window) (slo:sli_error:increase5m{${services}, ${ids(99.9)}} / slo:sli_total:increase5m{${services}, ${ids(99.9)}}) / 0.001)`
    );
  });

  test('the 7-day error budget burn is the period burn rate, one minus the budget left', () => {
    const burn = dashboardPanels(buildExecutiveDashboard(demo)).find((item) => item.title === 'Error budget burn')!;
    expect(burn.queries[0].expr).toBe(
      '1 - min by (sloth_service, sloth_id) (last_over_time(slo:period_error_budget_remaining:ratio{sloth_service=~"checkout|payments|search|catalog"}[2h]))'
    );
  });
});

test('interpolateForCheck fills macros with durations and variables with a word', () => {
  expect(interpolateForCheck('rate(x{a=~"$slo", b="${team:regex}"}[$__rate_interval]) [$__range:5m]')).toBe(
    'rate(x{a=~"x", b="x"}[5m]) [1h:5m]'
  );
});

describe('the executive dashboard', () => {
  test.each([3, 30, 300])('issues the same queries for %d services, apart from the service regex', (count) => {
    const queries = dashboardQueries(buildExecutiveDashboard(scaledRegistry(count)));
    const reference = dashboardQueries(buildExecutiveDashboard(scaledRegistry(3)));
    expect(queries.map(({ panelTitle, query }) => `${panelTitle} ${query.refId}`)).toEqual(
      reference.map(({ panelTitle, query }) => `${panelTitle} ${query.refId}`)
    );
    expect(queries).toHaveLength(16);
  });

  test('one query per SLO panel reads the recorded series of all selected services', () => {
    const queries = dashboardQueries(buildExecutiveDashboard(demo));
    const compliance = queries.filter(({ panelTitle }) => panelTitle === 'SLO compliance').map(({ query }) => query);
    expect(compliance.map((query) => query.refId)).toEqual(['A', 'B', 'C', 'D', 'E']);
    for (const query of compliance) {
      expect(query).toMatchObject({ instant: true, format: 'table', datasource: 'prometheus' });
      expect(query.expr).toContain('sloth_service=~"checkout|payments|search|catalog"');
      expect(query.expr).toMatch(/by \(sloth_service, sloth_id\)/);
    }
  });

  test('finds burn alerts by burn_tier, whatever alerting.name calls them, and the freeze alert by its name', () => {
    const alerts = dashboardQueries(buildExecutiveDashboard(demo))
      .map(({ panelTitle, query }) => [panelTitle, query.expr])
      .filter(([, expr]) => expr.includes('ALERTS'));
    expect(alerts.map(([title]) => title)).toEqual([
      'Active SLO incidents',
      'Services with frozen releases',
      'Active incidents',
      'Releases frozen by budget policy',
    ]);
    expect(alerts.map(([, expr]) => expr).join('\n')).not.toContain('SLOErrorBudgetBurn');
    expect(alerts[0][1]).toContain('burn_tier!=""');
    expect(alerts[2][1]).toMatch(/burn_tier!=""[^)]* or ALERTS\{[^}]*alertname="SLOReleaseFreeze"/);
  });

  test('filters by business owner, team and tier select the services of every query', () => {
    const dashboard = buildExecutiveDashboard(demo, { owners: ['emma', 'bruno'], tiers: [1] });
    expect(dashboard.uid).toMatch(/^bo-exec-/);
    expect(dashboard.uid.length).toBeLessThanOrEqual(40);
    const exprs = dashboardQueries(dashboard).map(({ query }) => query.expr);
    expect(exprs.filter((expr) => expr.includes('sloth_service=~')).every((expr) => expr.includes('"payments"'))).toBe(
      true
    );
    expect(exprs.join('\n')).not.toContain('checkout');
    expect(buildExecutiveDashboard(demo, { teams: ['discovery-oncall'] }).description).toContain('search, catalog');
  });

  test('the KPI panels combine every KPI of a unit into one query', () => {
    const kpis = dashboardPanels(buildExecutiveDashboard(demo)).filter((item) =>
      item.title.startsWith('Business KPIs')
    );
    expect(kpis.map((item) => [item.unit, item.queries.length])).toEqual([
      ['currencyUSD', 1],
      ['percentunit', 1],
      ['short', 1],
    ]);
    expect(kpis[1].queries[0].expr).toContain('"kpi", "Authorisation success"');
  });

  test.each([4, 40, 400])('the KPI panels read the raw series as often for %d services as for one each', (count) => {
    // the services are copies of the demo's, with their KPI queries: the same few queries, each run once
    const doc = scaledRegistry(count);
    const kpis = dashboardPanels(buildExecutiveDashboard(doc)).filter((item) => item.title.startsWith('Business KPIs'));
    const exprs = kpis.map((item) => item.queries[0].expr);
    expect(exprs.map((expr) => expr.split('rate(').length - 1)).toEqual([1, 4, 2]);
    for (const service of doc.services) {
      const labelled = exprs.filter((expr) => expr.includes(`"sloth_service", "${service.id}", "", "")`));
      expect(labelled).toHaveLength(new Set(service.kpis.map((kpi) => kpi.unit ?? 'short')).size);
    }
  });

  test('every row and series drills down to the service, and one SLO’s to the SLO, keeping the time range', () => {
    const sloLinked: string[] = [];
    for (const item of dashboardPanels(buildExecutiveDashboard(demo)).filter(
      (p) => p.kind !== 'stat' || p.dataLinks.length
    )) {
      if (
        item.title.startsWith('SLOs within') ||
        item.title.startsWith('Active SLO') ||
        item.title.startsWith('Services with')
      ) {
        continue;
      }
      // Every row and series opens its service first; those of one SLO also the SLO's page.
      expect(item.dataLinks[0].url).toMatch(
        /^\/a\/bizowner-slo-app\/services\/\$\{__(data\.fields|field\.labels)\.sloth_service\}\?\$\{__url_time_range\}$/
      );
      const slo = item.dataLinks.find((link) => link.title === 'Open SLO');
      if (slo) {
        sloLinked.push(item.title);
        expect(slo.url).toMatch(
          /^\/a\/bizowner-slo-app\/slos\/\$\{__(data\.fields|field\.labels)\.sloth_id\}\?\$\{__url_time_range\}$/
        );
      }
    }
    expect(sloLinked).toEqual([
      'SLO compliance',
      'Error budget burn',
      'Active incidents',
      'Releases frozen by budget policy',
    ]);
  });
});

describe('the on-call dashboard', () => {
  const checkout = buildOnCallDashboard(demo, 'checkout');

  test('every panel links to the service runbooks', () => {
    for (const item of dashboardPanels(checkout)) {
      expect(item.links.map((link) => link.url)).toEqual([
        'https://runbooks.example.com/checkout',
        'https://runbooks.example.com/checkout#availability',
        '/a/bizowner-slo-app/services/checkout?${__url_time_range}',
      ]);
    }
    const alerts = dashboardPanels(checkout).find((item) => item.title === 'Firing alerts');
    expect(alerts?.dataLinks.map((link) => link.title)).toEqual([
      'Checkout runbook',
      'Runbook: Checkout availability',
      'Open SLO',
    ]);
  });

  test('series and rows of one SLO open its page, keeping the time range', () => {
    const linked = dashboardPanels(checkout).filter((item) => item.dataLinks.some((link) => link.title === 'Open SLO'));
    expect(linked.map((item) => item.title)).toEqual([
      'Live SLI per SLO',
      'Error budget left',
      'Worst groups',
      ...dashboardPanels(checkout)
        .filter((item) => item.title.startsWith('Burn rate '))
        .map((item) => item.title),
      'Firing alerts',
    ]);
    expect(linked.length).toBeGreaterThan(3);
    for (const item of linked) {
      const link = item.dataLinks.find((candidate) => candidate.title === 'Open SLO');
      expect(link?.url).toMatch(
        /^\/a\/bizowner-slo-app\/slos\/\$\{__(data\.fields|field\.labels)\.sloth_id\}\?\$\{__url_time_range\}$/
      );
    }
  });

  test('the overview counts are green at zero; incidents turn red and freezes orange from one', () => {
    const overview = dashboardPanels(buildExecutiveDashboard(demo)).filter((item) =>
      ['SLOs within budget', 'Active SLO incidents', 'Services with frozen releases'].includes(item.title)
    );
    expect(overview.map((item) => [item.title, item.thresholds])).toEqual([
      ['SLOs within budget', [{ value: null, color: 'green' }]],
      [
        'Active SLO incidents',
        [
          { value: null, color: 'green' },
          { value: 1, color: 'red' },
        ],
      ],
      [
        'Services with frozen releases',
        [
          { value: null, color: 'green' },
          { value: 1, color: 'orange' },
        ],
      ],
    ]);
  });

  test('draws the burn thresholds of each alert window, scaled to the SLO window', () => {
    const burn = dashboardPanels(buildOnCallDashboard(demo, 'payments')).filter((item) =>
      item.title.startsWith('Burn rate')
    );
    expect(burn.map((item) => [item.title, item.thresholds?.map((step) => step.value)])).toEqual([
      ['Burn rate 1h / 5m (page-fast)', [null, 13.44]],
      ['Burn rate 6h / 30m (page-slow)', [null, 5.6]],
      ['Burn rate 1d / 2h (ticket-fast)', [null, 2.8]],
      ['Burn rate 3d / 6h (ticket-slow)', [null, 0.933333333333]],
    ]);
    expect(burn.every((item) => item.showThresholds && item.queries.length === 2)).toBe(true);
  });

  test('has an SLO variable used by the SLO queries, and deploy annotations', () => {
    expect(checkout.variables.map((variable) => variable.name)).toEqual(['slo', 'group_route']);
    expect(checkout.variables[0].options).toHaveLength(3);
    expect(dashboardQueries(checkout)[0].query.expr).toContain('sloth_id=~"$slo"');
    expect(checkout.annotations[0].expr).toBe('sum(increase(deploys_total{service="checkout"}[5m])) > 0');
  });

  test('the runbook panel names runbooks, escalation and the business owner', () => {
    const text = dashboardPanels(checkout).find((item) => item.kind === 'text')?.content ?? '';
    expect(text).toContain('[Checkout runbook](https://runbooks.example.com/checkout)');
    expect(text).toContain('Escalation: Diego Ramos → Carla Mendes → Ana Lima');
    expect(text).toContain('Business owner: Ana Lima');
  });

  test('throws for a service that is not in the registry', () => {
    expect(() => buildOnCallDashboard(demo, 'nope')).toThrow('no service "nope"');
  });
});

describe('the debug and cost dashboards', () => {
  test('debug logs use the service selector with level and search variables', () => {
    const debug = buildDebugDashboard(demo, 'checkout');
    expect(dashboardQueries(debug)[0].query).toMatchObject({
      datasource: 'loki',
      expr: '{service="checkout", level=~"$level"} |~ "(?i)$search"',
    });
    expect(debug.variables.map((variable) => [variable.name, variable.kind])).toEqual([
      ['level', 'custom'],
      ['search', 'textbox'],
      ['group_route', 'query'],
    ]);
    expect(dashboardPanels(debug).map((item) => item.title)).toContain('Dependencies');
  });

  test('cost has spend, per tag, per 1,000 requests and per good event when billing shares Prometheus', () => {
    const cost = buildCostDashboard(demo, 'search');
    expect(dashboardPanels(cost).map((item) => item.title)).toEqual([
      'Spend over time',
      'Spend per cost tag',
      'Cost per 1,000 requests',
      'Spend per good event',
    ]);
    const other = { ...demo, settings: { ...demo.settings, billing: { ...demo.settings.billing!, uid: 'billing' } } };
    expect(dashboardPanels(buildCostDashboard(other, 'search')).map((item) => item.title)).toEqual([
      'Spend over time',
      'Spend per cost tag',
    ]);
  });

  test('uids are stable and at most 40 characters', () => {
    const long = scaledRegistry(1);
    long.services[0].id = 'a-very-long-service-identifier-for-testing-uids';
    long.slos = [];
    const uids = [buildOnCallDashboard(long, long.services[0].id).uid, buildDebugDashboard(demo, 'search').uid];
    expect(uids[0].length).toBeLessThanOrEqual(40);
    expect(uids[1]).toBe('bo-debug-search');
  });
});

describe('query cost', () => {
  test('on a billing data source of its own, the spend of 100 services nests 7 levels deep instead of 99', () => {
    const doc = scaledRegistry(100);
    doc.settings = { ...doc.settings, billing: { uid: 'billing', kind: 'prometheus', query: DEFAULT_BILLING_QUERY } };
    const spend = dashboardPanels(buildExecutiveDashboard(doc)).find((item) => item.title === 'Cloud spend')!.queries[0]
      .expr;
    expect(spend.match(/ or /g)).toHaveLength(99);
    let depth = 0;
    let deepest = 0;
    for (const char of spend.replace(/label_replace\(\(.*?\), "sloth_service", "[^"]*", "", ""\)/g, 'x')) {
      depth += char === '(' ? 1 : char === ')' ? -1 : 0;
      deepest = Math.max(deepest, depth);
    }
    expect(deepest).toBe(Math.ceil(Math.log2(100)) - 1);
  });

  test("with billing on the rules' Prometheus, spend and movers read the recorded hourly tiles", () => {
    const doc = scaledRegistry(100);
    const costed = doc.services.filter((service) => Object.keys(service.costTags).length > 0).map((s) => s.id);
    expect(doc.settings.billing?.uid).toBe(doc.settings.prometheus?.uid);
    const executive = dashboardPanels(buildExecutiveDashboard(doc));
    const expr = (title: string) => executive.find((item) => item.title === title)!.queries[0].expr;
    const tiles = `service:cloud_spend_usd:increase1h{sloth_service=~"${costed.join('|')}"}`;
    expect(expr('Cloud spend')).toBe(`last_over_time(${tiles}[1h])`);
    expect(expr('Top cost movers')).toBe(
      `sort_desc(sum_over_time(${tiles}[6d23h59m59s999ms]) - sum_over_time(${tiles}[6d23h59m59s999ms] offset 7d))`
    );
    expect(expr('Cloud spend')).not.toContain('cloud_cost_usd_total');
  });

  test('hourly panels ask for a step of at least 1 hour; the on-call view keeps fine steps', () => {
    const hourly = (dashboard: Dashboard) =>
      dashboardPanels(dashboard)
        .filter((item) => item.minInterval === '1h')
        .map((item) => item.title);
    const doc = demo;
    expect(hourly(buildExecutiveDashboard(doc))).toEqual(['Cloud spend']);
    // the period burn rate moves by a 720th of its window in an hour: 6-hour points draw the same line
    expect(
      dashboardPanels(buildExecutiveDashboard(doc))
        .filter((item) => item.minInterval === '6h')
        .map((item) => item.title)
    ).toEqual(['Error budget burn']);
    expect(hourly(buildCostDashboard(doc, 'search'))).toEqual([
      'Spend over time',
      'Cost per 1,000 requests',
      'Spend per good event',
    ]);
    expect(hourly(buildOnCallDashboard(doc, 'checkout'))).toEqual([]);
    expect(hourly(buildDebugDashboard(doc, 'checkout'))).toEqual([]);
  });

  test("All in the on-call $slo variable lists the service's SLOs: `.*` would match every sloth_id in the TSDB", () => {
    const variable = buildOnCallDashboard(demo, 'checkout').variables.find((item) => item.name === 'slo')!;
    expect(variable.allValue).toBe('checkout-availability|checkout-routes-availability|checkout-payment-step');
    expect(variable.options.map((option) => option.value).join('|')).toBe(variable.allValue);
  });

  test('burn rates, period SLIs and objectives read no slo:info join: one term per objective', () => {
    const exprs = allDashboards(demo).flatMap((dashboard) =>
      dashboardQueries(dashboard).map(({ query }) => query.expr)
    );
    expect(exprs.filter((expr) => expr.includes('group_left'))).toEqual([]);
  });

  test('burn rates step by an hour over windows summed from tiles and by 5 minutes over the others', () => {
    const steps = (serviceId: string) =>
      dashboardPanels(buildOnCallDashboard(demo, serviceId))
        .filter((item) => item.title.startsWith('Burn rate'))
        .flatMap((item) => item.queries.map((query) => [query.legend, query.minInterval]));
    expect(steps('payments')).toEqual([
      ['{{sloth_id}} · 1h', '5m'],
      ['{{sloth_id}} · 5m', '5m'],
      ['{{sloth_id}} · 6h', '5m'],
      ['{{sloth_id}} · 30m', '5m'],
      ['{{sloth_id}} · 1d', '1h'],
      ['{{sloth_id}} · 2h', '5m'],
      ['{{sloth_id}} · 3d', '1h'],
      ['{{sloth_id}} · 6h', '5m'],
    ]);
    // checkout has a freeform SLI, whose recorded ratios change at every evaluation
    expect(steps('checkout').every(([, step]) => step === undefined)).toBe(true);
    const json = renderDashboardJson(buildOnCallDashboard(demo, 'payments'), demo.settings) as {
      panels: Array<{ targets?: Array<{ interval?: string }> }>;
    };
    // six burn rates and the objective line by 5 minutes, two by the hour
    const targets = json.panels.flatMap((item) => item.targets ?? []);
    expect(targets.filter((target) => target.interval === '5m')).toHaveLength(7);
    expect(targets.filter((target) => target.interval === '1h').length).toBeGreaterThanOrEqual(2);
  });
});
