import { RegistryDocument } from '../model';
import { Problem } from '../problems';
import { at, Checker, Fields, isFields, shown } from './checker';
import { checkAlerting, checkBudgetPolicy } from './alerting';
import { contextOf, RegistryContext } from './context';
import { checkId, checkLabelNames, isLabelName, windowProblem } from './formats';
import { checkSli } from './sli';

function checkObjective(c: Checker, slo: Fields, path: string): void {
  const objective = c.number(slo, 'objective', path, true);
  if (objective === undefined) {
    return;
  }
  if (objective <= 0 || objective >= 100) {
    c.add(
      at(path, 'objective'),
      `objective must be a percentage strictly between 0 and 100, e.g. 99.9, got ${objective}`
    );
  } else if (objective < 1) {
    c.add(
      at(path, 'objective'),
      `objective ${objective} looks like a ratio; it is a percentage: did you mean ${Number((objective * 100).toPrecision(12))}?`,
      'warning'
    );
  }
}

function checkGroupBy(c: Checker, slo: Fields, path: string): void {
  c.list(slo, 'groupBy', path).forEach((label, index) => {
    if (typeof label !== 'string' || !isLabelName(label)) {
      c.add(at(at(path, 'groupBy'), index), `groupBy entries must be label names such as "route", got ${shown(label)}`);
    }
  });
}

/** Checks one SLO at `path`; its service is looked up in `ctx` when given. */
export function checkSlo(c: Checker, value: unknown, path: string, ctx?: RegistryContext): void {
  if (!isFields(value)) {
    c.add(path, `an SLO must be an object with id, serviceId, sli, objective and window, got ${shown(value)}`);
    return;
  }
  checkId(c, value, path, 'checkout-availability');
  const serviceId = c.string(value, 'serviceId', path, true);
  if (serviceId && ctx?.services && !ctx.services.has(serviceId)) {
    c.add(
      at(path, 'serviceId'),
      `serviceId "${serviceId}" is not a service of the registry: add the service first or pick an existing id`
    );
  }
  c.string(value, 'name', path, true);
  c.string(value, 'description', path);
  checkSli(c, value, path);
  checkObjective(c, value, path);
  const window = c.string(value, 'window', path, true);
  const problem = window !== undefined && window.trim() !== '' ? windowProblem(window) : undefined;
  if (problem) {
    c.add(at(path, 'window'), problem);
  }
  checkGroupBy(c, value, path);
  checkAlerting(c, value, path);
  checkBudgetPolicy(c, value, path);
  checkLabelNames(c, c.stringMap(value, 'labels', path), at(path, 'labels'));
}

/**
 * Validates one SLO as the SLO editor would: paths are relative to the SLO (`objective`,
 * `sli.total`, `alerting.windows[0].short`). Its `serviceId` is looked up in `doc` when given.
 * Duplicate ids are found by `validateRegistry`.
 */
export function validateSlo(slo: unknown, doc?: RegistryDocument): Problem[] {
  const c = new Checker();
  checkSlo(c, slo, '', doc ? contextOf(doc) : undefined);
  return c.problems;
}
