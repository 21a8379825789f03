/**
 * Cost queries from the billing data source. The configured query template is written for one
 * service (`$costTags` stands for its cost tags); a dashboard runs it for every service in one
 * query, each service's term labelled `sloth_service`, so the query count stays constant.
 */
import { AppSettings, BillingKind, Service } from '../model';
import { DEFAULT_BILLING_QUERY } from '../registry';
import { escapeLabelValue } from '../query/selector';
import { LABEL_SERVICE } from '../rules/names';
import { orTerms, withLabels } from '../query/combine';
import { DashboardQuery } from './types';

/** The billing settings a dashboard uses: the configured ones, or the Prometheus default template. */
export function billingOf(settings: AppSettings): { kind: BillingKind; query: string } {
  return settings.billing ?? { kind: 'prometheus', query: DEFAULT_BILLING_QUERY };
}

/**
 * A service's cost tags as the template expects them: PromQL matchers
 * (`cost_center="checkout", service="search"`) or an SQL condition
 * (`cost_center = 'checkout' AND service = 'search'`).
 */
export function costTagCondition(kind: BillingKind, tags: Record<string, string>): string {
  const keys = Object.keys(tags).sort();
  if (kind === 'sql') {
    return keys.map((key) => `${key} = '${tags[key].replace(/'/g, "''")}'`).join(' AND ');
  }
  return keys.map((key) => `${key}="${escapeLabelValue(tags[key])}"`).join(', ');
}

/** Services that have cost tags: a service without them cannot be told apart in the bill. */
export function costedServices(services: Service[]): Service[] {
  return services.filter((service) => Object.keys(service.costTags).length > 0);
}

/** The template with one service's cost tags filled in. */
export function serviceCostExpr(settings: AppSettings, service: Service): string {
  const billing = billingOf(settings);
  return billing.query.split('$costTags').join(costTagCondition(billing.kind, service.costTags));
}

/**
 * Spend of every service with cost tags in one expression, each service's rows or series carrying
 * its id as `sloth_service`. Undefined when no service has cost tags.
 */
export function spendExpr(settings: AppSettings, services: Service[]): string | undefined {
  const costed = costedServices(services);
  if (costed.length === 0) {
    return undefined;
  }
  if (billingOf(settings).kind === 'sql') {
    return costed
      .map(
        (service, i) =>
          `SELECT *, '${service.id}' AS ${LABEL_SERVICE} FROM (\n${serviceCostExpr(settings, service)}\n) AS cost_${i}`
      )
      .join('\nUNION ALL\n');
  }
  return orTerms(
    costed.map((service) => withLabels(serviceCostExpr(settings, service), { [LABEL_SERVICE]: service.id }))
  );
}

/** A query on the billing data source in its language. */
export function billingQuery(
  settings: AppSettings,
  refId: string,
  expr: string,
  options: Partial<Pick<DashboardQuery, 'legend' | 'instant' | 'format'>> = {}
): DashboardQuery {
  const sql = billingOf(settings).kind === 'sql';
  return {
    refId,
    datasource: 'billing',
    language: sql ? 'sql' : 'promql',
    expr,
    ...options,
    ...(sql ? { format: options.instant ? 'table' : 'time_series' } : {}),
  };
}

/** Whether cost panels that need PromQL arithmetic (movers, per-request cost) can be built. */
export function billingIsPrometheus(settings: AppSettings): boolean {
  return billingOf(settings).kind === 'prometheus';
}

/**
 * Whether billing and telemetry are in the same Prometheus: PromQL can then divide one by the
 * other, and the generated rules record each service's hourly spend there.
 */
export function billingSharesPrometheus(settings: AppSettings): boolean {
  return billingIsPrometheus(settings) && !!settings.billing && settings.billing.uid === settings.prometheus?.uid;
}
