import React, { useState } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { FolderPicker } from '@grafana/runtime';
import { SceneComponentProps, SceneObjectBase, SceneObjectState } from '@grafana/scenes';
import { Alert, Button, Field, Modal, Stack, TextLink, useStyles2 } from '@grafana/ui';
import { ApiResult, apiRequest } from '../api/backend';
import { downloadText } from '../components/AppConfig/downloadText';
import { forgetMeasuredLiveValues } from '../components/LiveValues/measuredLiveValues';
import { testIds } from '../components/testIds';
import { Dashboard } from '../domain/dashboards';
import { dashboardJsonText, saveDashboardRequest } from '../domain/dashboards/json';
import { AppSettings } from '../domain/model';

interface DashboardActionsState extends SceneObjectState {
  dashboard: Dashboard;
  settings: AppSettings;
}

/** What Grafana answers to `POST /api/dashboards/db`. */
interface SavedDashboard {
  uid: string;
  url: string;
  version: number;
}

/**
 * "Save as Grafana dashboard" (into a chosen folder, with the dashboard's stable uid so saving
 * again updates it) and "Download JSON" for the dashboard on screen.
 */
export class DashboardActions extends SceneObjectBase<DashboardActionsState> {
  static Component = DashboardActionsRenderer;

  /** Saves the dashboard through Grafana's dashboard API; the outcome is a value, never thrown. */
  save = (folderUid: string | undefined): Promise<ApiResult<SavedDashboard>> => {
    const { dashboard, settings } = this.state;
    return apiRequest<SavedDashboard>({
      method: 'POST',
      url: '/api/dashboards/db',
      data: saveDashboardRequest(dashboard, settings, folderUid),
    });
  };

  download = () => {
    const { dashboard, settings } = this.state;
    downloadText(`${dashboard.uid}.json`, dashboardJsonText(dashboard, settings), 'application/json');
  };
}

function DashboardActionsRenderer({ model }: SceneComponentProps<DashboardActions>) {
  const [open, setOpen] = useState(false);
  return (
    <Stack direction="row" gap={1}>
      <Button
        variant="secondary"
        icon="save"
        size="md"
        onClick={() => setOpen(true)}
        data-testid={testIds.dashboards.save}
      >
        {t('bizowner.dashboards.save', 'Save as Grafana dashboard')}
      </Button>
      <Button
        variant="secondary"
        icon="download-alt"
        onClick={model.download}
        data-testid={testIds.dashboards.download}
      >
        {t('bizowner.dashboards.download', 'Download JSON')}
      </Button>
      {open && <SaveModal model={model} onDismiss={() => setOpen(false)} />}
    </Stack>
  );
}

function SaveModal({ model, onDismiss }: { model: DashboardActions; onDismiss: () => void }) {
  const styles = useStyles2(getStyles);
  const { dashboard } = model.useState();
  const [folderUid, setFolderUid] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<ApiResult<SavedDashboard>>();
  const folderLabel = t('bizowner.dashboards.folder', 'Folder');
  const onSave = async () => {
    setSaving(true);
    const result = await model.save(folderUid);
    if (result.ok) {
      // governance reads which dashboards are saved: the next page should see this one
      forgetMeasuredLiveValues();
    }
    setOutcome(result);
    setSaving(false);
  };
  return (
    <Modal title={t('bizowner.dashboards.saveTitle', 'Save as Grafana dashboard')} isOpen onDismiss={onDismiss}>
      <p className={styles.text}>
        {t(
          'bizowner.dashboards.saveBody',
          'Saves "{{title}}" with the uid {{uid}}. Saving again replaces the dashboard with the current registry.',
          { title: dashboard.title, uid: dashboard.uid, interpolation: { escapeValue: false } }
        )}
      </p>
      <Field label={folderLabel}>
        {/* Grafana's folder picker takes no id for the label to point at: the group carries the name */}
        <div role="group" aria-label={folderLabel}>
          <FolderPicker value={folderUid} onChange={(uid) => setFolderUid(uid)} clearable />
        </div>
      </Field>
      {outcome && (
        <div data-testid={testIds.dashboards.saveOutcome}>
          {outcome.ok ? (
            <Alert severity="success" title={t('bizowner.dashboards.saved', 'Dashboard saved')}>
              <TextLink href={outcome.value.url}>{t('bizowner.dashboards.openSaved', 'Open the dashboard')}</TextLink>
            </Alert>
          ) : (
            <Alert severity="error" title={t('bizowner.dashboards.saveFailed', 'The dashboard could not be saved')}>
              {outcome.status === 403
                ? t(
                    'bizowner.dashboards.saveForbidden',
                    'Saving dashboards in this folder needs the Editor role: {{message}}',
                    {
                      message: outcome.message,
                      interpolation: { escapeValue: false },
                    }
                  )
                : outcome.message}
            </Alert>
          )}
        </div>
      )}
      <Modal.ButtonRow>
        <Button variant="secondary" fill="outline" onClick={onDismiss}>
          {t('bizowner.common.close', 'Close')}
        </Button>
        <Button
          onClick={onSave}
          disabled={saving}
          icon={saving ? 'spinner' : 'save'}
          data-testid={testIds.dashboards.saveConfirm}
        >
          {t('bizowner.dashboards.saveConfirm', 'Save')}
        </Button>
      </Modal.ButtonRow>
    </Modal>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  text: css({ color: theme.colors.text.secondary, marginBottom: theme.spacing(2) }),
});
