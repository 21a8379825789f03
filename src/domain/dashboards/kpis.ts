/**
 * Business KPIs of the executive dashboard. Each KPI has its own query, written by the service's
 * owners, so KPIs are per service by nature. To keep the query count small they are combined: all
 * KPIs with the same unit become one query (each KPI's series labelled with its service and KPI
 * name), and one panel per unit shows them. The count then grows with the number of distinct units,
 * not with the number of services.
 *
 * Within that query, KPIs whose queries differ only in one label's value (`service="checkout"`,
 * `service="payments"`) or not at all are evaluated once for all of them, grouped by that label
 * (`combineLabelled`, query/batch.ts): the KPIs of 1,000 services built on the same few queries
 * cost a few selections instead of 1,000. A KPI whose query cannot be grouped that way (`on (…)`,
 * `topk`, a selector without the label) keeps its own term.
 */
import { Kpi, Service } from '../model';
import { LABEL_SERVICE } from '../rules/names';
import { serviceDrilldowns } from './links';
import { panel, PanelIds, promQuery } from './panels';
import { combineLabelled } from '../query/batch';
import { Row } from './types';

/** Label carrying the KPI's name in the combined query. */
export const LABEL_KPI = 'kpi';

const UNIT_TITLES: Record<string, string> = {
  currencyUSD: 'Revenue and money',
  percentunit: 'Rates and conversion',
  short: 'Volumes',
};

interface KpiOfService {
  service: Service;
  kpi: Kpi;
}

/** KPIs of the services grouped by unit, units in order of first appearance. */
export function kpisByUnit(services: Service[]): Map<string, KpiOfService[]> {
  const groups = new Map<string, KpiOfService[]>();
  for (const service of services) {
    for (const kpi of service.kpis) {
      const unit = kpi.unit ?? 'short';
      groups.set(unit, [...(groups.get(unit) ?? []), { service, kpi }]);
    }
  }
  return groups;
}

/** One stat panel per KPI unit, each with one query covering every service's KPIs of that unit. */
export function kpiRow(ids: PanelIds, services: Service[]): Row {
  const panels = [...kpisByUnit(services)].map(([unit, kpis]) =>
    panel(ids, {
      title: `Business KPIs · ${UNIT_TITLES[unit] ?? unit}`,
      description: kpis
        .map(
          ({ service, kpi }) =>
            `${service.name}: ${kpi.name}${kpi.target !== undefined ? ` (target ${kpi.target})` : ''}`
        )
        .join('; '),
      kind: 'stat',
      queries: [
        promQuery(
          'A',
          combineLabelled(
            kpis.map(({ service, kpi }) => ({
              expr: kpi.query,
              labels: { [LABEL_SERVICE]: service.id, [LABEL_KPI]: kpi.name },
            }))
          ),
          { instant: true, legend: `{{${LABEL_SERVICE}}} · {{${LABEL_KPI}}}` }
        ),
      ],
      unit,
      dataLinks: serviceDrilldowns('labels'),
      width: Math.max(6, Math.min(24, kpis.length * 6)),
      height: 5,
    })
  );
  return { title: 'Business KPIs', panels };
}
