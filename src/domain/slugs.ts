/**
 * A free slug id from free text, e.g. a policy exception's or a budget adjustment's reason:
 * `Payments provider outage INC-12` → `payments-provider-outage-inc-12`, then `…-2`, `…-3` while
 * `taken` holds it; `fallback` when the text has no letters or digits.
 */
export function freeSlug(text: string, taken: Set<string>, fallback: string): string {
  const base =
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || fallback;
  let id = base;
  for (let n = 2; taken.has(id); n++) {
    id = `${base}-${n}`;
  }
  return id;
}
