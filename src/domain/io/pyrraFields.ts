import { Problem } from '../problems';
import { Fields, shown } from '../validation/checker';
import { SourceDoc } from './sourceDoc';

export type YamlPath = Array<string | number>;

/**
 * One Pyrra object being read: its YAML document, where it sits in it (`[]`, or `['items', 2]` in a
 * `kubectl get -o yaml` list) and the problems found so far. Paths given to its methods are
 * relative to the object.
 */
export class PyrraObject {
  constructor(
    readonly src: SourceDoc,
    readonly base: YamlPath,
    readonly problems: Problem[]
  ) {}

  /** Reports a problem at the node at `path`. */
  report(path: YamlPath, message: string, severity?: Problem['severity']): void {
    this.problems.push(this.src.problem([...this.base, ...path], message, severity));
  }

  /** Drops (with a `not mapped` warning) the keys of `value` outside `known`. */
  unmapped(value: unknown, known: readonly string[], path: YamlPath): void {
    this.problems.push(...this.src.unmapped(value, known, [...this.base, ...path]));
  }

  /** Reports in the migration report that the field at `path` became the registry field `target`. */
  mapped(path: YamlPath, target: string, reason?: string): void {
    this.src.mapped([...this.base, ...path], target, reason);
  }

  /** Reports in the migration report that the field at `path` is kept as the label `target`. */
  label(path: YamlPath, target: string): void {
    this.src.label([...this.base, ...path], target);
  }

  /** Leaves the field at `path` out, with a `not mapped: <reason>` warning. */
  drop(path: YamlPath, reason: string): void {
    this.problems.push(this.src.drop([...this.base, ...path], reason));
  }

  /**
   * Reads a text field; a value of another type is reported (Kubernetes would refuse it) and read
   * as absent. With `required`, a missing or blank value is reported too.
   */
  text(obj: Fields | undefined, key: string, path: YamlPath, required = false): string | undefined {
    const value = obj?.[key];
    const where = [...path, key];
    if (typeof value === 'string' && value.trim() !== '') {
      return value;
    }
    if (value !== undefined && value !== null && typeof value !== 'string') {
      this.report(where, `${where.join('.')} must be text, got ${shown(value)}`);
    } else if (required) {
      this.report(where, `${where.join('.')} is required`);
    }
    return undefined;
  }

  /** Reads a `true`/`false` field; another value is reported and read as absent. */
  flag(obj: Fields | undefined, key: string, path: YamlPath): boolean | undefined {
    const value = obj?.[key];
    if (typeof value === 'boolean') {
      return value;
    }
    if (value !== undefined && value !== null) {
      this.report([...path, key], `${[...path, key].join('.')} must be true or false, got ${shown(value)}`);
    }
    return undefined;
  }
}
