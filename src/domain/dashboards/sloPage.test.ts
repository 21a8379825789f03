import { RegistryDocument, Slo } from '../model';
import { burnPanelSpecs } from './burnWindows';
import { renderDashboardJson } from './json';
import { dashboardPanels, dashboardQueries, queryProblems } from './queries';
import { buildSloDashboard, serviceDashboardLinks, sloDashboardUid } from './sloPage';
import { demoRegistry, scaledRegistry } from './testing/fixtures';

const demo = demoRegistry();

/** A registry of exactly `count` SLOs, copies of the demo's over as many services as it takes. */
function registryOf(count: number): RegistryDocument {
  const doc = scaledRegistry(Math.ceil(count / 2));
  expect(doc.slos.length).toBeGreaterThanOrEqual(count);
  const slos = doc.slos.slice(0, count);
  return { ...doc, services: doc.services.filter((service) => slos.some((slo) => slo.serviceId === service.id)), slos };
}

function queriesOf(doc: RegistryDocument, sloId: string) {
  return dashboardQueries(buildSloDashboard(doc, sloId)).map(({ panelTitle, query }) => [panelTitle, query.expr]);
}

function panelOf(doc: RegistryDocument, sloId: string, title: string) {
  const found = dashboardPanels(buildSloDashboard(doc, sloId)).find((item) => item.title === title);
  expect(found).toBeDefined();
  return found!;
}

/** The objective from slo:info's label; burn rates and the period SLI divide or multiply by 0.001 itself. */
const OBJECTIVE_999 = '(0.999 * group by (sloth_id) (slo:info{sloth_id="checkout-availability", objective="99.9"}))';

