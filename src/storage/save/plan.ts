/** Which stored documents a save writes, and how its change is summed up. Pure. */
import { diffRegistries, sameValue, summarizeChanges } from '../../domain/diff';
import { RegistryDocument } from '../../domain/model';
import { policyChangeSummary } from '../../domain/policy/policyEdits';
import { splitByService } from '../documents/assemble';

/** What changes between two registries, per stored document. */
export interface WritePlan {
  settings: boolean;
  people: boolean;
  /** Ids of services whose document changes (added, changed or removed). */
  services: string[];
}

/** Which documents a save from `base` to `next` writes. */
export function planWrites(base: RegistryDocument, next: RegistryDocument): WritePlan {
  const before = splitByService(base);
  const after = splitByService(next);
  const ids = [...new Set([...after.keys(), ...before.keys()])];
  return {
    settings: !sameValue(base.settings, next.settings),
    people: !sameValue(base.people, next.people),
    services: ids.filter((id) => !sameValue(before.get(id), after.get(id))),
  };
}

/**
 * One line on what changed in a part of the registry, for Grafana's version history and ours; a
 * change of a service's policy record alone says what it was (`Policy signed off by ana`).
 */
export function summaryOf(base: RegistryDocument, next: RegistryDocument): string {
  return policyChangeSummary(base, next) ?? summarizeChanges(diffRegistries(base, next));
}
