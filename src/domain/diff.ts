/**
 * What changed between two registry documents, entity by entity. Used to tell a user whose save
 * was refused what somebody else changed, and to preview an import before it is saved.
 */
import { AppSettings, RegistryDocument } from './model';

export type RegistryEntity = 'setting' | 'person' | 'service' | 'slo';
export type ChangeKind = 'added' | 'removed' | 'changed';

export interface RegistryChange {
  entity: RegistryEntity;
  /** Entity id; for settings, the settings key (e.g. `prometheus`). */
  id: string;
  change: ChangeKind;
}

const ENTITY_LABELS: Record<RegistryEntity, string> = {
  setting: 'setting',
  person: 'person',
  service: 'service',
  slo: 'SLO',
};

/**
 * Lists what was added, removed or changed from `before` to `after`: settings first, then people,
 * services and SLOs, each in document order (removed entities after the others). Bookkeeping
 * fields (`schemaVersion`, `revision`, `updatedAt`, `updatedBy`) are not compared.
 */
export function diffRegistries(before: RegistryDocument, after: RegistryDocument): RegistryChange[] {
  return [
    ...diffSettings(before.settings, after.settings),
    ...diffById('person', before.people, after.people),
    ...diffById('service', before.services, after.services),
    ...diffById('slo', before.slos, after.slos),
  ];
}

/**
 * One line for people, e.g. `service checkout changed, SLO payments-latency added`. Past `limit`
 * entries the rest is counted (`… and 3 more`); an empty list reads `no changes`.
 */
export function summarizeChanges(changes: RegistryChange[], limit = 6): string {
  if (changes.length === 0) {
    return 'no changes';
  }
  const shown = changes.slice(0, limit).map((c) => `${ENTITY_LABELS[c.entity]} ${c.id} ${c.change}`);
  const rest = changes.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ');
}

function diffSettings(before: AppSettings | undefined, after: AppSettings | undefined): RegistryChange[] {
  const a: Record<string, unknown> = { ...before };
  const b: Record<string, unknown> = { ...after };
  const keys = unique([...Object.keys(b), ...Object.keys(a)]);
  return keys.flatMap((key) => {
    const change = compare(a[key], b[key]);
    return change ? [{ entity: 'setting' as const, id: key, change }] : [];
  });
}

function diffById<T extends { id: string }>(
  entity: RegistryEntity,
  before: T[] | undefined,
  after: T[] | undefined
): RegistryChange[] {
  const a = new Map((before ?? []).map((item) => [item.id, item]));
  const b = new Map((after ?? []).map((item) => [item.id, item]));
  const ids = unique([...b.keys(), ...a.keys()]);
  return ids.flatMap((id) => {
    const change = compare(a.get(id), b.get(id));
    return change ? [{ entity, id, change }] : [];
  });
}

function compare(before: unknown, after: unknown): ChangeKind | undefined {
  if (before === undefined && after !== undefined) {
    return 'added';
  }
  if (before !== undefined && after === undefined) {
    return 'removed';
  }
  return sameValue(before, after) ? undefined : 'changed';
}

/** Structural equality with JSON semantics: key order and keys holding `undefined` do not matter. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  if (!isObject(a) || !isObject(b)) {
    return false;
  }
  const keys = unique([...Object.keys(a), ...Object.keys(b)]);
  return keys.every((key) => sameValue(a[key], b[key]));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
