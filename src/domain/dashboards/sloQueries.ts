/**
 * The SLO values the dashboards draw, in PromQL over the six series each SLO records by default
 * (rules/windowRatio.ts): error ratios summed from the increases, the allowed error ratio from
 * `slo:info`'s objective label, and the budget left. None reads Sloth's optional series
 * (`slo:objective:ratio`, `slo:current_burn_rate:ratio`, …), which exist only with
 * `settings.slothSeries`.
 *
 * Each builder takes the SLOs a query covers, to know their SLI kinds and objectives: the query
 * stays one per panel whatever the SLO count, with one term per distinct objective. A term picks
 * the SLOs of its objective by `sloth_id` and multiplies or divides by the objective's allowed
 * ratio, a constant, instead of joining every value with `slo:info` (`/ on (sloth_id) group_left`):
 * at 200 SLOs that join read `slo:info` twice more and took half of the executive compliance
 * table's time (bench/RESULTS.md, "Dashboard query cost").
 */
import { allowedErrorRatio, objectiveRatio } from '../budget/budget';
import { Slo } from '../model';
import { orTerms } from '../query/combine';
import { addMatchers, formatMatchers, regexMatcher } from '../query/selector';
import { isCountableSli } from '../query/sli';
import { INFO_OBJECTIVE, LABEL_ID, SLO_INFO } from '../rules/names';
import {
  errorRatio,
  isSummableWindow,
  readBudgetLeft,
  recordedErrorRatio,
  summedErrorRatio,
} from '../rules/windowRatio';

/** The SLOs by objective, lowest objective first. */
function byObjective(slos: Slo[]): Array<[number, Slo[]]> {
  const groups = new Map<number, Slo[]>();
  for (const slo of slos) {
    groups.set(slo.objective, [...(groups.get(slo.objective) ?? []), slo]);
  }
  return [...groups].sort(([a], [b]) => a - b);
}

/**
 * `selector` narrowed to the series of `slos` (`sloth_id=~"a|b"`), unless it already is: it has that
 * matcher, or names the one SLO (`{sloth_id="a"}`). No SLO gives `sloth_id=~""`, which no recorded
 * series matches.
 */
function withIds(selector: string, slos: Slo[]): string {
  const ids = regexMatcher(
    LABEL_ID,
    slos.map((slo) => slo.id)
  );
  const one = slos.length === 1 ? formatMatchers({ [LABEL_ID]: slos[0].id }).slice(1, -1) : undefined;
  if (selector.includes(ids) || (one !== undefined && selector.includes(one))) {
    return selector;
  }
  return addMatchers(selector, [ids]);
}

type ObjectiveTerm = (selector: string, allowed: number, slos: Slo[]) => string;

/**
 * One term per objective of `slos`, `or`ed: `term(selector of that objective's SLOs, its allowed
 * error ratio, those SLOs)`. Terms select different SLOs, so `or` keeps every series of each. No SLO
 * gives one term whose selector matches nothing.
 */
function perObjective(slos: Slo[], selector: string, term: ObjectiveTerm): string {
  const groups = byObjective(slos);
  if (groups.length === 0) {
    return term(withIds(selector, []), 0, []);
  }
  return orTerms(
    groups.map(([objective, group]) => term(withIds(selector, group), allowedErrorRatio(objective), group))
  );
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

/**
 * The burn rate over `window` (error ratio ÷ allowed) of `slos`, from the series `selector` picks
 * (grouped SLOs keep their groups), the highest group of each SLO, by `by`.
 */
export function burnRateBySlo(slos: Slo[], window: string, selector: string, by: string): string {
  const terms = perObjective(
    slos,
    selector,
    (picked, allowed, group) => `${sloErrorRatio(group, window, picked)} / ${allowed}`
  );
  return `max by (${by}) (${terms})`;
}

/** The budget left over the period, the worst group of each SLO, by `by`. */
export function budgetLeftBySlo(selector: string, by: string): string {
  return `min by (${by}) (${readBudgetLeft(selector)})`;
}

/**
 * The error ratio over each SLO's whole period, from its budget left: the budget left is
 * `1 − ratio ÷ allowed`, so the ratio is `(1 − budget left) × allowed`, exactly, without reading
 * the period's hourly tiles again. The worst group of each SLO, by `by`, in parentheses.
 */
export function periodErrorRatioBySlo(slos: Slo[], selector: string, by: string): string {
  const terms = perObjective(slos, selector, (picked, allowed) => `(1 - ${budgetLeftBySlo(picked, by)}) * ${allowed}`);
  return `(${terms})`;
}

/**
 * Each SLO's objective as a ratio (0.999), with the labels `by` of its `slo:info` series, picked by
 * the objective label the rules give it, in parentheses.
 */
export function objectiveBySlo(slos: Slo[], selector: string, by: string): string {
  const objectives = [...new Set(slos.map((slo) => slo.objective))].sort((a, b) => a - b);
  if (objectives.length === 0) {
    return `(0 * group by (${by}) (${SLO_INFO}${withIds(selector, [])}))`;
  }
  const terms = objectives.map(
    (objective) =>
      `(${objectiveRatio(objective)} * group by (${by}) (${SLO_INFO}${addMatchers(selector, [
        `${INFO_OBJECTIVE}="${objective}"`,
      ])}))`
  );
  return terms.length === 1 ? terms[0] : `(${orTerms(terms)})`;
}
