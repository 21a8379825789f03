import { POLICY_EXCEPTION_KINDS } from '../model';
import { at, Checker, Fields, isFields, shown } from './checker';
import { checkDuplicateIds } from './context';
import { checkId } from './formats';

const EXAMPLE_TIME = '"2026-11-27T10:00:00Z"';

/** Reads a required ISO 8601 time; returns it in epoch ms when it is one. */
export function checkTime(c: Checker, obj: Fields, key: string, path: string): number | undefined {
  const text = c.string(obj, key, path, true);
  if (text === undefined || text.trim() === '') {
    return undefined;
  }
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) {
    c.add(at(path, key), `${key} must be an ISO 8601 time such as ${EXAMPLE_TIME}, got ${JSON.stringify(text)}`);
    return undefined;
  }
  return ms;
}

function checkException(c: Checker, exception: unknown, path: string): void {
  if (!isFields(exception)) {
    c.add(path, `an exception must be an object with id, kind, reason, from, to, by and at, got ${shown(exception)}`);
    return;
  }
  checkId(c, exception, path, 'inc-12');
  c.oneOf(exception, 'kind', path, POLICY_EXCEPTION_KINDS, true);
  c.string(exception, 'reason', path, true);
  const from = checkTime(c, exception, 'from', path);
  const to = checkTime(c, exception, 'to', path);
  if (from !== undefined && to !== undefined && to <= from) {
    c.add(
      at(path, 'to'),
      `to must be after from (${String(exception.from)}): an exception lasts from its start to its end; swap them or correct the date`
    );
  }
  c.list(exception, 'sloIds', path).forEach((id, index) => {
    if (typeof id !== 'string' || id.trim() === '') {
      c.add(at(at(path, 'sloIds'), index), `sloIds entries must be SLO ids of the service, got ${shown(id)}`);
    }
  });
  c.string(exception, 'by', path, true);
  checkTime(c, exception, 'at', path);
}

/**
 * Checks a service's optional `budgetPolicy`: the sign-off (`by`, `at`) and the exceptions, each
 * with a slug id unique in the service, a kind, a reason and a `to` after its `from`.
 */
export function checkServicePolicy(c: Checker, service: Fields, path: string): void {
  const policy = c.object(service, 'budgetPolicy', path);
  if (!policy) {
    return;
  }
  const where = at(path, 'budgetPolicy');
  const signOff = c.object(policy, 'signOff', where);
  if (signOff) {
    c.string(signOff, 'by', at(where, 'signOff'), true);
    checkTime(c, signOff, 'at', at(where, 'signOff'));
  }
  const exceptions = c.list(policy, 'exceptions', where);
  exceptions.forEach((exception, index) => checkException(c, exception, at(at(where, 'exceptions'), index)));
  checkDuplicateIds(c, exceptions, at(where, 'exceptions'), 'exception');
}

/**
 * Checks that the SLOs each entry of `services[].budgetPolicy.<list>` names (its `sloIds`: an
 * exception's, an adjustment's) belong to its service.
 */
export function checkPolicySloIds(
  c: Checker,
  services: unknown[],
  slos: unknown[],
  list: 'exceptions' | 'adjustments'
): void {
  const sloServices = new Map(slos.filter(isFields).map((slo) => [slo.id, slo.serviceId]));
  services.forEach((service, serviceIndex) => {
    if (!isFields(service) || !isFields(service.budgetPolicy) || !Array.isArray(service.budgetPolicy[list])) {
      return;
    }
    const entries: unknown[] = service.budgetPolicy[list];
    entries.forEach((entry, index) => {
      const ids = isFields(entry) && Array.isArray(entry.sloIds) ? entry.sloIds : [];
      ids.forEach((id, idIndex) => {
        if (typeof id === 'string' && id.trim() !== '' && sloServices.get(id) !== service.id) {
          const path = `services[${serviceIndex}].budgetPolicy.${list}[${index}].sloIds[${idIndex}]`;
          c.add(
            path,
            `SLO "${id}" is not an SLO of service "${String(service.id)}": name one of its SLOs or remove it`
          );
        }
      });
    });
  });
}
