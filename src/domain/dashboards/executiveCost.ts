/**
 * The cloud spend row of the executive dashboard: spend over time per service and the top cost
 * movers (this week against the week before), both from one billing query for all services. When
 * the rules record each service's hourly spend (billing on the rules' Prometheus), both read those
 * tiles: a week is 168 samples per service instead of every raw billing sample.
 */
import { AppSettings, Service } from '../model';
import { LABEL_SERVICE, SERVICE_SPEND_1H, servicesSelector } from '../rules/names';
import { exactRange } from '../rules/ranges';
import { billingIsPrometheus, billingQuery, billingSharesPrometheus, costedServices, spendExpr } from './billing';
import { serviceDrilldowns } from './links';
import { HOURLY_STEP, panel, PanelIds } from './panels';
import { Panel, Row } from './types';

/**
 * A week of hourly steps or tiles: 168 of them at any time, where `[7d]` read 169 on Prometheus 2
 * whenever the steps met its start (see rules/ranges.ts).
 */
const WEEK = exactRange('7d');

/** Spend this week minus the week before, per service, largest increase first (USD). */
export function moversExpr(spend: string): string {
  const week = (offset: string) => `sum_over_time((${spend})[${WEEK}:1h]${offset})`;
  return `sort_desc(${week('')} - ${week(' offset 7d')})`;
}

/** The same from the recorded hourly spend tiles: one sum over a week's tiles per service. */
export function recordedMoversExpr(tiles: string): string {
  return `sort_desc(sum_over_time(${tiles}[${WEEK}]) - sum_over_time(${tiles}[${WEEK}] offset 7d))`;
}

/** The spend and movers expressions of the selected services; undefined when none has cost tags. */
function spendQueries(settings: AppSettings, services: Service[]): { spend: string; movers: string } | undefined {
  const costed = costedServices(services);
  if (costed.length > 0 && billingSharesPrometheus(settings)) {
    const tiles = `${SERVICE_SPEND_1H}${servicesSelector(costed.map((service) => service.id))}`;
    // The latest tile at each (hourly) step: a tile is recorded once an hour, past the lookback.
    return { spend: `last_over_time(${tiles}[1h])`, movers: recordedMoversExpr(tiles) };
  }
  const spend = spendExpr(settings, services);
  return spend ? { spend, movers: moversExpr(spend) } : undefined;
}

/** Spend trend and top movers; empty when no selected service has cost tags. */
export function costRow(ids: PanelIds, settings: AppSettings, services: Service[]): Row {
  const queries = spendQueries(settings, services);
  if (!queries) {
    return { title: 'Cloud spend', panels: [] };
  }
  const { spend, movers } = queries;
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
        queries: [billingQuery(settings, 'A', movers, { instant: true, format: 'table' })],
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
