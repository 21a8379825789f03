import { t } from '@grafana/i18n';
import { Problem } from '../../domain/problems';

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