describe('the SLO page of an ungrouped SLO', () => {
  const dashboard = buildSloDashboard(demo, 'checkout-availability');

  test('every query parses, its JSON renders, and every panel links the runbook and the service', () => {
    expect(queryProblems(dashboard)).toEqual([]);
    expect(() => renderDashboardJson(dashboard, demo.settings)).not.toThrow();
    for (const item of dashboardPanels(dashboard)) {
      expect(item.links.map((link) => link.url)).toEqual([
        'https://runbooks.example.com/checkout',
        'https://runbooks.example.com/checkout#availability',
        '/a/bizowner-slo-app/services/checkout?${__url_time_range}',
      ]);
    }
  });

  test('rows, panels and the window as time range', () => {
    expect(dashboard.uid).toBe(sloDashboardUid('checkout-availability'));
    expect(dashboard.time).toEqual({ from: 'now-30d', to: 'now' });
    expect(dashboard.rows.map((row) => [row.title, row.panels.map((item) => item.title)])).toEqual([
      ['Objective, SLI and budget over 30d', ['Objective', 'SLI over 30d', 'Error budget left', 'Burn rate (5m)']],
      ['Error budget over time', ['Error budget left over time', 'SLI (5m)']],
      [
        'Burn rate per alert tier',
        [
          'Burn rate page-fast: 1h / 5m',
          'Burn rate page-slow: 6h / 30m',
          'Burn rate ticket-fast: 1d / 2h',
          'Burn rate ticket-slow: 3d / 6h',
        ],
      ],
      ['Alerts and deploys', ['Alerts firing now', 'Recent deploys']],
    ]);
  });

  test('exact queries: the SLO by its sloth_id, the six recorded series only', () => {
    const sel = '{sloth_id="checkout-availability"}';
    expect(queriesOf(demo, 'checkout-availability')).toEqual([
      ['Objective', OBJECTIVE_999],
      [
        'SLI over 30d',
        `1 - ((1 - min by (sloth_id) (last_over_time(slo:period_error_budget_remaining:ratio${sel}[2h]))) * 0.001)`,
      ],
      ['Error budget left', `min by (sloth_id) (last_over_time(slo:period_error_budget_remaining:ratio${sel}[2h]))`],
      [
        'Burn rate (5m)',
        `max by (sloth_id) (max without (sloth_window) (slo:sli_error:increase5m${sel} / slo:sli_total:increase5m${sel}) / 0.001)`,
      ],
      [
        'Error budget left over time',
        `min by (sloth_id) (last_over_time(slo:period_error_budget_remaining:ratio${sel}[2h]))`,
      ],
      [
        'SLI (5m)',
        `1 - max by (sloth_id) (max without (sloth_window) (slo:sli_error:increase5m${sel} / slo:sli_total:increase5m${sel}))`,
      ],
      ['SLI (5m)', OBJECTIVE_999],
      [
        'Burn rate page-fast: 1h / 5m',
        `max by (sloth_id) (max without (sloth_window) (sum_over_time(slo:sli_error:increase5m${sel}[59m59s999ms:5m]) / sum_over_time(slo:sli_total:increase5m${sel}[59m59s999ms:5m])) / 0.001)`,
      ],
      [
        'Burn rate page-fast: 1h / 5m',
        `max by (sloth_id) (max without (sloth_window) (slo:sli_error:increase5m${sel} / slo:sli_total:increase5m${sel}) / 0.001)`,
      ],
      ['Burn rate page-slow: 6h / 30m', expect.stringContaining(`slo:sli_error:increase5m${sel}[5h59m59s999ms:5m]`)],
      ['Burn rate page-slow: 6h / 30m', expect.stringContaining(`slo:sli_error:increase5m${sel}[29m59s999ms]`)],
      ['Burn rate ticket-fast: 1d / 2h', expect.stringContaining(`slo:sli_error:increase1h${sel}[23h59m59s999ms]`)],
      ['Burn rate ticket-fast: 1d / 2h', expect.stringContaining(`slo:sli_error:increase5m${sel}[1h59m59s999ms:5m]`)],
      ['Burn rate ticket-slow: 3d / 6h', expect.stringContaining(`slo:sli_error:increase1h${sel}[2d23h59m59s999ms]`)],
      ['Burn rate ticket-slow: 3d / 6h', expect.stringContaining(`slo:sli_error:increase5m${sel}[5h59m59s999ms:5m]`)],
      [
        'Alerts firing now',
        'max by (alertname, severity, burn_tier) (ALERTS{sloth_id="checkout-availability", burn_tier!="", alertstate="firing"} ' +
          'or ALERTS{sloth_id="checkout-availability", alertname="SLOReleaseFreeze", alertstate="firing"})',
      ],
      ['Recent deploys', 'max by (version) (max_over_time(deploy_info{service="checkout"}[$__range]))'],
    ]);
  });

  test('each tier draws its threshold; windows from tiles step by the hour, the others by 5 minutes', () => {
    const fast = panelOf(demo, 'checkout-availability', 'Burn rate page-fast: 1h / 5m');
    expect(fast.thresholds).toEqual([
      { value: null, color: 'green' },
      { value: 14.4, color: 'red' },
    ]);
    expect(fast.showThresholds).toBe(true);
    expect(fast.queries.map((query) => [query.legend, query.minInterval])).toEqual([
      ['Checkout availability · 1h', '5m'],
      ['Checkout availability · 5m', '5m'],
    ]);
    const slow = panelOf(demo, 'checkout-availability', 'Burn rate ticket-slow: 3d / 6h');
    expect(slow.queries.map((query) => [query.legend, query.minInterval])).toEqual([
      ['Checkout availability · 3d', '1h'],
      ['Checkout availability · 6h', '5m'],
    ]);
    expect(panelOf(demo, 'checkout-availability', 'Burn rate ticket-slow: 3d / 6h').thresholds).toEqual([
      { value: null, color: 'green' },
      { value: 1, color: 'orange' },
    ]);
  });

  test("the SLI stat turns green at the objective; annotations: the on-call view's deploys, then the SLO's incidents", () => {
    expect(panelOf(demo, 'checkout-availability', 'SLI over 30d').thresholds).toEqual([
      { value: null, color: 'red' },
      { value: 0.999, color: 'green' },
    ]);
    expect(dashboard.annotations).toEqual([
      {
        name: 'Deploys',
        datasource: 'prometheus',
        expr: 'sum(increase(deploys_total{service="checkout"}[5m])) > 0',
        title: 'Deploy of Checkout',
        color: 'blue',
      },
      {
        name: 'Incidents',
        datasource: 'prometheus',
        expr: 'max by (burn_tier) (ALERTS{sloth_id="checkout-availability", burn_tier!="", alertstate="firing"})',
        title: 'Checkout availability: {{burn_tier}} burn alert firing',
        color: 'red',
      },
    ]);
  });

  test('links to the service dashboards and the alert rows to the runbooks', () => {
    expect(dashboard.links).toEqual(serviceDashboardLinks(demo.services[0]));
    expect(dashboard.links.map((link) => link.url)).toEqual([
      '/a/bizowner-slo-app/services/checkout/oncall',
      '/a/bizowner-slo-app/services/checkout/debug',
      '/a/bizowner-slo-app/services/checkout/cost',
    ]);
    expect(panelOf(demo, 'checkout-availability', 'Alerts firing now').dataLinks.map((link) => link.url)).toEqual([
      'https://runbooks.example.com/checkout',
      'https://runbooks.example.com/checkout#availability',
    ]);
  });
});

