import { Problem } from '../problems';
import { at, Checker, isFields, shown } from './checker';
import { checkEmail, checkId } from './formats';

/** Checks one person at `path` (e.g. `people[0]`, or `''` for a form). */
export function checkPerson(c: Checker, value: unknown, path: string): void {
  if (!isFields(value)) {
    c.add(path, `a person must be an object with id, name and email, got ${shown(value)}`);
    return;
  }
  checkId(c, value, path, 'ana-lima');
  c.string(value, 'name', path, true);
  checkEmail(c, c.string(value, 'email', path, true), at(path, 'email'));
  c.string(value, 'team', path);
  c.string(value, 'chat', path);
}

/**
 * Validates one person as a form would: paths are relative to the person (`email`, not
 * `people[3].email`). Duplicate ids are found by `validateRegistry`.
 */
export function validatePerson(person: unknown): Problem[] {
  const c = new Checker();
  checkPerson(c, person, '');
  return c.problems;
}
