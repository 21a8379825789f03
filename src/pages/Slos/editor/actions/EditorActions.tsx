import React, { useState } from 'react';
import { t } from '@grafana/i18n';
import { locationService } from '@grafana/runtime';
import { Button, ClipboardButton, ConfirmModal, Dropdown, Menu, Stack } from '@grafana/ui';
import { downloadText } from '../../../../components/AppConfig/downloadText';
import { SaveFailureAlert } from '../../../../components/Registry/SaveFailureAlert';
import { WriteButton } from '../../../../components/Registry/WriteButton';
import { testIds } from '../../../../components/testIds';
import { RegistryDocument } from '../../../../domain/model';
import { sloDuplicateUrl, slosUrl } from '../../../../routing';
import { RegistryFailure } from '../../../../storage/registryStore';
import { useRegistry } from '../../../../storage/RegistryContext';
import { RuleScope, ruleDownloads, sloAsNativeYaml, sloAsOpenSlo } from '../../ruleFiles';
import { removeSlo } from '../sloDraft';
import { PushToAlertingModal } from './PushToAlertingModal';

interface Props {
  /** The registry as stored. */
  doc: RegistryDocument;
  /** The stored SLO's id when editing one. */
  storedId?: string;
  /** The registry with the edited SLO in it and that SLO's id, while the edit is valid. */
  target?: { doc: RegistryDocument; sloId: string; serviceId: string };
}

/** Duplicate, delete, download rules, copy as YAML and push alert rules. */
export function EditorActions({ doc, storedId, target }: Props) {
  const { save, canPushAlerts } = useRegistry();
  const [deleting, setDeleting] = useState(false);
  const [pushing, setPushing] = useState(false);
  const [failure, setFailure] = useState<RegistryFailure | undefined>(undefined);
  const invalid = t('bizowner.sloEditor.actions.invalid', 'Fix the fields marked in red first.');

  const download = (scope: RuleScope) => {
    for (const file of target ? ruleDownloads(target.doc, scope) : []) {
      downloadText(file.fileName, file.text);
    }
  };
  const remove = async () => {
    setDeleting(false);
    if (!storedId) {
      return;
    }
    const result = await save(removeSlo(doc, storedId));
    if (result.ok) {
      locationService.push(slosUrl());
    } else {
      setFailure(result);
    }
  };
  const menu = target && (
    <Menu>
      <Menu.Item
        label={t('bizowner.sloEditor.actions.thisSlo', 'This SLO')}
        onClick={() => download({ kind: 'slo', id: target.sloId })}
      />
      <Menu.Item
        label={t('bizowner.sloEditor.actions.thisService', 'All SLOs of this service')}
        onClick={() => download({ kind: 'service', id: target.serviceId })}
      />
      <Menu.Item label={t('bizowner.sloEditor.actions.all', 'All SLOs')} onClick={() => download({ kind: 'all' })} />
    </Menu>
  );
  const downloadButton = (
    <Button
      variant="secondary"
      icon="download-alt"
      disabled={!menu}
      tooltip={menu ? undefined : invalid}
      data-testid={testIds.sloEditor.download}
    >
      {t('bizowner.sloEditor.actions.download', 'Download rule YAML')}
    </Button>
  );

  return (
    <Stack direction="column" gap={1}>
      <Stack gap={1} wrap="wrap">
        {menu ? <Dropdown overlay={menu}>{downloadButton}</Dropdown> : downloadButton}
        <ClipboardButton
          variant="secondary"
          icon="copy"
          disabled={!target}
          getText={() => (target ? sloAsOpenSlo(target.doc, target.sloId) : '')}
          data-testid={testIds.sloEditor.copyOpenSlo}
        >
          {t('bizowner.sloEditor.actions.copyOpenSlo', 'Copy as OpenSLO')}
        </ClipboardButton>
        <ClipboardButton
          variant="secondary"
          icon="copy"
          disabled={!target}
          getText={() => (target ? sloAsNativeYaml(target.doc, target.sloId) : '')}
          data-testid={testIds.sloEditor.copyNative}
        >
          {t('bizowner.sloEditor.actions.copyNative', 'Copy as native YAML')}
        </ClipboardButton>
        <Button
          variant="secondary"
          icon="bell"
          disabled={!target || !canPushAlerts}
          tooltip={
            !canPushAlerts
              ? t(
                  'bizowner.sloEditor.actions.pushForbidden',
                  'Pushing alert rules needs the alert.provisioning:write permission (org Admin by default). Download the rule YAML instead.'
                )
              : target
                ? undefined
                : invalid
          }
          onClick={() => setPushing(true)}
          data-testid={testIds.sloEditor.push}
        >
          {t('bizowner.sloEditor.actions.push', 'Push alert rules to Grafana')}
        </Button>
        {storedId && (
          <>
            <WriteButton
              href={sloDuplicateUrl(storedId)}
              icon="copy"
              variant="secondary"
              data-testid={testIds.sloEditor.duplicate}
            >
              {t('bizowner.sloEditor.actions.duplicate', 'Duplicate')}
            </WriteButton>
            <WriteButton
              icon="trash-alt"
              variant="destructive"
              onClick={() => setDeleting(true)}
              data-testid={testIds.sloEditor.delete}
            >
              {t('bizowner.sloEditor.actions.delete', 'Delete')}
            </WriteButton>
          </>
        )}
      </Stack>
      {failure && <SaveFailureAlert failure={failure} />}
      {pushing && target && (
        <PushToAlertingModal doc={target.doc} sloId={target.sloId} onDismiss={() => setPushing(false)} />
      )}
      {deleting && (
        <ConfirmModal
          isOpen
          title={t('bizowner.sloEditor.actions.deleteTitle', 'Delete this SLO?')}
          body={t(
            'bizowner.sloEditor.actions.deleteBody',
            'Its recording and alert rules disappear from the next generated rule files; alert rules pushed to Grafana stay until deleted there.'
          )}
          confirmText={t('bizowner.sloEditor.actions.deleteConfirm', 'Delete')}
          onConfirm={remove}
          onDismiss={() => setDeleting(false)}
        />
      )}
    </Stack>
  );
}
