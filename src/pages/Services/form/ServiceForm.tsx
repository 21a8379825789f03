import React, { useCallback } from 'react';
import { t } from '@grafana/i18n';
import { config, locationService } from '@grafana/runtime';
import { Stack } from '@grafana/ui';
import { EditorFooter } from '../../../components/Form/EditorFooter';
import { useRegistryEditor } from '../../../components/Form/useRegistryEditor';
import { ReadOnlyNotice } from '../../../components/ReadOnlyNotice/ReadOnlyNotice';
import { RegistryLoaded } from '../../../components/Registry/RegistryLoaded';
import { testIds } from '../../../components/testIds';
import { RegistryDocument, Service } from '../../../domain/model';
import { Problem } from '../../../domain/problems';
import { putService } from '../../../domain/registryView/edits';
import { validateService } from '../../../domain/validation/service';
import { serviceUrl, servicesUrl } from '../../../routing';
import { ServiceLoaded } from '../service/ServiceLoaded';
import { BasicsFields } from './BasicsFields';
import { KpiFields } from './KpiFields';
import { LinkFields } from './LinkFields';
import { OwnerFields } from './OwnerFields';
import { TelemetryFields } from './TelemetryFields';
import { draftOf, emptyDraft, ServiceDraft, serviceOf } from './serviceDraft';

/** The form that creates a service (no `serviceId`) or edits one. */
export function ServiceForm({ serviceId }: { serviceId?: string }) {
  if (serviceId === undefined) {
    return <RegistryLoaded>{(doc) => <ServiceEditor doc={doc} />}</RegistryLoaded>;
  }
  return (
    <ServiceLoaded serviceId={serviceId}>
      {(service, doc) => <ServiceEditor doc={doc} previous={service} />}
    </ServiceLoaded>
  );
}

function ServiceEditor({ doc, previous }: { doc: RegistryDocument; previous?: Service }) {
  const originalId = previous?.id;
  const validate = useCallback(
    (draft: ServiceDraft, current: RegistryDocument): Problem[] => {
      const candidate = serviceOf(draft, previous);
      const problems = validateService(candidate, current);
      const taken = candidate.id !== originalId && current.services.some((service) => service.id === candidate.id);
      return taken
        ? [
            ...problems,
            {
              path: 'id',
              message: t('bizowner.form.idTaken', 'Another service already uses this id; pick another one.'),
            },
          ]
        : problems;
    },
    [previous, originalId]
  );
  const apply = useCallback(
    (draft: ServiceDraft, current: RegistryDocument) =>
      putService(
        current,
        serviceOf(draft, previous),
        { at: new Date().toISOString(), by: config.bootData.user?.login },
        originalId
      ),
    [previous, originalId]
  );
  const locate = useCallback(
    (draft: ServiceDraft, next: RegistryDocument) =>
      `services[${next.services.findIndex((service) => service.id === draft.id.trim())}]`,
    []
  );
  const onSaved = useCallback((draft: ServiceDraft) => locationService.push(serviceUrl(draft.id.trim())), []);
  const editor = useRegistryEditor({
    doc,
    initial: previous ? draftOf(previous) : emptyDraft(),
    validate,
    apply,
    locate,
    onSaved,
  });
  const props = {
    draft: editor.draft,
    change: editor.change,
    problems: editor.problems,
    doc,
    editing: previous !== undefined,
  };

  return (
    <form data-testid={testIds.services.form} onSubmit={editor.onSubmit}>
      <Stack direction="column" gap={2}>
        <ReadOnlyNotice />
        <BasicsFields {...props} />
        <OwnerFields {...props} />
        <KpiFields {...props} />
        <LinkFields {...props} />
        <TelemetryFields {...props} />
        <EditorFooter
          editor={editor}
          cancelUrl={previous ? serviceUrl(previous.id) : servicesUrl()}
          saveLabel={
            previous
              ? t('bizowner.form.saveService', 'Save service')
              : t('bizowner.form.createService', 'Create service')
          }
          saveTestId={testIds.services.save}
        />
      </Stack>
    </form>
  );
}
