import React, { useMemo, useState } from 'react';
import { t } from '@grafana/i18n';
import { locationService } from '@grafana/runtime';
import { Alert, Button, Combobox, Field, Modal, RadioButtonGroup, Stack, Text } from '@grafana/ui';
import { SaveFailureAlert } from '../../../components/Registry/SaveFailureAlert';
import { testIds } from '../../../components/testIds';
import { RegistryDocument, Service } from '../../../domain/model';
import { deleteService, dependentsOf } from '../../../domain/registryView/edits';
import { RegistryFailure } from '../../../storage/registryStore';
import { useRegistry } from '../../../storage/RegistryContext';
import { servicesUrl } from '../../../routing';

interface Props {
  service: Service;
  doc: RegistryDocument;
  onDismiss(): void;
}

type Choice = 'delete' | 'move';

/**
 * Confirms deleting a service. A service with SLOs asks what happens to them: deleted too, or
 * moved to another service. Services that depended on it lose that dependency.
 */
export function DeleteServiceModal({ service, doc, onDismiss }: Props) {
  const { save } = useRegistry();
  const slos = doc.slos.filter((slo) => slo.serviceId === service.id);
  const others = useMemo(
    () =>
      doc.services
        .filter((item) => item.id !== service.id)
        .map((item) => ({ value: item.id, label: item.name, description: item.id })),
    [doc.services, service.id]
  );
  const [choice, setChoice] = useState<Choice>('delete');
  const [target, setTarget] = useState<string | undefined>(others[0]?.value);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<RegistryFailure | undefined>(undefined);
  const dependents = dependentsOf(doc, service.id);

  const confirm = async () => {
    const disposal = choice === 'move' && target ? { kind: 'move' as const, to: target } : { kind: 'delete' as const };
    setSaving(true);
    const result = await save(deleteService(doc, service.id, disposal));
    setSaving(false);
    if (result.ok) {
      locationService.push(servicesUrl());
    } else {
      setFailure(result);
    }
  };

  const values = { name: service.name, count: slos.length, interpolation: { escapeValue: false } };
  const choiceLabel =
    slos.length === 1
      ? t('bizowner.service.deleteSlo', 'It has 1 SLO. What should happen to it?')
      : t('bizowner.service.deleteSlos', 'It has {{count}} SLOs. What should happen to them?', values);
  return (
    <Modal title={t('bizowner.service.deleteTitle', 'Delete {{name}}?', values)} isOpen onDismiss={onDismiss}>
      <Stack direction="column" gap={2}>
        {slos.length > 0 ? (
          <Field label={choiceLabel}>
            <>
              <Stack direction="column" gap={1}>
                <RadioButtonGroup<Choice>
                  aria-label={choiceLabel}
                  value={choice}
                  onChange={setChoice}
                  options={[
                    { value: 'delete', label: t('bizowner.service.deleteSlosToo', 'Delete them too') },
                    {
                      value: 'move',
                      label: t('bizowner.service.moveSlos', 'Move them to another service'),
                      description:
                        others.length === 0
                          ? t('bizowner.service.noOtherService', 'There is no other service')
                          : undefined,
                    },
                  ]}
                  disabledOptions={others.length === 0 ? ['move'] : []}
                />
                {choice === 'move' && (
                  <Field
                    label={t('bizowner.service.moveTo', 'Move them to')}
                    description={t(
                      'bizowner.service.moveHint',
                      'Their SLI queries stay as they are: review them after the move.'
                    )}
                  >
                    <Combobox
                      id="delete-service-move-to"
                      options={others}
                      value={target}
                      onChange={(option) => setTarget(option.value)}
                      width={40}
                    />
                  </Field>
                )}
              </Stack>
            </>
          </Field>
        ) : (
          <Text>{t('bizowner.service.deleteNoSlos', 'It has no SLOs.')}</Text>
        )}
        {dependents.length > 0 && (
          <Alert severity="info" title={t('bizowner.service.deleteDependents', 'Other services depend on it')}>
            {t('bizowner.service.deleteDependentsBody', '{{services}} will no longer list it as a dependency.', {
              services: dependents.map((item) => item.name).join(', '),
              interpolation: { escapeValue: false },
            })}
          </Alert>
        )}
        {failure && <SaveFailureAlert failure={failure} />}
      </Stack>
      <Modal.ButtonRow>
        <Button variant="secondary" onClick={onDismiss}>
          {t('bizowner.service.deleteCancel', 'Cancel')}
        </Button>
        <Button
          variant="destructive"
          icon={saving ? 'spinner' : 'trash-alt'}
          onClick={confirm}
          disabled={saving}
          data-testid={testIds.services.deleteConfirm}
        >
          {choice === 'move' && slos.length > 0
            ? t('bizowner.service.deleteAndMove', 'Delete the service and move its SLOs')
            : t('bizowner.service.deleteConfirm', 'Delete')}
        </Button>
      </Modal.ButtonRow>
    </Modal>
  );
}
