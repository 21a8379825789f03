import React, { useCallback, useMemo } from 'react';
import { t } from '@grafana/i18n';
import { locationService } from '@grafana/runtime';
import { Stack } from '@grafana/ui';
import { EditorFooter } from '../../../components/Form/EditorFooter';
import { indexProblems } from '../../../components/Form/problemIndex';
import { useRegistryEditor } from '../../../components/Form/useRegistryEditor';
import { NotFound } from '../../../components/NotFound/NotFound';
import { ReadOnlyNotice } from '../../../components/ReadOnlyNotice/ReadOnlyNotice';
import { RegistryLoaded } from '../../../components/Registry/RegistryLoaded';
import { testIds } from '../../../components/testIds';
import { RegistryDocument, Slo } from '../../../domain/model';
import { COPY_OF_PARAM, slosUrl } from '../../../routing';
import { EditorActions } from './actions/EditorActions';
import { AlertingSection } from './alerting/AlertingSection';
import { BasicsSection } from './BasicsSection';
import { GroupsSection } from './GroupsSection';
import { ObjectiveSection } from './ObjectiveSection';
import { PolicySection } from './PolicySection';
import { PreviewSection } from './preview/PreviewSection';
import { ReviewSection } from './ReviewSection';
import { SliSection } from './sli/SliSection';
import { cleanSlo, copyOfSlo, newSlo, putSlo, sloProblems } from './sloDraft';

/** The SLO editor: a new SLO (`sloId` absent, optionally a copy), or the stored SLO `sloId`. */
export function SloEditor({ sloId }: { sloId?: string }) {
  return (
    <RegistryLoaded>
      {(doc) => {
        if (sloId === undefined) {
          const copyOf = locationService.getSearchObject()[COPY_OF_PARAM];
          const source = doc.slos.find((slo) => slo.id === copyOf);
          return <Editor doc={doc} initial={source ? copyOfSlo(source, doc) : newSlo(doc)} />;
        }
        const stored = doc.slos.find((slo) => slo.id === sloId);
        return stored ? <Editor doc={doc} initial={stored} storedId={sloId} /> : <SloNotFound sloId={sloId} />;
      }}
    </RegistryLoaded>
  );
}

function SloNotFound({ sloId }: { sloId: string }) {
  return (
    <NotFound
      message={t('bizowner.sloEditor.notFound', 'No SLO "{{id}}" in the registry', {
        id: sloId,
        interpolation: { escapeValue: false },
      })}
      list={{ href: slosUrl(), label: t('bizowner.sloEditor.backToList', 'All SLOs') }}
    />
  );
}

/** Problems of `paths` only, e.g. whether the SLI and window are good enough for a preview. */
function hasErrorsUnder(problems: ReturnType<typeof indexProblems>, paths: string[]): boolean {
  return paths.some((path) => problems.under(path) !== undefined);
}

function Editor({ doc, initial, storedId }: { doc: RegistryDocument; initial: Slo; storedId?: string }) {
  const validate = useCallback(
    (draft: Slo, current: RegistryDocument) => sloProblems(draft, current, storedId),
    [storedId]
  );
  const apply = useCallback((draft: Slo, current: RegistryDocument) => putSlo(current, draft, storedId), [storedId]);
  const locate = useCallback(
    (draft: Slo, next: RegistryDocument) => `slos[${next.slos.findIndex((slo) => slo.id === draft.id.trim())}]`,
    []
  );
  const onSaved = useCallback((draft: Slo) => locationService.push(slosUrl({ q: draft.id.trim() })), []);
  const editor = useRegistryEditor({ doc, initial, validate, apply, locate, onSaved });
  const { draft } = editor;

  // Live checks, independent of the save attempt: they decide what the preview, the review and the
  // actions can use right now.
  const live = useMemo(() => indexProblems(sloProblems(draft, doc, storedId)), [draft, doc, storedId]);
  const candidate = useMemo(
    () => (live.all.length === 0 ? putSlo(doc, draft, storedId) : undefined),
    [live, doc, draft, storedId]
  );
  const previewSlo = useMemo(
    () => (hasErrorsUnder(live, ['sli', 'window', 'objective', 'groupBy']) ? undefined : cleanSlo(draft)),
    [live, draft]
  );
  const props = { draft, change: editor.change, problems: editor.problems, doc, editing: storedId !== undefined };
  const target = candidate ? { doc: candidate, sloId: draft.id.trim(), serviceId: draft.serviceId } : undefined;

  return (
    <form
      data-testid={testIds.sloEditor.form}
      onSubmit={(event) => {
        event.preventDefault();
        editor.submit();
      }}
    >
      <Stack direction="column" gap={2}>
        <ReadOnlyNotice />
        <EditorActions doc={doc} storedId={storedId} target={target} />
        <BasicsSection {...props} />
        <SliSection {...props} />
        <GroupsSection {...props} />
        <PreviewSection slo={previewSlo} doc={doc} />
        <ObjectiveSection {...props} />
        <AlertingSection {...props} />
        <PolicySection {...props} />
        <ReviewSection candidate={candidate} draft={draft} />
        <EditorFooter
          editor={editor}
          cancelUrl={slosUrl()}
          saveLabel={storedId ? t('bizowner.sloEditor.save', 'Save SLO') : t('bizowner.sloEditor.create', 'Create SLO')}
          saveTestId={testIds.sloEditor.save}
        />
      </Stack>
    </form>
  );
}
