import { LIFECYCLES, OWNER_ROLES, RegistryDocument } from '../model';
import { Problem } from '../problems';
import { at, Checker, Fields, isFields, shown } from './checker';
import { contextOf, RegistryContext } from './context';
import { checkId, checkLabelNames } from './formats';
import { checkQuery } from './queries';
import { checkKpis, checkLinks, checkOnCall, checkOwnerHistory, checkPersonRef } from './serviceParts';
import { checkAdjustments } from './adjustments';
import { checkServicePolicy } from './servicePolicy';

const IMPACT_FLAGS = ['revenue', 'compliance', 'customerFacing', 'sla'];
/** Tiers that must name an accountable business owner. */
const OWNER_REQUIRED_UP_TO_TIER = 2;

function checkTier(c: Checker, service: Fields, path: string): number | undefined {
  const tier = c.number(service, 'tier', path, true);
  if (tier !== undefined && (!Number.isInteger(tier) || tier < 1 || tier > 4)) {
    c.add(at(path, 'tier'), `tier must be a whole number from 1 (most critical) to 4, got ${tier}`);
    return undefined;
  }
  return tier;
}

function checkOwners(c: Checker, service: Fields, path: string, tier: number | undefined, ctx?: RegistryContext): void {
  const owners = c.object(service, 'owners', path) ?? {};
  const where = at(path, 'owners');
  for (const [role, id] of Object.entries(owners)) {
    if (!(OWNER_ROLES as readonly string[]).includes(role)) {
      c.add(at(where, role), `unknown owner role "${role}"; roles are ${OWNER_ROLES.join(', ')}`);
    } else if (typeof id !== 'string') {
      c.add(at(where, role), `${role} must be a person id, got ${shown(id)}`);
    } else {
      checkPersonRef(c, id, at(where, role), role, ctx);
    }
  }
  if (tier !== undefined && tier <= OWNER_REQUIRED_UP_TO_TIER && typeof owners.businessOwner !== 'string') {
    c.add(
      at(where, 'businessOwner'),
      `tier ${tier} services need a business owner: name the person accountable for this service's objectives`
    );
  }
}

function checkImpact(c: Checker, service: Fields, path: string): void {
  const impact = c.object(service, 'impact', path);
  for (const flag of IMPACT_FLAGS) {
    if (impact) {
      c.boolean(impact, flag, at(path, 'impact'));
    }
  }
}

function checkDependsOn(c: Checker, service: Fields, path: string, ctx?: RegistryContext): void {
  c.list(service, 'dependsOn', path).forEach((id, index) => {
    const idPath = at(at(path, 'dependsOn'), index);
    if (typeof id !== 'string') {
      c.add(idPath, `dependsOn entries must be service ids, got ${shown(id)}`);
    } else if (id === service.id) {
      c.add(idPath, `a service cannot depend on itself`);
    } else if (ctx?.services && !ctx.services.has(id)) {
      c.add(idPath, `dependsOn "${id}" is not a service of the registry`);
    }
  });
}

/** Checks one service at `path`; references are checked against `ctx` when given. */
export function checkService(c: Checker, value: unknown, path: string, ctx?: RegistryContext): void {
  if (!isFields(value)) {
    c.add(path, `a service must be an object with id, name, tier and lifecycle, got ${shown(value)}`);
    return;
  }
  checkId(c, value, path, 'checkout-api');
  c.string(value, 'name', path, true);
  c.string(value, 'description', path);
  c.string(value, 'decisionScope', path);
  const tier = checkTier(c, value, path);
  c.oneOf(value, 'lifecycle', path, LIFECYCLES, true);
  checkImpact(c, value, path);
  checkOwners(c, value, path, tier, ctx);
  checkOnCall(c, value, path, ctx);
  checkKpis(c, value, path);
  checkLinks(c, value, path);
  checkLabelNames(c, c.stringMap(value, 'costTags', path), at(path, 'costTags'));
  checkQuery(c, value, 'selector', path, 'selector');
  checkDependsOn(c, value, path, ctx);
  checkOwnerHistory(c, value, path);
  checkServicePolicy(c, value, path);
  checkAdjustments(c, value, path);
}

/**
 * Validates one service as a form would: paths are relative to the service (`links[0].url`,
 * `owners.businessOwner`). People and services named by the service are looked up in `doc`
 * when it is given. Duplicate ids are found by `validateRegistry`.
 */
export function validateService(service: unknown, doc?: RegistryDocument): Problem[] {
  const c = new Checker();
  checkService(c, service, '', doc ? contextOf(doc) : undefined);
  return c.problems;
}
