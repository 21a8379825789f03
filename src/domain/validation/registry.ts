/**
 * Validation of the registry document and of its entities.
 *
 * Path convention: `validateRegistry` reports paths from the document root, e.g.
 * `services[2].links[0].url` or `slos[0].objective`. The entity helpers (`validateService`,
 * `validateSlo`, `validatePerson`) report paths relative to the entity, e.g. `links[0].url` or
 * `objective`, so that a form can show each message next to its field. `scopeProblems` turns the
 * former into the latter for one entity (e.g. duplicate ids found by `validateRegistry`).
 */
import { SCHEMA_VERSION } from '../model';
import { Problem } from '../problems';
import { at, Checker, isFields, shown } from './checker';
import { checkDuplicateIds, contextOf } from './context';
import { checkPerson } from './person';
import { checkService } from './service';
import { checkPolicySloIds } from './servicePolicy';
import { checkSettings } from './settings';
import { checkSlo } from './slo';

/**
 * Validates a whole registry document read from storage, YAML or an import. Never throws, whatever
 * `doc` is: wrong types are reported like any other problem. An empty list means the document is
 * safe to save.
 */
export function validateRegistry(doc: unknown): Problem[] {
  const c = new Checker();
  if (!isFields(doc)) {
    c.add(
      '',
      `the registry must be an object with schemaVersion, settings, people, services and slos, got ${shown(doc)}`
    );
    return c.problems;
  }
  const version = c.number(doc, 'schemaVersion', '', true);
  if (version !== undefined && version !== SCHEMA_VERSION) {
    const why = version > SCHEMA_VERSION ? 'it was written by a newer version of the app' : 'it is not a known version';
    c.add(
      'schemaVersion',
      `schemaVersion ${version} cannot be read: ${why}; this version reads schemaVersion ${SCHEMA_VERSION}`
    );
  }
  const revision = c.number(doc, 'revision', '', true);
  if (revision !== undefined && (!Number.isInteger(revision) || revision < 0)) {
    c.add('revision', `revision must be a whole number, 0 or more, got ${revision}`);
  }
  c.string(doc, 'updatedAt', '');
  c.string(doc, 'updatedBy', '');
  checkSettings(c, doc, '');
  const ctx = contextOf(doc);
  const people = c.list(doc, 'people', '', true);
  people.forEach((person, index) => checkPerson(c, person, at('people', index)));
  checkDuplicateIds(c, people, 'people', 'person');
  const services = c.list(doc, 'services', '', true);
  services.forEach((service, index) => checkService(c, service, at('services', index), ctx));
  checkDuplicateIds(c, services, 'services', 'service');
  const slos = c.list(doc, 'slos', '', true);
  slos.forEach((slo, index) => checkSlo(c, slo, at('slos', index), ctx));
  checkDuplicateIds(c, slos, 'slos', 'SLO');
  checkPolicySloIds(c, services, slos, 'exceptions');
  checkPolicySloIds(c, services, slos, 'adjustments');
  return c.problems;
}

/**
 * Keeps the problems under `prefix` (e.g. `services[2]`) with paths made relative to it, so that
 * a form can show registry-wide findings such as a duplicate id next to its own fields.
 */
export function scopeProblems(problems: Problem[], prefix: string): Problem[] {
  return problems.flatMap((problem) => {
    if (problem.path === prefix) {
      return [{ ...problem, path: '' }];
    }
    for (const separator of ['.', '[']) {
      if (problem.path.startsWith(prefix + separator)) {
        const rest = problem.path.slice(prefix.length + (separator === '.' ? 1 : 0));
        return [{ ...problem, path: rest }];
      }
    }
    return [];
  });
}
