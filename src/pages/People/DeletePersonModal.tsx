import React, { useState } from 'react';
import { t } from '@grafana/i18n';
import { locationService } from '@grafana/runtime';
import { Alert, Button, Modal, Stack, Text, TextLink } from '@grafana/ui';
import { SaveFailureAlert } from '../../components/Registry/SaveFailureAlert';
import { roleLabel } from '../../components/labels';
import { ROUTES } from '../../constants';
import { Person, RegistryDocument } from '../../domain/model';
import { deletePerson, personReferences } from '../../domain/registryView/edits';
import { RegistryFailure } from '../../storage/registryStore';
import { useRegistry } from '../../storage/RegistryContext';
import { prefixRoute, serviceEditUrl } from '../../routing';

/** Confirms deleting a person; a person still named by services must be replaced there first. */
export function DeletePersonModal({
  person,
  doc,
  onDismiss,
}: {
  person: Person;
  doc: RegistryDocument;
  onDismiss(): void;
}) {
  const { save } = useRegistry();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<RegistryFailure | undefined>(undefined);
  const references = personReferences(doc, person.id);

  const confirm = async () => {
    setSaving(true);
    const result = await save(deletePerson(doc, person.id));
    setSaving(false);
    if (result.ok) {
      locationService.push(prefixRoute(ROUTES.People));
    } else {
      setFailure(result);
    }
  };

  return (
    <Modal
      title={t('bizowner.person.deleteTitle', 'Delete {{name}}?', {
        name: person.name,
        interpolation: { escapeValue: false },
      })}
      isOpen
      onDismiss={onDismiss}
    >
      <Stack direction="column" gap={2}>
        {references.length > 0 ? (
          <Alert severity="warning" title={t('bizowner.person.stillNamed', 'Services still name this person')}>
            <p>
              {t(
                'bizowner.person.replaceFirst',
                'Name someone else in these roles first, so that no service is left pointing at nobody:'
              )}
            </p>
            <ul>
              {references.map((reference, index) => (
                <li key={index}>
                  <TextLink href={serviceEditUrl(reference.serviceId)} inline>
                    {reference.serviceName}
                  </TextLink>{' '}
                  <Text color="secondary">{roleLabel(reference.as)}</Text>
                </li>
              ))}
            </ul>
          </Alert>
        ) : (
          <Text>
            {t(
              'bizowner.person.deleteBody',
              'No service names this person. Deleting cannot be undone, except by adding them again.'
            )}
          </Text>
        )}
        {failure && <SaveFailureAlert failure={failure} />}
      </Stack>
      <Modal.ButtonRow>
        <Button variant="secondary" onClick={onDismiss}>
          {t('bizowner.person.deleteCancel', 'Cancel')}
        </Button>
        <Button
          variant="destructive"
          icon={saving ? 'spinner' : 'trash-alt'}
          onClick={confirm}
          disabled={saving || references.length > 0}
        >
          {t('bizowner.person.deleteConfirm', 'Delete')}
        </Button>
      </Modal.ButtonRow>
    </Modal>
  );
}
