import { Person, RegistryDocument, Service, Sli, Slo } from '../model';
import { Problem } from '../problems';
import { defaultSettings, emptyRegistry } from '../registry';
import { validateRegistry } from '../validation/registry';
import { hasErrors } from './native';

/** One file given to an importer. */
export interface SourceFile {
  text: string;
  /** Shown in problems, e.g. `slos/checkout.yaml`. */
  file?: string;
}

/** The entities an importer found; merge them into the current registry with `mergeImport`. */
export type ImportedRegistry = Pick<RegistryDocument, 'people' | 'services' | 'slos'>;

/**
 * What every importer returns: the entities when no problem is an error, and every problem
 * (warnings included, e.g. "not mapped: ...") with its file and line.
 */
export interface ImportResult {
  doc?: ImportedRegistry;
  problems: Problem[];
}

/** A service as importers create it: what the source says goes on top of these values. */
export function newService(id: string): Service {
  return {
    id,
    name: id,
    tier: 3,
    lifecycle: 'production',
    impact: { revenue: false, compliance: false, customerFacing: false, sla: false },
    owners: {},
    kpis: [],
    links: [],
    costTags: {},
    selector: `{service="${id}"}`,
    dependsOn: [],
    ownerHistory: [],
  };
}

/** An SLO as importers create it, with the window and alerting preset of a new installation. */
export function newSlo(id: string, serviceId: string, sli: Sli): Slo {
  const settings = defaultSettings();
  return {
    id,
    serviceId,
    name: id,
    sli,
    objective: 99.9,
    window: settings.defaultWindow,
    alerting: { enabled: true, preset: settings.defaultAlertPreset },
    labels: {},
  };
}

/** A person as importers create it. */
export function newPerson(id: string): Person {
  return { id, name: id, email: '' };
}

/** Where the entities of an import came from, so validation problems can name a file and line. */
export class SourceLines {
  private readonly lines = new Map<string, { file?: string; line?: number }>();

  /** Records that the model path (e.g. `slos[2]` or `slos[2].objective`) came from `file:line`. */
  mark(path: string, file: string | undefined, line: number | undefined): void {
    this.lines.set(path, { file, line });
  }

  /** Adds the file and line of the longest marked prefix of the problem's path. */
  locate(problem: Problem): Problem {
    const segments = problem.path.match(/[^.[\]]+|\[\d+\]/g) ?? [];
    for (let length = segments.length; length >= 0; length--) {
      const prefix = segments
        .slice(0, length)
        .reduce((path, segment) => (segment.startsWith('[') || !path ? path + segment : `${path}.${segment}`), '');
      const origin = this.lines.get(prefix);
      if (origin) {
        return { ...problem, ...origin };
      }
    }
    return problem;
  }
}

/** A `dependsOn` id that names no service of the import: the registry may still hold it. */
const OUTSIDE_REFERENCE = /^services\[\d+\]\.dependsOn\[\d+\]$/;

/**
 * Validates imported entities as a registry of their own and finishes the import result: `doc`
 * only when nothing is an error. Problems of the entities get the file and line of their source.
 * With `outsideDependencies`, a dependency on a service the import does not define is a warning:
 * the current registry may hold it, which validating the merged registry before saving checks.
 */
export function finishImport(
  imported: ImportedRegistry,
  problems: Problem[],
  lines: SourceLines,
  outsideDependencies = false
): ImportResult {
  const doc = { ...emptyRegistry(), ...imported };
  const found = validateRegistry(doc).map((problem) => {
    const outside =
      outsideDependencies && OUTSIDE_REFERENCE.test(problem.path) && problem.message.includes('is not a service');
    return lines.locate(
      outside
        ? { ...problem, message: `${problem.message} in this import; it must exist when saving`, severity: 'warning' }
        : problem
    );
  });
  const all = [...problems, ...found];
  return hasErrors(all) ? { problems: all } : { doc: imported, problems: all };
}
