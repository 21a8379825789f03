/**
 * Moves a form's draft onto a newer stored version of the entity (e.g. after a reload that follows
 * a conflict): each top-level field the user left as it was in `base` takes its value in `latest`;
 * fields the user edited keep the edit. Drafts are plain data, so their JSON compares them.
 */
export function rebaseDraft<D extends object>(draft: D, base: D, latest: D): D {
  const keys = [...Object.keys(latest), ...Object.keys(draft).filter((key) => !(key in latest))] as Array<keyof D>;
  const next: Partial<D> = {};
  for (const key of keys) {
    const edited = JSON.stringify(draft[key]) !== JSON.stringify(base[key]);
    const value = edited ? draft[key] : latest[key];
    if (value !== undefined) {
      next[key] = value;
    }
  }
  return next as D;
}
