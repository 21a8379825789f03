import { LINK_TYPES, OWNER_ROLES } from '../model';
import { at, Checker, Fields, isFields, shown } from './checker';
import { checkDuplicateIds, RegistryContext } from './context';
import { checkId, checkUrl } from './formats';
import { checkQuery } from './queries';

/** Checks that `id` names a person of the registry; `role` says who refers to them. */
export function checkPersonRef(c: Checker, id: string, path: string, role: string, ctx?: RegistryContext): void {
  if (ctx?.people && !ctx.people.has(id)) {
    c.add(path, `${role} "${id}" is not a person of the registry: add the person first or pick an existing id`);
  }
}

/** Checks the on-call block: team, escalation chain (person ids or team names), schedule URL. */
export function checkOnCall(c: Checker, service: Fields, path: string, ctx?: RegistryContext): void {
  const onCall = c.object(service, 'onCall', path);
  if (!onCall) {
    return;
  }
  const where = at(path, 'onCall');
  c.string(onCall, 'team', where);
  checkUrl(c, onCall, 'scheduleUrl', where);
  c.list(onCall, 'escalation', where).forEach((entry, index) => {
    const entryPath = at(at(where, 'escalation'), index);
    if (typeof entry !== 'string' || entry.trim() === '') {
      c.add(entryPath, `escalation entries must be person ids or team names, got ${shown(entry)}`);
    } else if (ctx?.people && !ctx.people.has(entry) && !ctx.teams.has(entry)) {
      c.add(entryPath, `escalation "${entry}" is neither a person id nor a team of the registry`);
    }
  });
}

/** Checks the business KPIs: slug ids unique within the service, a PromQL query, a direction. */
export function checkKpis(c: Checker, service: Fields, path: string): void {
  const kpis = c.list(service, 'kpis', path);
  const where = at(path, 'kpis');
  kpis.forEach((kpi, index) => {
    const kpiPath = at(where, index);
    if (!isFields(kpi)) {
      c.add(kpiPath, `a KPI must be an object with id, name and query, got ${shown(kpi)}`);
      return;
    }
    checkId(c, kpi, kpiPath, 'revenue-per-hour');
    c.string(kpi, 'name', kpiPath, true);
    checkQuery(c, kpi, 'query', kpiPath, 'promql');
    c.string(kpi, 'unit', kpiPath);
    c.number(kpi, 'target', kpiPath);
    c.oneOf(kpi, 'direction', kpiPath, ['higher', 'lower']);
  });
  checkDuplicateIds(c, kpis, where, 'KPI');
}

/** Checks the links: a known type, a title and an http(s) URL each. */
export function checkLinks(c: Checker, service: Fields, path: string): void {
  c.list(service, 'links', path).forEach((link, index) => {
    const linkPath = at(at(path, 'links'), index);
    if (!isFields(link)) {
      c.add(linkPath, `a link must be an object with type, title and url, got ${shown(link)}`);
      return;
    }
    c.oneOf(link, 'type', linkPath, LINK_TYPES, true);
    c.string(link, 'title', linkPath, true);
    checkUrl(c, link, 'url', linkPath, true);
  });
}

/** Checks the owner history: a known role, person ids and an ISO 8601 time per change. */
export function checkOwnerHistory(c: Checker, service: Fields, path: string): void {
  c.list(service, 'ownerHistory', path).forEach((change, index) => {
    const changePath = at(at(path, 'ownerHistory'), index);
    if (!isFields(change)) {
      c.add(changePath, `an owner change must be an object with role and at, got ${shown(change)}`);
      return;
    }
    c.oneOf(change, 'role', changePath, OWNER_ROLES, true);
    c.string(change, 'from', changePath);
    c.string(change, 'to', changePath);
    c.string(change, 'by', changePath);
    const time = c.string(change, 'at', changePath, true);
    if (time && Number.isNaN(Date.parse(time))) {
      c.add(
        at(changePath, 'at'),
        `at must be an ISO 8601 time such as "2026-01-31T12:00:00Z", got ${JSON.stringify(time)}`
      );
    }
  });
}
