import { RegistryDocument } from '../model';
import { groupByProblems } from './groupBy';
import { Problem } from '../problems';
import {
  BURN_ALERT,
  FREEZE_ALERT,
  LABEL_BURN_TIER,
  LABEL_BUSINESS_OWNER,
  LABEL_ID,
  LABEL_SERVICE,
  LABEL_SLO,
  LABEL_SLOTH_SEVERITY,
  LABEL_TEAM,
  LABEL_TIER,
  LABEL_WINDOW,
  slothSloName,
} from '../rules/names';
import { at, Checker, Fields, isFields, shown } from './checker';
import { checkAlerting, checkBudgetPolicy } from './alerting';
import { contextOf, RegistryContext } from './context';
import { isTimeZone } from '../budget/period';
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
  const labels = c.list(slo, 'groupBy', path);
  labels.forEach((label, index) => {
    if (typeof label !== 'string' || !isLabelName(label)) {
      c.add(at(at(path, 'groupBy'), index), `groupBy entries must be label names such as "route", got ${shown(label)}`);
    }
  });
  if (labels.every((label) => typeof label === 'string')) {
    // listed twice, written by the rules, or one of the SLO's own labels: as the editor says it
    const own = isFields(slo.labels) ? slo.labels : {};
    for (const problem of groupByProblems({ groupBy: labels as string[], labels: own as Record<string, string> })) {
      c.add(at(path, problem.path), problem.message);
    }
  }
}

const ALERT_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

/** Labels the rules write with a different value on different series or alerts: never settable. */
const PER_RULE: Record<string, string> = {
  [LABEL_WINDOW]: 'the window of each recorded series (5m, 1h, …)',
  [LABEL_BURN_TIER]: "each burn alert's tier (page-fast, …)",
  [LABEL_SLOTH_SEVERITY]: 'page or ticket on each burn alert',
};

/** Where the rules take each derived owner label from, as the message names it. */
const OWNER_SOURCE: Record<string, { field: string; shown: (value: string) => string }> = {
  [LABEL_TIER]: { field: "the service's tier", shown: (value) => value },
  [LABEL_TEAM]: {
    field: "the service's team",
    shown: (value) => `"${value}" (its on-call team, else its owners' team)`,
  },
  [LABEL_BUSINESS_OWNER]: { field: "the service's business owner", shown: (value) => `"${value}"` },
};

/** A reserved label with one value for the whole SLO, and how the message names it. */
interface Fixed {
  value: string;
  /** e.g. `the SLO id "checkout-availability"`. */
  what: string;
}

/**
 * The labels the rules derive may be set on an SLO (or its alerts) only with the value the rules
 * write, so that a user's label is never replaced by a derived one and the reserved Sloth labels
 * keep the meaning dashboards, the gate and Sloth's dashboards rely on. Equal values are written
 * once. `fixed` holds the reserved labels with one value for the whole SLO; `owners` the owner
 * labels of its service (none for alert labels, which may route to another team).
 */
function checkDerivedLabels(
  c: Checker,
  labels: Record<string, string>,
  path: string,
  fixed: Record<string, Fixed>,
  owners: Record<string, string> = {}
): void {
  for (const [name, value] of Object.entries(labels)) {
    const where = at(path, name);
    const reserved = fixed[name];
    if (reserved === undefined && PER_RULE[name] !== undefined) {
      c.add(where, `${name} is written by the rules: ${PER_RULE[name]}; remove the label`);
    } else if (reserved !== undefined && value !== reserved.value) {
      c.add(where, `"${value}" differs from ${reserved.what}, which the rules write as ${name}; remove the label`);
    } else if (owners[name] !== undefined && value !== owners[name]) {
      const { field, shown: show } = OWNER_SOURCE[name];
      c.add(
        where,
        `"${value}" differs from ${field} ${show(owners[name])}, which the rules write as ${name}; change ${field} or remove the label`
      );
    }
  }
}

/** The reserved labels with one value for the whole SLO: its id, its service and its Sloth name. */
function identityLabels(slo: Fields): Record<string, Fixed> {
  const id = typeof slo.id === 'string' ? slo.id : '';
  const serviceId = typeof slo.serviceId === 'string' ? slo.serviceId : '';
  if (!id || !serviceId) {
    // reported as missing; nothing to compare with
    return {};
  }
  const name = slothSloName(id, serviceId);
  return {
    [LABEL_ID]: { value: id, what: `the SLO id "${id}"` },
    [LABEL_SERVICE]: { value: serviceId, what: `the service id "${serviceId}"` },
    [LABEL_SLO]: { value: name, what: `the SLO name "${name}" (its id without "${serviceId}-")` },
  };
}

/** The text values of an optional map of labels; `checkAlerting` reports the rest. */
function textLabels(value: unknown): Record<string, string> {
  return Object.fromEntries(
    Object.entries(isFields(value) ? value : {}).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string'
    )
  );
}

/** `alerting.name`, the burn alerts' `alertname`: a Prometheus alert name, not the freeze alert's. */
function checkAlertName(c: Checker, alerting: Fields, path: string): void {
  const name = c.string(alerting, 'name', path);
  if (name === undefined || (ALERT_NAME.test(name) && name !== FREEZE_ALERT)) {
    return;
  }
  const why =
    name === FREEZE_ALERT
      ? "is the release-freeze alert's; choose another"
      : 'must be a Prometheus alert name: letters, digits, "_" and ":", not starting with a digit';
  c.add(
    at(path, 'name'),
    `name ${JSON.stringify(name)} ${why}, e.g. "CheckoutHighErrorRate", or leave it out for ${BURN_ALERT}`
  );
}

/**
 * Checks the labels the rules derive, in the SLO's `labels` and its page and ticket labels, and
 * the burn alerts' `alerting.name`.
 */
function checkRuleNames(c: Checker, slo: Fields, labels: Record<string, string>, path: string, ctx?: RegistryContext) {
  const fixed = identityLabels(slo);
  const owners = ctx?.ownerLabels.get(typeof slo.serviceId === 'string' ? slo.serviceId : '');
  checkDerivedLabels(c, labels, at(path, 'labels'), fixed, owners);
  if (!isFields(slo.alerting)) {
    return;
  }
  const where = at(path, 'alerting');
  for (const [key, severity] of [
    ['pageLabels', 'page'],
    ['ticketLabels', 'ticket'],
  ] as const) {
    const sloth = { value: severity, what: `"${severity}", the severity of the ${severity} tiers` };
    checkDerivedLabels(c, textLabels(slo.alerting[key]), at(where, key), {
      ...fixed,
      [LABEL_SLOTH_SEVERITY]: sloth,
    });
  }
  checkAlertName(c, slo.alerting, where);
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
  const timeZone = c.string(value, 'timeZone', path);
  if (timeZone !== undefined && !isTimeZone(timeZone)) {
    c.add(
      at(path, 'timeZone'),
      `timeZone "${timeZone}" is not an IANA time zone: use a name such as UTC, Europe/Berlin or America/New_York`
    );
  }
  checkGroupBy(c, value, path);
  checkAlerting(c, value, path);
  checkBudgetPolicy(c, value, path);
  const labels = c.stringMap(value, 'labels', path);
  checkLabelNames(c, labels, at(path, 'labels'));
  checkRuleNames(c, value, labels, path, ctx);
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
