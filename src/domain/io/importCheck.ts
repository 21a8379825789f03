/**
 * Checks an import without saving anything: what the import page, the configuration page and the
 * command line all run before they save or print, so they agree on what would be saved.
 */
import { diffRegistries, RegistryChange } from '../diff';
import { RegistryDocument } from '../model';
import { Problem } from '../problems';
import { emptyRegistry } from '../registry';
import { EditAuthor, newProblems } from '../registryView/edits';
import { validateRegistry } from '../validation/registry';
import { runImporter, ImportFormat, ImportOptions } from './importers';
import { ImportedRegistry, SourceFile } from './importResult';
import { ImportChange, mergeImport } from './merge';
import { droppedEntries, ReportEntry } from './migrationReport';
import { hasErrors, parseRegistryYaml } from './native';

/** Why an import is refused: errors in its `source`, fields `strict` would drop, or problems it causes in the `registry`. */
export type ImportRefusal = 'source' | 'strict' | 'registry';

export type ImportCheck =
  | { ok: false; refusedFor: ImportRefusal; problems: Problem[]; report: ReportEntry[] }
  | {
      ok: true;
      /** What the source holds, before the merge. */
      imported: ImportedRegistry;
      next: RegistryDocument;
      changes: ImportChange[];
      warnings: Problem[];
      report: ReportEntry[];
    };

export interface ImportCheckOptions extends ImportOptions {
  /** Who imports and when, for the owner history. */
  author: EditAuthor;
  /** Refuse the import when the report drops any source field. */
  strict?: boolean;
  /**
   * Whether the import may change the app's settings (Admins only, in Grafana): when not, settings
   * the source needs (Sloth's series) stay as they are and a warning says who can change them.
   */
  canWriteSettings?: boolean;
}

/** The warning of an import from Sloth by someone who cannot turn Sloth's series on. */
const SLOTH_SERIES_KEPT: Problem = {
  path: 'settings.slothSeries',
  message:
    'Sloth\'s series stay off: only an Admin can turn them on (configuration, "Also record Sloth\'s series"). ' +
    'The SLOs are measured and alerted on without them; Sloth dashboards or alert routes that read slo:sli_error:ratio_rate<window> need them.',
  severity: 'warning',
};

const warningsOf = (problems: Problem[]) => problems.filter((problem) => problem.severity === 'warning');

/**
 * Imports `files` in `format` into `current`. Any error refuses the whole import: errors of the
 * source come with their file and line, problems the merge would add to the registry (e.g. a
 * dependency on a service that does not exist) with their path; with `strict`, so does any source
 * field the report drops. Without `current` the import is a conversion on its own (the command
 * line without `--into`): its entities are checked, but not against a registry.
 */
export function checkImport(
  format: ImportFormat,
  files: SourceFile[],
  current: RegistryDocument | undefined,
  { author, strict = false, canWriteSettings = true, ...options }: ImportCheckOptions
): ImportCheck {
  const result = runImporter(format, files, options);
  const report = result.report ?? [];
  if (!result.doc) {
    return { ok: false, refusedFor: 'source', problems: result.problems, report };
  }
  const dropped = droppedEntries(report).length;
  if (strict && dropped > 0) {
    const refusal = { path: '', message: `strict: ${dropped} source fields would be dropped; the report names them` };
    return { ok: false, refusedFor: 'strict', problems: [...result.problems, refusal], report };
  }
  const base = current ?? emptyRegistry();
  const settingsKept = !canWriteSettings && result.doc.settings?.slothSeries && !base.settings.slothSeries;
  const entities = canWriteSettings ? result.doc : { ...result.doc, settings: undefined };
  const merged = mergeImport(base, entities, author);
  const broken = current ? newProblems(validateRegistry(current), validateRegistry(merged.doc)) : [];
  const warnings = [...warningsOf(result.problems), ...(settingsKept ? [SLOTH_SERIES_KEPT] : [])];
  if (broken.length > 0) {
    return { ok: false, refusedFor: 'registry', problems: [...broken, ...warnings], report };
  }
  return { ok: true, imported: result.doc, next: merged.doc, changes: merged.changes, warnings, report };
}

export type ReplaceCheck =
  | { ok: false; problems: Problem[] }
  | { ok: true; doc: RegistryDocument; warnings: Problem[]; changes: RegistryChange[] };

/**
 * Checks native registry YAML that is to replace the whole registry: any error refuses it; a valid
 * one comes with what it would change in `current` and the warnings to show.
 */
export function checkReplace(text: string, file: string | undefined, current: RegistryDocument): ReplaceCheck {
  const { doc, problems } = parseRegistryYaml(text, file);
  if (!doc || hasErrors(problems)) {
    return { ok: false, problems: problems.filter((problem) => problem.severity !== 'warning') };
  }
  return { ok: true, doc, warnings: warningsOf(problems), changes: diffRegistries(current, doc) };
}
