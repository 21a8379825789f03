/**
 * The revenue KPI of a service, for the revenue an incident put at risk. A KPI counts as a revenue
 * rate when its unit is a currency (Grafana's `currencyUSD`, `currencyEUR`, …), higher is not
 * worse, and its id or name says the time base: "per second", "per minute", "per hour" or
 * "per day" (`revenue-per-hour`, "Revenue per hour"). A currency KPI without a time base
 * (an average order value) is an amount, not a rate, and is not used.
 */
import { Kpi, Service } from '../model';

const CURRENCY_PREFIX = 'currency';

const PER_SECONDS: Array<[RegExp, number]> = [
  [/\bper[\s_-]*(second|sec|s)\b/i, 1],
  [/\bper[\s_-]*(minute|min)\b/i, 60],
  [/\bper[\s_-]*(hour|hr|h)\b/i, 3600],
  [/\bper[\s_-]*day\b/i, 86_400],
];

export interface RevenueKpi {
  kpi: Kpi;
  /** ISO code from the unit: `currencyUSD` gives `USD`. */
  currency: string;
  /** Seconds in the KPI's time base: 3600 for revenue per hour. */
  perSeconds: number;
}

/** The currency of a Grafana unit id (`currencyUSD` → `USD`), or undefined for other units. */
export function currencyOf(unit: string | undefined): string | undefined {
  if (!unit?.startsWith(CURRENCY_PREFIX) || unit.length === CURRENCY_PREFIX.length) {
    return undefined;
  }
  return unit.slice(CURRENCY_PREFIX.length).replace(/^:/, '');
}

/** The service's first revenue-rate KPI, if any. */
export function revenueKpi(service: Service): RevenueKpi | undefined {
  for (const kpi of service.kpis) {
    const currency = currencyOf(kpi.unit);
    if (!currency || kpi.direction === 'lower') {
      continue;
    }
    const text = `${kpi.id.replace(/-/g, ' ')} ${kpi.name}`;
    const base = PER_SECONDS.find(([pattern]) => pattern.test(text));
    if (base) {
      return { kpi, currency, perSeconds: base[1] };
    }
  }
  return undefined;
}
