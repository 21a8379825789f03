/**
 * The cost dashboard of one service: spend over time and per cost tag from the billing data
 * source, cost per 1,000 requests and spend per SLO-good-event. The last two divide billing data by
 * Prometheus data, so they exist only when billing is read with PromQL from the Prometheus data
 * source itself (the default setup, OpenCost-style metrics next to the telemetry).
 */
import { AppSettings, RatioSli, RegistryDocument, Service } from '../model';
import { isCountableSli } from '../query/sli';
import { stableUid } from '../rules/uid';
import { LABEL_ID, SLI_ERROR_INCREASE_1H, SLI_TOTAL_INCREASE_1H, TILE_WINDOW } from '../rules/names';
import { exactRange } from '../rules/ranges';
import {
  billingIsPrometheus,
  billingQuery,
  billingSharesPrometheus,
  costTagCondition,
  serviceCostExpr,
} from './billing';
import { HOURLY_STEP, panel, PanelIds, promQuery } from './panels';
import { orTerms, withLabels } from '../query/combine';
import { metricSelector, regexMatcher } from '../query/selector';
import { serviceScope, ServiceScope } from './service';
import { Dashboard, Panel } from './types';

/** Label naming the cost tag of a term in the per-tag query. */
export const LABEL_COST_TAG = 'cost_tag';

/** The cost dashboard of `serviceId`; throws when the registry has no such service. */
export function buildCostDashboard(doc: RegistryDocument, serviceId: string): Dashboard {
  const scope = serviceScope(doc, serviceId);
  const ids = new PanelIds();
  const { service } = scope;
  const panels = Object.keys(service.costTags).length > 0 ? costPanels(ids, doc.settings, scope) : [];
  return {
    kind: 'cost',
    uid: stableUid('cost', service.id),
    title: `${service.name} · Cost`,
    description: `Cloud spend of ${service.name} from the billing data source, by its cost tags.`,
    tags: ['business-owner', 'cost', service.id],
    serviceId: service.id,
    variables: [],
    annotations: [],
    rows:
      panels.length > 0 ? [{ title: 'Spend', panels: panels.map((item) => ({ ...item, links: scope.links })) }] : [],
    links: scope.links,
    time: { from: 'now-30d', to: 'now' },
    refresh: '1h',
  };
}

function costPanels(ids: PanelIds, settings: AppSettings, scope: ServiceScope): Panel[] {
  const { service } = scope;
  const spend = serviceCostExpr(settings, service);
  const panels: Panel[] = [
    panel(ids, {
      title: 'Spend over time',
      description: `Spend selected by the cost tags ${costTagCondition('prometheus', service.costTags)}.`,
      kind: 'timeseries',
      queries: [billingQuery(settings, 'A', spend, { legend: 'Spend' })],
      unit: 'currencyUSD',
      minInterval: HOURLY_STEP,
      width: 16,
      height: 8,
    }),
  ];
  if (!billingIsPrometheus(settings)) {
    return panels;
  }
  panels.push(
    panel(ids, {
      title: 'Spend per cost tag',
      description:
        'Spend of each cost tag on its own over the time range; a tag shared with other services counts their spend too.',
      kind: 'bargauge',
      queries: [
        billingQuery(settings, 'A', `sum_over_time((${perTagExpr(settings, service)})[$__range:1h])`, {
          instant: true,
          legend: `{{${LABEL_COST_TAG}}}`,
        }),
      ],
      unit: 'currencyUSD',
      width: 8,
      height: 8,
    })
  );
  if (billingSharesPrometheus(settings)) {
    panels.push(...unitCostPanels(ids, scope, spend));
  }
  return panels;
}

/** One term per cost tag: the template with only that tag, labelled `cost_tag="key=value"`. */
function perTagExpr(settings: AppSettings, service: Service): string {
  return orTerms(
    Object.keys(service.costTags)
      .sort()
      .map((key) =>
        withLabels(serviceCostExpr(settings, { ...service, costTags: { [key]: service.costTags[key] } }), {
          [LABEL_COST_TAG]: `${key}=${service.costTags[key]}`,
        })
      )
  );
}

function unitCostPanels(ids: PanelIds, scope: ServiceScope, spend: string): Panel[] {
  const { service, slos } = scope;
  const ratio = slos.map((slo) => slo.sli).find((sli): sli is RatioSli => sli.kind === 'ratio');
  const requests = ratio ? ratio.total : metricSelector('http_requests_total', service.selector);
  const panels = [
    panel(ids, {
      title: 'Cost per 1,000 requests',
      description: `Hourly spend divided by the requests of the same hour (${requests}), per thousand.`,
      kind: 'timeseries',
      queries: [
        promQuery('A', `(${spend}) / (sum(rate(${requests}[1h])) * 3600 / 1000)`, { legend: 'per 1,000 requests' }),
      ],
      unit: 'currencyUSD',
      minInterval: HOURLY_STEP,
      width: 12,
      height: 7,
    }),
  ];
  const countable = slos.filter((slo) => isCountableSli(slo.sli));
  if (countable.length > 0) {
    const tiles = `${scope.recorded.slice(0, -1)}, ${regexMatcher(
      LABEL_ID,
      countable.map((slo) => slo.id)
    )}}`;
    // one tile, the newest, at any time (see rules/ranges.ts)
    const hour = exactRange(TILE_WINDOW);
    const good = `sum by (${LABEL_ID}) (sum_over_time(${SLI_TOTAL_INCREASE_1H}${tiles}[${hour}])) - sum by (${LABEL_ID}) (sum_over_time(${SLI_ERROR_INCREASE_1H}${tiles}[${hour}]))`;
    panels.push(
      panel(ids, {
        title: 'Spend per good event',
        description:
          "Hourly spend divided by each SLO's good events of the last hour (from the recorded hourly tiles).",
        kind: 'timeseries',
        queries: [promQuery('A', `scalar(${spend}) / (${good})`, { legend: `{{${LABEL_ID}}}` })],
        unit: 'currencyUSD',
        minInterval: HOURLY_STEP,
        decimals: 6,
        width: 12,
        height: 7,
      })
    );
  }
  return panels;
}
