/**
 * Seeded, deterministic randomness: the same inputs give the same numbers in Node and in the
 * browser, so a value computed by the live workload, the history writer and the sandbox agree.
 */

/** FNV-1a hash of a string to an unsigned 32-bit integer. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A uniform number in [0, 1) determined by `parts`. */
export function unitHash(...parts: Array<string | number>): number {
  return mix32(hashString(parts.join('|'))) / 4294967296;
}

/** A seeded generator of uniform numbers in [0, 1) (mulberry32). */
export function seededRandom(seed: string): () => number {
  let state = hashString(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    return mix32(state) / 4294967296;
  };
}

/** Lower-case hexadecimal id of `length` characters determined by `parts`, e.g. for trace ids. */
export function hexHash(length: number, ...parts: Array<string | number>): string {
  let out = '';
  for (let i = 0; out.length < length; i++) {
    out += mix32(hashString([...parts, i].join('|')))
      .toString(16)
      .padStart(8, '0');
  }
  return out.slice(0, length);
}

function mix32(value: number): number {
  let z = value >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}
