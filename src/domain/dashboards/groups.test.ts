import { baseRegistry, baseSlo } from '../testing/builders';
import { buildDebugDashboard } from './debug';
import { groupVariables, worstGroupsPanel, WORST_GROUPS_LIMIT } from './groups';
import { buildOnCallDashboard } from './onCall';
import { PanelIds } from './panels';
import { dashboardPanels, queryProblems } from './queries';
import { serviceScope } from './service';

/** checkout with a ratio SLO per tenant, a latency SLO per tenant and route, and an ungrouped SLO. */
function grouped() {
  return baseRegistry({
    slos: [
      baseSlo('ratio', { id: 'checkout-tenants', groupBy: ['tenant'] }),
      baseSlo('latency', { id: 'checkout-latency-routes', objective: 99, groupBy: ['tenant', 'route'] }),
      baseSlo('ratio', { id: 'checkout-plain' }),
    ],
  });
}

describe('groups of grouped SLOs in the service dashboards', () => {
  test('one variable per group label, its values from the recorded budget of the grouped SLOs', () => {
    const variables = groupVariables(serviceScope(grouped(), 'checkout'));
    expect(variables.map((variable) => [variable.name, variable.label, variable.kind])).toEqual([
      ['group_tenant', 'tenant', 'query'],
      ['group_route', 'route', 'query'],
    ]);
    expect(variables[0]).toMatchObject({
      datasource: 'prometheus',
      query:
        'label_values(slo:period_error_budget_remaining:ratio{sloth_service="checkout", sloth_id=~"checkout-tenants|checkout-latency-routes"}, tenant)',
      multi: true,
      includeAll: true,
      allValue: '.*',
    });
  });

  test('the worst groups table: least budget first, limited, burn only for those groups, chosen groups only', () => {
    const table = worstGroupsPanel(new PanelIds(), serviceScope(grouped(), 'checkout'), {
      width: 24,
      height: 8,
      extra: ['sloth_id=~"$slo"'],
    })!;
    const series =
      '{sloth_service="checkout", sloth_id=~"checkout-tenants|checkout-latency-routes", sloth_id=~"$slo", ' +
      'tenant=~"$group_tenant", route=~"$group_route"}';
    const worst = `bottomk(${WORST_GROUPS_LIMIT}, min by (sloth_id, tenant, route) (last_over_time(slo:period_error_budget_remaining:ratio${series}[2h])))`;
    expect(table.queries.map((query) => query.expr)).toEqual([
      `sort(${worst})`,
      expect.stringMatching(
        /^max by \(sloth_id, tenant, route\) \(.* and on \(sloth_id, tenant, route\) bottomk\(10, /
      ),
    ]);
    const burn = table.queries[1].expr;
    expect(burn.endsWith(worst)).toBe(true);
    // the error ratio reads the chosen groups, one term per objective divided by its allowed ratio: no slo:info
    const ofSlo = (id: string) => `${series.slice(0, -1)}, sloth_id=~"${id}"}`;
    expect(burn).toContain(`slo:sli_error:increase5m${ofSlo('checkout-tenants')}`);
    expect(burn).toContain(`slo:sli_total:increase5m${ofSlo('checkout-latency-routes')}`);
    expect(burn).toMatch(/slo:sli_total:increase5m\{[^}]*sloth_id=~"checkout-tenants"\}\) \/ 0\.001\b/);
    expect(burn).not.toContain('slo:info');
    expect(table.columns?.map((column) => column.title)).toEqual([
      'SLO',
      'tenant',
      'route',
      'Budget left',
      'Burn rate (5m)',
    ]);
  });

  test('on-call and debug views carry the variables and the table; services without grouped SLOs neither', () => {
    const doc = grouped();
    for (const dashboard of [buildOnCallDashboard(doc, 'checkout'), buildDebugDashboard(doc, 'checkout')]) {
      expect(dashboard.variables.map((variable) => variable.name)).toEqual(
        expect.arrayContaining(['group_tenant', 'group_route'])
      );
      expect(dashboardPanels(dashboard).filter((item) => item.title === 'Worst groups')).toHaveLength(1);
      expect(queryProblems(dashboard)).toEqual([]);
    }
    const plain = baseRegistry({ slos: [baseSlo('ratio')] });
    const onCall = buildOnCallDashboard(plain, 'checkout');
    expect(onCall.variables.map((variable) => variable.name)).toEqual(['slo']);
    expect(dashboardPanels(onCall).some((item) => item.title === 'Worst groups')).toBe(false);
    expect(worstGroupsPanel(new PanelIds(), serviceScope(plain, 'checkout'), { width: 24, height: 8 })).toBeUndefined();
  });
});
