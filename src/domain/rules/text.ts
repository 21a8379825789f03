/**
 * Building the text of generated rules without the garbage that slows down large registries
 * (bench/RESULTS.md, "Generation").
 *
 * V8 keeps a string built by concatenation (`${a}${b}`, `a + b`) as a tree of its pieces until the
 * text is first read, and keeps that tree alive as long as the string is. A rule expression is
 * assembled from dozens of pieces, and the rules of 10,000 SLOs are all held until they are
 * rendered: flattening them alone took what those rules hold from 121 MiB to 73 MiB, and copying
 * the pieces from one generation of the heap to the next had been most of the generation time.
 */

/**
 * `text`, flattened (on V8) once it is complete: the same string as one piece. Reading a character
 * makes V8 copy the text into one flat string and drop the tree; rendering reads every character
 * anyway, so this costs no extra copy.
 */
export function flat(text: string): string {
  if (text.length > 0) {
    text.charCodeAt(0);
  }
  return text;
}

/** Stands for the matcher while an expression's pieces are worked out. */
const SLOT = '\u0000matcher\u0000';
const templates = new Map<string, string[]>();

/**
 * A matcher that stands for a set of SLOs not known yet (the registry-wide alerting rules): an
 * expression built with it is the same string each time for the same shape, so that it can key a
 * map without being hashed again.
 */
export const SLO_SET_MATCHER = '{\u0000slos\u0000}';

/**
 * Where an expression built for a set of SLOs reads one sample of each SLO's series on the right of
 * `and` (the short window of a burn alert): that read cannot add SLOs to the result, so a rule for
 * most of the registry may leave the set out there (shared-alerts.ts).
 */
export const SLO_SET_INSTANT_MATCHER = '{\u0000instant\u0000}';
const slotted = new Map<string, string>();

/**
 * `build(matcher)`, for an expression that differs from one SLO to the next only by the matcher
 * that selects the SLO's series (`{sloth_id="…"}`): `build` runs once per `shape`, a key naming
 * everything else it reads, with a placeholder where the matcher goes; every SLO then joins the
 * pieces around its own matcher, which gives one flat string at once. `build` must only insert the
 * matcher, never inspect it.
 */
export function withMatcher(shape: string, matcher: string, build: (matcher: string) => string): string {
  if (matcher === SLO_SET_MATCHER) {
    const known = slotted.get(shape);
    if (known !== undefined) {
      return known;
    }
  }
  let pieces = templates.get(shape);
  if (pieces === undefined) {
    pieces = build(SLOT).split(SLOT);
    if (templates.size >= 1000) {
      templates.clear();
      slotted.clear();
    }
    templates.set(shape, pieces);
  }
  const text = pieces.join(matcher);
  if (matcher === SLO_SET_MATCHER) {
    slotted.set(shape, flat(text));
  }
  return text;
}
