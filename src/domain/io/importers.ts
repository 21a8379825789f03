import { importBackstage } from './backstage';
import { ImportResult, SourceFile } from './importResult';
import { importOpenSlo } from './openslo';
import { importPyrra } from './pyrra';
import { importSloth } from './sloth';

/** Options some importers take; the others ignore them. */
export interface ImportOptions {
  /** Backstage: Grafana's base URL, to turn `grafana/dashboard-selector` tags into dashboard links. */
  grafanaUrl?: string;
}

/**
 * Every import format and its importer: the one table the command line and the import page
 * read, so a new format is added here once.
 */
const IMPORTERS = {
  backstage: (files, options) => importBackstage(files, options),
  openslo: (files) => importOpenSlo(files),
  pyrra: (files) => importPyrra(files),
  sloth: (files) => importSloth(files),
} satisfies Record<string, (files: SourceFile[], options: ImportOptions) => ImportResult>;

export type ImportFormat = keyof typeof IMPORTERS;

/** The formats, in the order they are offered. */
export const IMPORT_FORMATS = Object.keys(IMPORTERS) as ImportFormat[];

/** Runs the importer of `format` on `files` (several files, several `---` documents each). */
export function runImporter(format: ImportFormat, files: SourceFile[], options: ImportOptions = {}): ImportResult {
  return IMPORTERS[format](files, options);
}
