/**
 * The SLO values the dashboards draw, in PromQL over the six series each SLO records by default
 * (rules/windowRatio.ts): error ratios summed from the increases, the allowed error ratio from
 * `slo:info`'s objective label, and the budget left. None reads Sloth's optional series
 * (`slo:objective:ratio`, `slo:current_burn_rate:ratio`, …), which exist only with
 * `settings.slothSeries`.
 *
 * Each builder takes the SLOs a query covers, only to know their SLI kinds and objectives: the
 * query stays one per panel whatever the SLO count, and grows with the distinct objectives only.
 */
import { Slo } from '../model';
import { isCountableSli } from '../query/sli';
import { LABEL_ID, SLO_INFO } from '../rules/names';
import {
  allowedRatioBySlo,
  errorRatio,
  isSummableWindow,
  readBudgetLeft,
  recordedErrorRatio,
  summedErrorRatio,
} from '../rules/windowRatio';

/**
 * The error ratio each SLO's objective allows, one series per `sloth_id` (value e.g. 0.001), in
 * parentheses: with several objectives it is an `or` of terms, which binds looser than any operator.
 */
function allowedBySlo(slos: Slo[], selector: string): string {
  const allowed = allowedRatioBySlo(
    slos.map((slo) => slo.objective),
    selector
  );
  return `(${allowed})`;
}

/**
 * The error ratio over `window` of the SLOs the selector picks, with the series' labels: summed
 * from the increases when all of `slos` count events, the recorded ratio when none does, and
 * either (`or`) for a mix, so that Prometheus evaluates no branch that cannot answer.
 */
export function sloErrorRatio(slos: Slo[], window: string, selector: string): string {
  if (!isSummableWindow(window)) {
    return recordedErrorRatio(window, selector);
  }
  const countable = slos.filter((slo) => isCountableSli(slo.sli)).length;
  if (countable === slos.length) {
    return summedErrorRatio(window, selector);
  }
  return countable === 0 ? recordedErrorRatio(window, selector) : errorRatio(window, selector);
}

/** `expr / allowed`, per series of `expr` (grouped SLOs keep their groups), joined on `sloth_id`. */
function perAllowed(expr: string, slos: Slo[], selector: string): string {
  return `${expr} / on (${LABEL_ID}) group_left () ${allowedBySlo(slos, selector)}`;
}

/**
 * The burn rate over `window` (error ratio ÷ allowed), the highest group of each SLO, by `by`.
 * `infoSelector` picks the SLOs' `slo:info` series when `selector` also matches group labels,
 * which `slo:info` (one series per SLO) does not have.
 */
export function burnRateBySlo(
  slos: Slo[],
  window: string,
  selector: string,
  by: string,
  infoSelector = selector
): string {
  return `max by (${by}) (${perAllowed(sloErrorRatio(slos, window, selector), slos, infoSelector)})`;
}

/** The budget left over the period, the worst group of each SLO, by `by`. */
export function budgetLeftBySlo(selector: string, by: string): string {
  return `min by (${by}) (${readBudgetLeft(selector)})`;
}

/**
 * The error ratio over each SLO's whole period, from its budget left: the budget left is
 * `1 − ratio ÷ allowed`, so the ratio is `(1 − budget left) × allowed`, exactly, without reading
 * the period's hourly tiles again. The worst group of each SLO, by `by`.
 */
export function periodErrorRatioBySlo(slos: Slo[], selector: string, by: string): string {
  return `(1 - ${budgetLeftBySlo(selector, by)}) * on (${LABEL_ID}) group_left () ${allowedBySlo(slos, selector)}`;
}

/**
 * Each SLO's objective as a ratio (0.999): one minus its allowed error ratio, with the labels `by`
 * of its `slo:info` series (the allowed ratio itself has `sloth_id` only).
 */
export function objectiveBySlo(slos: Slo[], selector: string, by: string): string {
  const allowed = allowedBySlo(slos, selector);
  if (by === LABEL_ID) {
    return `1 - ${allowed}`;
  }
  return `1 - (group by (${by}) (${SLO_INFO}${selector}) * on (${LABEL_ID}) group_left () ${allowed})`;
}
