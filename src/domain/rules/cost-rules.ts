/**
 * Spend recording rules: each service's hourly cloud spend, recorded once an hour from the billing
 * query. The executive spend panels then read one small series per service (168 tiles for a week)
 * instead of every raw billing sample of every cost tag, which made the cloud spend row nine tenths
 * of what the executive view cost Prometheus (bench/RESULTS.md, "Dashboard query cost").
 */
import { AppSettings, Service } from '../model';
import { billingSharesPrometheus, costedServices, serviceCostExpr } from '../dashboards/billing';
import { LABEL_SERVICE, SERVICE_SPEND_1H } from './names';
import { RuleGroup } from './types';
import { TILE_INTERVAL } from './sli-rules';

/**
 * The spend group of a service (`service-<id>-cost`), evaluated hourly like the SLI tiles: the
 * billing template gives the spend of the hour before each evaluation, so one tile an hour sums to
 * the spend of any whole number of hours. A service's file packs it with its SLOs' hourly tiles
 * (generate.ts), one group fewer per service for Prometheus to run and report on. Only when billing
 * is read with PromQL from the Prometheus the rules run on (a SQL table or another Prometheus cannot
 * be read by these rules), and only for services with cost tags; undefined otherwise.
 */
export function buildCostGroup(settings: AppSettings, service: Service): RuleGroup | undefined {
  if (!billingSharesPrometheus(settings) || costedServices([service]).length === 0) {
    return undefined;
  }
  return {
    name: `service-${service.id}-cost`,
    interval: TILE_INTERVAL,
    rules: [
      {
        record: SERVICE_SPEND_1H,
        expr: serviceCostExpr(settings, service),
        labels: { [LABEL_SERVICE]: service.id },
      },
    ],
  };
}