describe('the SLO page of a grouped SLO', () => {
  const id = 'checkout-routes-availability';
  const grouped = demo.slos.find((slo) => slo.id === id) as Slo;

  test('the demo groups it by route', () => {
    expect(grouped.groupBy).toEqual(['route']);
    expect(queryProblems(buildSloDashboard(demo, id))).toEqual([]);
  });

  test('a table of groups, the least budget left first, and one series per group on the graphs', () => {
    const table = panelOf(demo, id, 'Groups, worst first');
    expect(table.queries.map((query) => query.expr)).toEqual([
      `sort(min by (sloth_id, route) (last_over_time(slo:period_error_budget_remaining:ratio{sloth_id="${id}"}[2h])))`,
      expect.stringMatching(/^1 - \(\(1 - min by \(sloth_id, route\) .*\) \* 0\.005\)$/),
      expect.stringMatching(/^max by \(sloth_id, route\) \(/),
      `count by (sloth_id, route) (ALERTS{sloth_id="${id}", burn_tier!="", alertstate="firing"}) or ` +
        `0 * min by (sloth_id, route) (last_over_time(slo:period_error_budget_remaining:ratio{sloth_id="${id}"}[2h]))`,
    ]);
    expect(table.columns?.map((column) => column.title)).toEqual([
      'route',
      'Budget left',
      'SLI (30d)',
      'Burn rate (5m)',
      'Firing alerts',
    ]);
    const budget = panelOf(demo, id, 'Error budget left over time').queries[0];
    expect(budget).toMatchObject({
      expr: `min by (sloth_id, route) (last_over_time(slo:period_error_budget_remaining:ratio{sloth_id="${id}"}[2h]))`,
      legend: '{{route}}',
    });
    const fast = panelOf(demo, id, 'Burn rate page-fast: 1h / 5m').queries;
    expect(fast.map((query) => query.legend)).toEqual(['{{route}} · 1h', '{{route}} · 5m']);
    expect(fast[0].expr).toMatch(/^max by \(sloth_id, route\) /);
    expect(panelOf(demo, id, 'Alerts firing now').columns?.map((column) => column.title)).toEqual([
      'Alert',
      'Severity',
      'Burn tier',
      'route',
    ]);
  });

  test('the stats show the worst group', () => {
    expect(panelOf(demo, id, 'Error budget left').queries[0].expr).toMatch(/^min by \(sloth_id\) /);
  });
});

describe('query cost', () => {
  test('the page issues the same queries for a registry of 10 SLOs as for one of 2,000', () => {
    const small = registryOf(10);
    const large = registryOf(2000);
    expect(small.slos).toHaveLength(10);
    expect(large.slos).toHaveLength(2000);
    for (const slo of small.slos) {
      const few = queriesOf(small, slo.id);
      expect(few.length).toBeGreaterThan(0);
      expect(queriesOf(large, slo.id)).toEqual(few);
    }
    // 4 stats, 3 over time, 2 per alert window pair, 4 for the groups table, 2 for alerts and deploys
    for (const slo of small.slos) {
      const expected = 9 + 2 * burnPanelSpecs([slo]).length + (slo.groupBy?.length ? 4 : 0);
      expect(queriesOf(large, slo.id)).toHaveLength(expected);
    }
  });

  test('no query names another SLO', () => {
    const large = registryOf(2000);
    const slo = large.slos[1234];
    for (const [, expr] of queriesOf(large, slo.id)) {
      const ids = [...String(expr).matchAll(/sloth_id="([^"]+)"/g)].map((match) => match[1]);
      expect(ids.filter((id) => id !== slo.id)).toEqual([]);
    }
  });
});

test('an unknown SLO throws: the page shows Not found before building', () => {
  expect(() => buildSloDashboard(demo, 'nope')).toThrow('no SLO "nope" in the registry');
});

describe('the time range of the SLO page', () => {
  const withWindow = (window: string, timeZone?: string): RegistryDocument => ({
    ...demo,
    slos: demo.slos.map((slo) => (slo.id === 'checkout-availability' ? { ...slo, window, timeZone } : slo)),
  });
  const rendered = (doc: RegistryDocument) =>
    renderDashboardJson(buildSloDashboard(doc, 'checkout-availability'), doc.settings) as Record<string, unknown>;

  test('a rolling window shows its days, in the browser time zone', () => {
    expect(rendered(withWindow('28d'))).toMatchObject({ time: { from: 'now-28d', to: 'now' }, timezone: 'browser' });
  });

  test.each([
    ['calendar-month', 'now/M'],
    ['calendar-quarter', 'now/fQ'],
    ['calendar-week', 'now/w'],
  ])('%s shows the current period so far, in the SLO time zone', (window, from) => {
    const json = rendered(withWindow(window, 'Europe/Berlin'));
    expect(json).toMatchObject({ time: { from, to: 'now' }, timezone: 'Europe/Berlin' });
    expect(json.weekStart).toBe(window === 'calendar-week' ? 'monday' : undefined);
  });

  test('a calendar window without a time zone reads UTC', () => {
    expect(rendered(withWindow('calendar-month'))).toMatchObject({ timezone: 'UTC' });
  });
});

describe('the SLO page of a calendar SLO', () => {
  const doc: RegistryDocument = {
    ...demo,
    slos: demo.slos.map((slo) =>
      slo.id === 'checkout-availability' ? { ...slo, window: 'calendar-month', timeZone: 'Europe/Berlin' } : slo
    ),
  };
  const dashboard = buildSloDashboard(doc, 'checkout-availability');

  test('names the period and adds the burn the rest of the month can afford, every query valid', () => {
    expect(queryProblems(dashboard)).toEqual([]);
    const titles = dashboard.rows[0].panels.map((item) => item.title);
    expect(dashboard.rows[0].title).toBe('Objective, SLI and budget over this month');
    expect(titles).toEqual([
      'Objective',
      'SLI over this month',
      'Error budget left',
      'Burn rate (5m)',
      'Burn allowed until the month ends',
    ]);
    // five stats side by side fill the row's 24 columns
    expect(dashboard.rows[0].panels.reduce((sum, item) => sum + (item.width ?? 0), 0)).toBe(24);
    const [burn] = panelOf(doc, 'checkout-availability', 'Burn allowed until the month ends').queries;
    expect(burn.expr).toContain('days_in_month(');
  });

  test('a rolling SLO has no such panel', () => {
    expect(buildSloDashboard(demo, 'checkout-availability').rows[0].panels).toHaveLength(4);
  });
});
