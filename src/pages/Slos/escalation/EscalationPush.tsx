import React, { useMemo, useState } from 'react';
import { t } from '@grafana/i18n';
import { Alert, Button, Checkbox, Stack, Text } from '@grafana/ui';
import { backendAlertingTransport } from '../../../api/alerting/backendTransport';
import { notificationApi } from '../../../api/alerting/notificationProvisioning';
import { EscalationResult, previewEscalation, pushEscalation } from '../../../api/alerting/pushEscalation';
import { testIds } from '../../../components/testIds';
import { buildGrafanaEscalation, EscalationPlan } from '../../../domain/escalation';
import { useRegistry } from '../../../storage/RegistryContext';
import { EscalationSteps } from './EscalationSteps';

type Shown = { mode: 'preview' | 'push'; result: EscalationResult };

/**
 * Contact points and the app's notification policy in Grafana alerting: a preview of what would
 * change (nothing is written), then the push. Only for users who may provision notifications.
 */
export function EscalationPush({ plan }: { plan: EscalationPlan }) {
  const { canPushNotifications } = useRegistry();
  const wanted = useMemo(() => buildGrafanaEscalation(plan), [plan]);
  const api = useMemo(() => notificationApi(backendAlertingTransport), []);
  const [editable, setEditable] = useState(true);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<Shown | undefined>(undefined);

  if (!canPushNotifications) {
    return (
      <Alert severity="info" title={t('bizowner.escalation.forbidden.title', 'Pushing needs an alerting admin')}>
        {t(
          'bizowner.escalation.forbidden.body',
          'Pushing contact points and notification policies needs the alert.notifications.provisioning:write permission (org Admin by default). Download the Alertmanager configuration instead, or ask an admin to push.'
        )}
      </Alert>
    );
  }

  const run = async (mode: Shown['mode']) => {
    setBusy(true);
    const result =
      mode === 'preview' ? await previewEscalation(api, wanted) : await pushEscalation(api, wanted, { editable });
    setShown({ mode, result });
    setBusy(false);
  };
  const result = shown?.result;
  const steps = result?.ok ? result.steps : [];
  const changes = steps.filter((step) => step.action !== 'unchanged').length;
  const failures = steps.filter((step) => step.outcome === 'failed' || step.outcome === 'skipped').length;
  const fileTree = steps.some((step) => step.kind === 'policy' && step.provenance === 'file');

  return (
    <Stack direction="column" gap={1}>
      <Checkbox
        value={editable}
        onChange={(event) => setEditable(event.currentTarget.checked)}
        label={t('bizowner.escalation.editable', 'Keep them editable in the alerting UI')}
        description={t(
          'bizowner.escalation.editableHelp',
          'Sends X-Disable-Provenance, so that an admin can add chat integrations and move the policy. What is provisioned already stays provisioned.'
        )}
        data-testid={testIds.escalation.editable}
      />
      <Stack gap={1}>
        <Button
          variant="secondary"
          icon={busy ? 'spinner' : 'eye'}
          disabled={busy}
          onClick={() => run('preview')}
          data-testid={testIds.escalation.preview}
        >
          {t('bizowner.escalation.preview', 'Preview changes')}
        </Button>
        <Button
          icon="upload"
          disabled={busy || shown?.mode !== 'preview' || !result?.ok || changes === 0 || fileTree}
          tooltip={t('bizowner.escalation.pushHelp', 'Preview first; the push writes what the preview shows.')}
          onClick={() => run('push')}
          data-testid={testIds.escalation.push}
        >
          {t('bizowner.escalation.push', 'Push to Grafana alerting')}
        </Button>
      </Stack>
      {result && !result.ok && (
        <Alert
          severity="error"
          title={t('bizowner.escalation.readFailed', 'Grafana alerting could not be read')}
          data-testid={testIds.escalation.outcome}
        >
          {t('bizowner.escalation.readFailedBody', 'HTTP {{status}}: {{message}}', {
            status: result.status ?? '—',
            message: result.message,
            interpolation: { escapeValue: false },
          })}
        </Alert>
      )}
      {result?.ok && (
        <div data-testid={testIds.escalation.outcome}>
          <Text color="secondary">
            {shown?.mode === 'preview'
              ? changes === 0
                ? t('bizowner.escalation.upToDate', 'Grafana alerting already routes the SLO alerts this way.')
                : t('bizowner.escalation.previewed', 'Nothing was written. A push would make {{count}} changes:', {
                    count: changes,
                  })
              : failures > 0
                ? t('bizowner.escalation.someFailed', '{{count}} steps failed or were skipped:', { count: failures })
                : t('bizowner.escalation.pushed', 'Grafana alerting routes the SLO alerts this way now.')}
          </Text>
        </div>
      )}
      {fileTree && (
        <Alert
          severity="warning"
          title={t('bizowner.escalation.fileTree', 'The policy tree is provisioned from a file')}
        >
          {t(
            'bizowner.escalation.fileTreeBody',
            'Grafana applies that file again at every start, so the routes belong there: download the Alertmanager configuration for the same routes.'
          )}
        </Alert>
      )}
      {steps.length > 0 && <EscalationSteps steps={steps} pushed={shown?.mode === 'push'} />}
    </Stack>
  );
}
