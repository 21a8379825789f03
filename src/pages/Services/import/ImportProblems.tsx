import React from 'react';
import { t } from '@grafana/i18n';
import { Alert, Badge } from '@grafana/ui';
import { testIds } from '../../../components/testIds';
import { Problem } from '../../../domain/problems';

/** What is wrong with an import, line by line; nothing was saved. */
export function ImportProblems({ problems }: { problems: Problem[] }) {
  const errors = problems.filter((problem) => problem.severity !== 'warning').length;
  return (
    <div data-testid={testIds.importer.problems}>
      <Alert
        severity="error"
        title={t('bizowner.import.refused', 'Nothing was imported: {{count}} errors', { count: errors })}
      >
        <ul>
          {problems.map((problem, index) => (
            <li key={index}>
              {problem.severity === 'warning' && (
                <Badge color="orange" text={t('bizowner.import.warning', 'Warning')} />
              )}{' '}
              {problem.line !== undefined && (
                <strong>{t('bizowner.import.line', 'Line {{line}}', { line: problem.line })}: </strong>
              )}
              {problem.path && <code>{problem.path}</code>} {problem.message}
            </li>
          ))}
        </ul>
      </Alert>
    </div>
  );
}
