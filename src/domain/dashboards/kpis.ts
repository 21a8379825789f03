/**
 * Business KPIs of the executive dashboard. Each KPI has its own query, written by the service's
 * owners, so KPIs are per service by nature. To keep the query count small they are combined: all
 * KPIs with the same unit become one query (each term labelled with its service and KPI name), and
 * one panel per unit shows them. The count then grows with the number of distinct units, not with
 * the number of services.
 */
import { Kpi, Service } from '../model';
import { LABEL_SERVICE } from '../rules/names';
import { serviceDrilldowns } from './links';
import { panel, PanelIds, promQuery } from './panels';
import { orTerms, withLabels } from '../query/combine';
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
          orTerms(
            kpis.map(({ service, kpi }) =>
              withLabels(kpi.query, { [LABEL_SERVICE]: service.id, [LABEL_KPI]: kpi.name })
            )
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
