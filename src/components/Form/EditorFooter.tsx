import React from 'react';
import { t } from '@grafana/i18n';
import { Alert, LinkButton, Stack } from '@grafana/ui';
import { formatProblem, Problem } from '../../domain/problems';
import { SaveFailureAlert } from '../Registry/SaveFailureAlert';
import { WriteButton } from '../Registry/WriteButton';
import { testIds } from '../testIds';
import { Editor } from './useRegistryEditor';

interface Props<D extends object> {
  editor: Editor<D>;
  cancelUrl: string;
  saveLabel: string;
  saveTestId: string;
}

function ProblemList({ problems }: { problems: Problem[] }) {
  return (
    <ul>
      {problems.map((problem, index) => (
        <li key={index}>{formatProblem(problem)}</li>
      ))}
    </ul>
  );
}

/** The end of an entity form: what blocks the save, why a save failed, and the buttons. */
export function EditorFooter<D extends object>({ editor, cancelUrl, saveLabel, saveTestId }: Props<D>) {
  const { problems, elsewhere, failure, saving } = editor;
  return (
    <Stack direction="column" gap={2}>
      {problems.all.length > 0 && (
        <div data-testid={testIds.services.problems}>
          <Alert
            severity="error"
            title={t('bizowner.form.problems', 'Nothing was saved: fix the fields marked in red')}
          >
            <ProblemList problems={problems.all} />
          </Alert>
        </div>
      )}
      {elsewhere.length > 0 && (
        <Alert
          severity="error"
          title={t('bizowner.form.elsewhere', 'Nothing was saved: this change breaks other parts of the registry')}
        >
          <ProblemList problems={elsewhere} />
        </Alert>
      )}
      {failure && <SaveFailureAlert failure={failure} />}
      <Stack gap={1}>
        <WriteButton type="submit" icon="save" busy={saving} data-testid={saveTestId}>
          {saveLabel}
        </WriteButton>
        <LinkButton href={cancelUrl} variant="secondary">
          {t('bizowner.form.cancel', 'Cancel')}
        </LinkButton>
      </Stack>
      {editor.prompt}
    </Stack>
  );
}
