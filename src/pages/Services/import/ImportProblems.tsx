import React from 'react';
import { t } from '@grafana/i18n';
import { Alert, Badge, Text } from '@grafana/ui';
import { testIds } from '../../../components/testIds';
import { Problem } from '../../../domain/problems';

/** `(checkout.yaml, document 2)`: the file and document of a problem, when the import has several. */
function sourceLabel({ file, document }: Problem): string | undefined {
  const values = { file, document, interpolation: { escapeValue: false } };
  if (file !== undefined && document !== undefined) {
    return t('bizowner.import.fileDocument', '({{file}}, document {{document}})', values);
  }
  if (document !== undefined) {
    return t('bizowner.import.document', '(document {{document}})', values);
  }
  return file !== undefined ? t('bizowner.import.file', '({{file}})', values) : undefined;
}

/** What is wrong with an import, line by line, naming the file and document; nothing was saved. */
export function ImportProblems({ problems }: { problems: Problem[] }) {
  const errors = problems.filter((problem) => problem.severity !== 'warning').length;
  return (
    <div data-testid={testIds.importer.problems}>
      <Alert
        severity="error"
        title={t('bizowner.import.refused', 'Nothing was imported: {{count}} errors', { count: errors })}
      >
        <ul>
          {problems.map((problem, index) => {
            const source = sourceLabel(problem);
            return (
              <li key={index}>
                {problem.severity === 'warning' && (
                  <Badge color="orange" text={t('bizowner.import.warning', 'Warning')} />
                )}{' '}
                {problem.line !== undefined && (
                  <strong>{t('bizowner.import.line', 'Line {{line}}', { line: problem.line })}: </strong>
                )}
                {problem.path && <code>{problem.path}</code>} {problem.message}{' '}
                {source && <Text color="secondary">{source}</Text>}
              </li>
            );
          })}
        </ul>
      </Alert>
    </div>
  );
}
