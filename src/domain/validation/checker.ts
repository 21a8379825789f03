import { Problem } from '../problems';

/** A JSON object read from user input; every field is still `unknown`. */
export type Fields = Record<string, unknown>;

/** Whether a value is a plain object (not null, not an array). */
export function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Joins a path and a key: `at('services[2]', 'links')` is `services[2].links`, `at('links', 0)` is `links[0]`. */
export function at(path: string, key: string | number): string {
  if (typeof key === 'number') {
    return `${path}[${key}]`;
  }
  return path ? `${path}.${key}` : key;
}

/** Shows a value from user input in a message, e.g. `"2"`, `100.5`, `an array`. */
export function shown(value: unknown): string {
  if (value === undefined) {
    return 'nothing';
  }
  if (Array.isArray(value)) {
    return 'a list';
  }
  if (isFields(value)) {
    return 'an object';
  }
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * Collects problems while reading untrusted input field by field. The typed getters report a
 * wrong type and return `undefined` (or an empty value) so that checks can carry on.
 */
export class Checker {
  readonly problems: Problem[] = [];

  /** Records a problem at `path`. */
  add(path: string, message: string, severity?: Problem['severity']): void {
    this.problems.push(severity ? { path, message, severity } : { path, message });
  }

  /** A string field; `required` reports a missing or blank value. */
  string(obj: Fields, key: string, path: string, required = false): string | undefined {
    const value = obj[key];
    const where = at(path, key);
    if (value === undefined || value === null) {
      if (required) {
        this.add(where, `${key} is required`);
      }
      return undefined;
    }
    if (typeof value !== 'string') {
      this.add(where, `${key} must be text, got ${shown(value)}`);
      return undefined;
    }
    if (required && value.trim() === '') {
      this.add(where, `${key} must not be empty`);
    }
    return value;
  }

  /** A number field; `required` reports a missing value. Numbers written as text are refused. */
  number(obj: Fields, key: string, path: string, required = false): number | undefined {
    const value = obj[key];
    if (value === undefined || value === null) {
      if (required) {
        this.add(at(path, key), `${key} is required`);
      }
      return undefined;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.add(at(path, key), `${key} must be a number, got ${shown(value)}`);
      return undefined;
    }
    return value;
  }

  /** A boolean field; `required` reports a missing value. */
  boolean(obj: Fields, key: string, path: string, required = false): boolean | undefined {
    const value = obj[key];
    if (value === undefined || value === null) {
      if (required) {
        this.add(at(path, key), `${key} is required (true or false)`);
      }
      return undefined;
    }
    if (typeof value !== 'boolean') {
      this.add(at(path, key), `${key} must be true or false, got ${shown(value)}`);
      return undefined;
    }
    return value;
  }

  /** A list field; a missing list reads as empty unless `required`. */
  list(obj: Fields, key: string, path: string, required = false): unknown[] {
    const value = obj[key];
    if (value === undefined || value === null) {
      if (required) {
        this.add(at(path, key), `${key} is required (a list)`);
      }
      return [];
    }
    if (!Array.isArray(value)) {
      this.add(at(path, key), `${key} must be a list, got ${shown(value)}`);
      return [];
    }
    return value;
  }

  /** An object field; `required` reports a missing value. */
  object(obj: Fields, key: string, path: string, required = false): Fields | undefined {
    const value = obj[key];
    if (value === undefined || value === null) {
      if (required) {
        this.add(at(path, key), `${key} is required`);
      }
      return undefined;
    }
    if (!isFields(value)) {
      this.add(at(path, key), `${key} must be an object of fields, got ${shown(value)}`);
      return undefined;
    }
    return value;
  }

  /** A map of text to text (labels, annotations); reports each value that is not text. */
  stringMap(obj: Fields, key: string, path: string): Record<string, string> {
    const value = this.object(obj, key, path);
    const result: Record<string, string> = {};
    for (const [name, item] of Object.entries(value ?? {})) {
      if (typeof item === 'string') {
        result[name] = item;
      } else {
        this.add(at(at(path, key), name), `${name} must be text, got ${shown(item)}: quote it in YAML`);
      }
    }
    return result;
  }

  /** A value that must be one of `allowed`; returns it when it is. */
  oneOf<T extends string>(
    obj: Fields,
    key: string,
    path: string,
    allowed: readonly T[],
    required = false
  ): T | undefined {
    const value = obj[key];
    if ((value === undefined || value === null) && !required) {
      return undefined;
    }
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) {
      return value as T;
    }
    const choices = allowed.map((choice) => `"${choice}"`).join(', ');
    this.add(at(path, key), `${key} must be one of ${choices}, got ${shown(value)}`);
    return undefined;
  }
}
