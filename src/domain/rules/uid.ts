/**
 * Stable Grafana uids: the same SLO and tier always give the same uid, so pushing the rules again
 * updates them instead of adding copies. Grafana accepts at most 40 letters, digits, `-` and `_`.
 */

export const MAX_UID_LENGTH = 40;
const PREFIX = 'bo';

/** A uid from its parts, e.g. `bo-checkout-availability-page-fast`; long ones end in a hash. */
export function stableUid(...parts: string[]): string {
  const joined = [PREFIX, ...parts].join('-');
  const clean = joined.replace(/[^A-Za-z0-9_-]/g, '_');
  if (clean.length <= MAX_UID_LENGTH && clean === joined) {
    return clean;
  }
  // Different inputs that clean or cut to the same text still differ in the hash of the whole.
  const hash = fnv1a(joined);
  return `${clean.slice(0, MAX_UID_LENGTH - hash.length - 1)}-${hash}`;
}

/** 32-bit FNV-1a as 8 hex digits: short, dependency-free and stable across runs. */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
