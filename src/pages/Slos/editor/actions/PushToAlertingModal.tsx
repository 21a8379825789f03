import React, { useMemo, useState } from 'react';
import { t } from '@grafana/i18n';
import { Alert, Button, Checkbox, Combobox, Field, Modal, Stack, Text } from '@grafana/ui';
import { fetchFolders } from '../../../../api/alerting/provisioning';
import { pushAlertRules, PushStep } from '../../../../api/alerting/pushAlertRules';
import { testIds } from '../../../../components/testIds';
import { RegistryDocument } from '../../../../domain/model';
import { buildGrafanaAlertRules } from '../../../../domain/rules';
import { useLookup } from '../sli/useLookup';
import { PushResults } from './PushResults';

interface Props {
  /** The registry holding the SLO as it will be pushed. */
  doc: RegistryDocument;
  sloId: string;
  onDismiss(): void;
}

/**
 * Pushes the SLO's burn-rate and release-freeze alerts to Grafana alerting into a chosen folder,
 * with stable uids so that pushing again updates the same rules. The rules query the recorded
 * series, so the recording rules must be loaded into Prometheus as well.
 */
export function PushToAlertingModal({ doc, sloId, onDismiss }: Props) {
  const folders = useLookup(fetchFolders, 'folders');
  const [folderUid, setFolderUid] = useState<string | undefined>(undefined);
  const [editable, setEditable] = useState(false);
  const [pushing, setPushing] = useState(false);
  const [steps, setSteps] = useState<PushStep[] | undefined>(undefined);
  const datasourceUid = doc.settings.prometheus?.uid;
  const rules = useMemo(
    () =>
      folderUid && datasourceUid ? buildGrafanaAlertRules(doc, { folderUid, datasourceUid, sloIds: [sloId] }) : [],
    [doc, folderUid, datasourceUid, sloId]
  );
  const options = useMemo(
    () => (folders.value ?? []).map((folder) => ({ value: folder.uid, label: folder.title })),
    [folders.value]
  );
  const push = async () => {
    setPushing(true);
    setSteps(await pushAlertRules(rules, { editable }));
    setPushing(false);
  };
  const failures = steps?.filter((step) => step.action === 'failed').length ?? 0;
  return (
    <Modal title={t('bizowner.push.title', 'Push alert rules to Grafana alerting')} isOpen onDismiss={onDismiss}>
      <Stack direction="column" gap={2}>
        {!datasourceUid && (
          <Alert severity="error" title={t('bizowner.push.noPrometheus', 'No Prometheus data source')}>
            {t(
              'bizowner.push.noPrometheusBody',
              'The alert rules query the recorded series: choose a Prometheus data source on the configuration page.'
            )}
          </Alert>
        )}
        {folders.error && (
          <Alert severity="error" title={t('bizowner.push.foldersFailed', 'The folders could not be listed')}>
            {folders.error}
          </Alert>
        )}
        <Field
          label={t('bizowner.push.folder', 'Folder')}
          description={t('bizowner.push.folderHelp', 'Rules are grouped per service (slo-<service>) in this folder.')}
        >
          <Combobox
            id="push-folder"
            options={options}
            value={folderUid ?? null}
            onChange={(option) => setFolderUid(option.value)}
            loading={folders.loading}
            width={40}
            data-testid={testIds.sloEditor.pushFolder}
          />
        </Field>
        <Checkbox
          value={editable}
          onChange={(event) => setEditable(event.currentTarget.checked)}
          label={t('bizowner.push.editable', 'Keep the rules editable in the alerting UI')}
          description={t(
            'bizowner.push.editableHelp',
            'Sends X-Disable-Provenance. Otherwise Grafana marks the rules as provisioned and only a new push changes them.'
          )}
          data-testid={testIds.sloEditor.pushEditable}
        />
        <Text color="secondary">
          {t(
            'bizowner.push.count',
            '{{count}} rules will be created or updated; they need the recording rules loaded in Prometheus.',
            {
              count: rules.length,
            }
          )}
        </Text>
        {steps && (
          <Alert
            severity={failures > 0 ? 'error' : 'success'}
            title={
              failures > 0
                ? t('bizowner.push.someFailed', '{{failures}} of {{count}} steps failed', {
                    failures,
                    count: steps.length,
                  })
                : t('bizowner.push.done', 'Grafana alerting has the rules')
            }
          >
            <PushResults steps={steps} />
          </Alert>
        )}
        <Modal.ButtonRow>
          <Button variant="secondary" onClick={onDismiss}>
            {t('bizowner.push.close', 'Close')}
          </Button>
          <Button
            icon={pushing ? 'spinner' : 'upload'}
            disabled={pushing || rules.length === 0}
            onClick={push}
            data-testid={testIds.sloEditor.pushConfirm}
          >
            {t('bizowner.push.confirm', 'Push rules')}
          </Button>
        </Modal.ButtonRow>
      </Stack>
    </Modal>
  );
}
