/**
 * The cloud spend row of the executive dashboard: spend over time per service and the top cost
 * movers (this week against the week before), both from one billing query for all services.
 */
import { AppSettings, Service } from '../model';
import { LABEL_SERVICE } from '../rules/names';
import { billingIsPrometheus, billingQuery, spendExpr } from './billing';
import { serviceDrilldowns } from './links';
import { HOURLY_STEP, panel, PanelIds } from './panels';
import { Panel, Row } from './types';

/** Spend this week minus the week before, per service, largest increase first (USD). */
export function moversExpr(spend: string): string {
  const week = (offset: string) => `sum_over_time((${spend})[7d:1h]${offset})`;
  return `sort_desc(${week('')} - ${week(' offset 7d')})`;
}

/** Spend trend and top movers; empty when no selected service has cost tags. */
export function costRow(ids: PanelIds, settings: AppSettings, services: Service[]): Row {
  const spend = spendExpr(settings, services);
  if (!spend) {
    return { title: 'Cloud spend', panels: [] };
  }
  const panels: Panel[] = [
    panel(ids, {
      title: 'Cloud spend',
      description: "Spend of each service from the billing data source, selected by the service's cost tags.",
      kind: 'timeseries',
      queries: [billingQuery(settings, 'A', spend, { legend: `{{${LABEL_SERVICE}}}` })],
      unit: 'currencyUSD',
      minInterval: HOURLY_STEP,
      dataLinks: serviceDrilldowns('labels'),
      width: billingIsPrometheus(settings) ? 16 : 24,
      height: 8,
    }),
  ];
  if (billingIsPrometheus(settings)) {
    panels.push(
      panel(ids, {
        title: 'Top cost movers',
        description: 'Change of spend over the last 7 days against the 7 days before, largest increase first.',
        kind: 'table',
        queries: [billingQuery(settings, 'A', moversExpr(spend), { instant: true, format: 'table' })],
        columns: [
          { kind: 'label', label: LABEL_SERVICE, title: 'Service' },
          { kind: 'value', refId: 'A', title: 'Change (7d)', unit: 'currencyUSD' },
        ],
        dataLinks: serviceDrilldowns('data'),
        width: 8,
        height: 8,
      })
    );
  }
  return { title: 'Cloud spend', panels };
}
