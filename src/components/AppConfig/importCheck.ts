import { t } from '@grafana/i18n';
import { diffRegistries, RegistryChange } from '../../domain/diff';
import { parseRegistryYaml } from '../../domain/io/native';
import { RegistryDocument } from '../../domain/model';
import { Problem } from '../../domain/problems';

export type ImportCheck =
  | { ok: false; problems: Problem[] }
  | { ok: true; doc: RegistryDocument; warnings: Problem[]; changes: RegistryChange[] };

/**
 * Parses and validates an import without saving anything. Any error refuses the whole import;
 * a valid one comes with what it would change in `current` and the warnings to show.
 */
export function checkImport(text: string, fileName: string | undefined, current: RegistryDocument): ImportCheck {
  const { doc, problems } = parseRegistryYaml(text, fileName);
  const errors = problems.filter((problem) => problem.severity !== 'warning');
  if (!doc || errors.length > 0) {
    const empty: Problem = { path: '', message: t('bizowner.config.importEmpty', 'No registry found in the YAML.') };
    return { ok: false, problems: errors.length > 0 ? errors : [empty] };
  }
  return {
    ok: true,
    doc,
    warnings: problems.filter((problem) => problem.severity === 'warning'),
    changes: diffRegistries(current, doc),
  };
}

/** A problem for people: `Line 12: slos[0].objective: …`, naming the file when there is one. */
export function problemText({ file, line, path, message }: Problem): string {
  const values = { file, line, interpolation: { escapeValue: false } };
  const where =
    line === undefined
      ? file
      : file
        ? t('bizowner.config.problemFileLine', '{{file}}, line {{line}}', values)
        : t('bizowner.config.problemLine', 'Line {{line}}', values);
  return [where, path, message].filter(Boolean).join(': ');
}
