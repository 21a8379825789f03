/**
 * Runs an import without saving anything: parse the source, merge it into the current registry
 * and validate the result. Pure, so that the preview and its tests agree on what would be saved.
 */
import { importBackstage } from '../../../domain/io/backstage';
import { ImportResult, SourceFile } from '../../../domain/io/importResult';
import { ImportChange, mergeImport } from '../../../domain/io/merge';
import { importOpenSlo } from '../../../domain/io/openslo';
import { importSloth } from '../../../domain/io/sloth';
import { RegistryDocument } from '../../../domain/model';
import { Problem } from '../../../domain/problems';
import { newProblems } from '../../../domain/registryView/edits';
import { validateRegistry } from '../../../domain/validation/registry';

export const IMPORT_FORMATS = ['backstage', 'openslo', 'sloth'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

const IMPORTERS: Record<ImportFormat, (files: SourceFile[]) => ImportResult> = {
  backstage: (files) => importBackstage(files),
  openslo: importOpenSlo,
  sloth: importSloth,
};

export type ImportCheck =
  | { ok: false; problems: Problem[] }
  | { ok: true; next: RegistryDocument; changes: ImportChange[]; warnings: Problem[] };

/**
 * Imports `source` in `format` into `current`. Any error refuses the whole import: errors of the
 * source come with their line, and problems the merge would cause in the registry (e.g. a
 * dependency on a service that does not exist) with their path.
 */
export function checkImport(format: ImportFormat, source: SourceFile, current: RegistryDocument): ImportCheck {
  const result = IMPORTERS[format]([source]);
  const warnings = result.problems.filter((problem) => problem.severity === 'warning');
  if (!result.doc) {
    return { ok: false, problems: result.problems };
  }
  const merged = mergeImport(current, result.doc);
  const broken = newProblems(validateRegistry(current), validateRegistry(merged.doc));
  if (broken.length > 0) {
    return { ok: false, problems: [...broken, ...warnings] };
  }
  return { ok: true, next: merged.doc, changes: merged.changes, warnings };
}
