/**
 * The input of the cost-spike check: every costed service's spend over the last week against its
 * weekly average over the four weeks before, in two instant queries for the whole registry. When
 * the rules record each service's hourly spend (billing on the rules' Prometheus) both read those
 * tiles; otherwise they run the billing template as an hourly subquery, as the executive
 * dashboard's cost movers do.
 */
import { AppSettings, Service } from '../model';
import { billingOf, billingSharesPrometheus, spendExpr } from '../dashboards/billing';
import { LABEL_SERVICE, SERVICE_SPEND_1H } from '../rules/names';
import { exactRange } from '../rules/ranges';
import { CostLiveValues, CostUnknown } from '../registryView/liveValues';

/** Weeks the baseline averages. */
const BASELINE_WEEKS = 4;

export interface CostSpikeQueries {
  /** Spend over the last week, per `sloth_service`. */
  current: string;
  /** Average weekly spend over the `BASELINE_WEEKS` weeks before, per `sloth_service`. */
  baseline: string;
}

/**
 * The two queries for `services`, or why they cannot be built. Ranges over the hourly tiles are
 * 1 ms short of their length so that Prometheus 2 and 3 read the same tiles (see rules/ranges.ts).
 */
export function costSpikeQueries(settings: AppSettings, services: Service[]): CostSpikeQueries | CostUnknown {
  if (!settings.billing?.uid) {
    return { kind: 'noBillingDataSource' };
  }
  if (billingOf(settings).kind === 'sql') {
    return { kind: 'sqlBilling' };
  }
  const week = exactRange('7d');
  const weeks = exactRange(`${7 * BASELINE_WEEKS}d`);
  const perService = (expr: string) => `sum by (${LABEL_SERVICE}) (${expr})`;
  if (billingSharesPrometheus(settings)) {
    return {
      current: perService(`sum_over_time(${SERVICE_SPEND_1H}[${week}])`),
      baseline: `${perService(`sum_over_time(${SERVICE_SPEND_1H}[${weeks}] offset 7d)`)} / ${BASELINE_WEEKS}`,
    };
  }
  const spend = spendExpr(settings, services);
  if (!spend) {
    return { kind: 'noCostTags' };
  }
  return {
    current: perService(`sum_over_time((${spend})[${week}:1h])`),
    baseline: `${perService(`sum_over_time((${spend})[${weeks}:1h] offset 7d)`)} / ${BASELINE_WEEKS}`,
  };
}

/** Whether `value` says why the queries could not be built. */
export function isCostUnknown(value: CostSpikeQueries | CostUnknown): value is CostUnknown {
  return 'kind' in value;
}

/**
 * Each service's cost values from the answers (spend by `sloth_service`); a service is left out
 * when either week is missing, since a spike cannot be told without both.
 */
export function readCostSpike(
  current: ReadonlyMap<string, number>,
  baseline: ReadonlyMap<string, number>
): Record<string, CostLiveValues> {
  const costs: Record<string, CostLiveValues> = {};
  for (const [serviceId, spent] of current) {
    const typical = baseline.get(serviceId);
    if (typical !== undefined && Number.isFinite(spent) && Number.isFinite(typical)) {
      costs[serviceId] = { current: spent, baseline: typical };
    }
  }
  return costs;
}
