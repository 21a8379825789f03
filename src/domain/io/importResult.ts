import { AppSettings, Person, RegistryDocument, Service, Sli, Slo } from '../model';
import { Problem } from '../problems';
import { defaultSettings, emptyRegistry } from '../registry';
import { validateRegistry } from '../validation/registry';
import { ReportEntry } from './migrationReport';
import { hasErrors } from './native';
import type { SourceDoc } from './sourceDoc';

/** One file given to an importer. */
export interface SourceFile {
  text: string;
  /** Shown in problems, e.g. `slos/checkout.yaml`. */
  file?: string;
}

/**
 * The entities an importer found, and the settings its source needs (an import from Sloth records
 * Sloth's series, `slothSeries`); merge them into the current registry with `mergeImport`.
 */
export type ImportedRegistry = Pick<RegistryDocument, 'people' | 'services' | 'slos'> & {
  settings?: Pick<AppSettings, 'slothSeries'>;
};

/**
 * What every importer returns: the entities when no problem is an error, every problem
 * (warnings included, e.g. "not mapped: ...") with its file and line, and the migration report of
 * what each source field became (absent when an importer does not report).
 */
export interface ImportResult {
  doc?: ImportedRegistry;
  problems: Problem[];
  report?: ReportEntry[];
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
  private readonly lines = new Map<string, { file?: string; line?: number; document?: number }>();

  /** Records that the model path (e.g. `slos[2]` or `slos[2].objective`) came from `file:line`. */
  mark(path: string, file: string | undefined, line: number | undefined, document?: number): void {
    this.lines.set(path, document === undefined ? { file, line } : { file, line, document });
  }

  /** Records that the model path came from the node at `sourcePath` of `src`. */
  markNode(path: string, src: SourceDoc, sourcePath: Array<string | number> = []): void {
    const { file, line, document } = src.origin(sourcePath);
    this.mark(path, file, line, document);
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

/**
 * Problems of imported entities that the registry they are merged into may settle, with what it
 * must hold: a dependency on a service the import does not define, a tier 1–2 service (its tier
 * taken from a label) whose business owner the import cannot name.
 */
const SETTLED_WHEN_SAVING: Array<{ path: RegExp; message: string; needs: string }> = [
  {
    path: /^services\[\d+\]\.dependsOn\[\d+\]$/,
    message: 'is not a service',
    needs: ' in this import; it must exist when saving',
  },
  {
    path: /^services\[\d+\]\.owners\.businessOwner$/,
    message: 'need a business owner',
    needs: '; the import names none, so the registry it is saved into must',
  },
];

/** What `finishImport` adds to the problems: the migration report the importer collected. */
export interface FinishOptions {
  report?: ReportEntry[];
}

/**
 * Validates imported entities as a registry of their own and finishes the import result: `doc`
 * only when nothing is an error. Problems of the entities get the file and line of their source.
 * Problems the registry the import is merged into may settle (see `SETTLED_WHEN_SAVING`) are
 * warnings here; validating the merged registry before saving checks them again.
 */
export function finishImport(
  imported: ImportedRegistry,
  problems: Problem[],
  lines: SourceLines,
  { report = [] }: FinishOptions = {}
): ImportResult {
  const doc = { ...emptyRegistry(), people: imported.people, services: imported.services, slos: imported.slos };
  const found = validateRegistry(doc).map((problem) => {
    const settled = SETTLED_WHEN_SAVING.find(
      (rule) => rule.path.test(problem.path) && problem.message.includes(rule.message)
    );
    return lines.locate(
      settled ? { ...problem, message: `${problem.message}${settled.needs}`, severity: 'warning' } : problem
    );
  });
  const all = [...problems, ...found];
  return hasErrors(all) ? { problems: all, report } : { doc: imported, problems: all, report };
}
