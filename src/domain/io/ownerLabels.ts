import { Service, Slo, Tier } from '../model';
import { Problem } from '../problems';
import { LABEL_BUSINESS_OWNER, LABEL_TEAM, LABEL_TIER } from '../rules/names';
import { entityPath } from './migrationReport';
import { SourceDoc } from './sourceDoc';

type YamlPath = Array<string | number>;

/** Sloth's label for the owning team. The rules do not set it, so it stays a label as well. */
const OWNER = 'owner';
/** The rules set `sloth_id`, `sloth_service`, `sloth_slo` and `sloth_window` on every series. */
const RESERVED_PREFIX = 'sloth_';

/** A value a service took from an SLO's label, and that SLO. */
interface Claim {
  value: string;
  slo: string;
}

type Claims = { tier?: Claim; team?: Claim };

/** Claims `value` for the service's `key`, or says why not: another SLO of the service claimed another value. */
function claim(claims: Claims, key: keyof Claims, value: string, slo: Slo): string | undefined {
  const earlier = claims[key];
  if (earlier && earlier.value !== value) {
    return `differs from ${key} ${earlier.value}, which service ${slo.serviceId} took from SLO ${earlier.slo}`;
  }
  claims[key] ??= { value, slo: slo.id };
  return undefined;
}

/**
 * Maps the labels of imported SLOs onto their service, where the rules take them back from:
 * `tier` (1–4) becomes the service's tier, `team` (or else `owner`) its on-call team; the label
 * stays, equal to what the rules derive. A label that would differ from what the rules derive (a
 * tier that is no tier, a second SLO of the service with another tier or team, `business_owner`,
 * `sloth_*`) is dropped with a warning instead of being refused later. One instance per import:
 * the first SLO that names a service's tier or team sets it.
 */
export class OwnerLabels {
  private readonly claims = new Map<string, Claims>();

  /** Applies `slo.labels` to `service`; `labelPath` gives the source path of a label, for the report. */
  apply(slo: Slo, service: Service, src: SourceDoc, labelPath: (name: string) => YamlPath, problems: Problem[]): void {
    const claims = this.claims.get(service.id) ?? {};
    this.claims.set(service.id, claims);
    const teamLabel = slo.labels[LABEL_TEAM] !== undefined ? LABEL_TEAM : OWNER;
    for (const [name, value] of Object.entries(slo.labels)) {
      const path = labelPath(name);
      const why = this.conflict(name, value, teamLabel, claims, slo);
      if (why) {
        delete slo.labels[name];
        problems.push(src.drop(path, `label ${name} "${value}" ${why}`));
        continue;
      }
      if (name === LABEL_TIER) {
        service.tier = Number(value) as Tier;
        src.mapped(path, entityPath('services', service.id, 'tier'));
      } else if (name === teamLabel && claims.team?.value === value) {
        service.onCall = { ...service.onCall, team: value };
        src.mapped(path, entityPath('services', service.id, 'onCall.team'));
      }
      src.label(path, entityPath('slos', slo.id, `labels.${name}`));
    }
  }

  /** Why the label cannot stay, claiming the service's tier or team on the way; `undefined` when it can. */
  private conflict(name: string, value: string, teamLabel: string, claims: Claims, slo: Slo): string | undefined {
    if (name.startsWith(RESERVED_PREFIX)) {
      return 'is set by the generated rules (sloth_id, sloth_service, sloth_slo, sloth_window)';
    }
    if (name === LABEL_BUSINESS_OWNER) {
      return "is set by the rules from the service's business owner: name the owner on the service";
    }
    if (name === LABEL_TIER) {
      const why = /^[1-4]$/.test(value) ? claim(claims, 'tier', value, slo) : 'is not a tier from 1 to 4';
      return why && `${why}; the rules set tier from the service`;
    }
    // `owner` is no label the rules set: it stays even when another SLO named the team.
    const why = name === teamLabel ? claim(claims, 'team', value, slo) : undefined;
    return why && name === LABEL_TEAM ? `${why}; the rules set team from the service's on-call team` : undefined;
  }
}
