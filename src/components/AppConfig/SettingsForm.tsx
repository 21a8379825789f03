import React, { useState } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Alert, Button, Field, FieldSet, RadioButtonGroup, Stack, Switch, useStyles2 } from '@grafana/ui';
import { AppSettings, RegistryDocument } from '../../domain/model';
import { billingQueryProblems } from '../../domain/validation/queries';
import { settingsReadOnlyMessage } from '../../storage/messages';
import { testIds } from '../testIds';
import { BillingFields } from './BillingFields';
import { DataSourceField } from './DataSourceField';
import { SaveOutcome } from './SaveOutcome';
import { useSave } from './useSave';

interface Props {
  doc: RegistryDocument;
}

/**
 * Data sources and defaults for new SLOs. Only the fields the user edits are kept here and laid
 * over the loaded settings, so after a reload the edits apply to the latest registry.
 */
export function SettingsForm({ doc }: Props) {
  const styles = useStyles2(getStyles);
  const { disabled, canWrite, saving, result, save, reloadLatest } = useSave('settings');
  const [edits, setEdits] = useState<Partial<AppSettings>>({});
  const settings: AppSettings = { ...doc.settings, ...edits };
  const edit = (change: Partial<AppSettings>) => setEdits((previous) => ({ ...previous, ...change }));
  // the billing field shows the problem; a template that does not parse is not saved
  const billingInvalid =
    settings.billing !== undefined &&
    billingQueryProblems(settings.billing.kind, settings.billing.query).some(
      (problem) => problem.severity !== 'warning'
    );

  const windowLabel = t('bizowner.config.defaultWindow', 'Default SLO window');
  const presetLabel = t('bizowner.config.defaultAlertPreset', 'Default alert windows');
  const slothLabel = t('bizowner.config.slothSeries', "Also record Sloth's series");

  const onSave = async () => {
    const outcome = await save({ ...doc, settings });
    if (outcome.ok) {
      setEdits({});
    }
  };

  return (
    <FieldSet label={t('bizowner.config.dataSources', 'Data sources and defaults')} className={styles.section}>
      {!canWrite && (
        <Alert
          severity="info"
          title={t('bizowner.config.settingsReadOnlyTitle', 'Settings are Admin-only')}
          data-testid={testIds.appConfig.settingsReadOnly}
        >
          {settingsReadOnlyMessage()}
        </Alert>
      )}
      <DataSourceField
        label={t('bizowner.config.prometheus', 'Prometheus')}
        description={t('bizowner.config.prometheusDescription', 'SLIs, recording rules and pod metrics.')}
        type="prometheus"
        inputId="bizowner-prometheus"
        testId={testIds.appConfig.prometheus}
        value={settings.prometheus}
        disabled={disabled}
        onChange={(prometheus) => edit({ prometheus })}
      />
      <DataSourceField
        label={t('bizowner.config.loki', 'Loki')}
        description={t('bizowner.config.lokiDescription', 'Logs and log-based SLIs.')}
        type="loki"
        inputId="bizowner-loki"
        testId={testIds.appConfig.loki}
        value={settings.loki}
        disabled={disabled}
        onChange={(loki) => edit({ loki })}
      />
      <BillingFields billing={settings.billing} disabled={disabled} onChange={(billing) => edit({ billing })} />
      <Field label={windowLabel} data-testid={testIds.appConfig.defaultWindow}>
        <RadioButtonGroup
          aria-label={windowLabel}
          options={[
            { label: t('bizowner.config.window28d', '28 days'), value: '28d' as const },
            { label: t('bizowner.config.window30d', '30 days'), value: '30d' as const },
          ]}
          value={settings.defaultWindow}
          disabled={disabled}
          onChange={(defaultWindow) => edit({ defaultWindow })}
        />
      </Field>
      <Field label={presetLabel} data-testid={testIds.appConfig.defaultAlertPreset}>
        <RadioButtonGroup
          aria-label={presetLabel}
          options={[
            {
              label: t('bizowner.config.presetGoogle30d', 'Google SRE workbook, 30 days'),
              value: 'google-30d' as const,
            },
            {
              label: t('bizowner.config.presetGoogle28d', 'Google SRE workbook, 28 days'),
              value: 'google-28d' as const,
            },
          ]}
          value={settings.defaultAlertPreset}
          disabled={disabled}
          onChange={(defaultAlertPreset) => edit({ defaultAlertPreset })}
        />
      </Field>
      <Field
        label={slothLabel}
        description={t(
          'bizowner.config.slothSeriesDescription',
          "Each SLO records six series, and alerts, dashboards and the release gate sum every window from them. Turn this on to also record slo:sli_error:ratio_rate<window>, the burn rates and the objective under Sloth's names, for Sloth dashboards or alert routes that read them: about 13 more series per SLO. An import from Sloth turns it on."
        )}
        data-testid={testIds.appConfig.slothSeries}
      >
        <Switch
          id="bizowner-sloth-series"
          value={settings.slothSeries ?? false}
          disabled={disabled}
          onChange={(event) => edit({ slothSeries: event.currentTarget.checked })}
        />
      </Field>
      <Stack direction="column" gap={2} alignItems="flex-start">
        <Button
          onClick={onSave}
          disabled={disabled || Object.keys(edits).length === 0 || billingInvalid}
          icon={saving ? 'spinner' : undefined}
          data-testid={testIds.appConfig.saveSettings}
        >
          {t('bizowner.config.saveSettings', 'Save settings')}
        </Button>
        <SaveOutcome result={result} onReload={reloadLatest} />
      </Stack>
    </FieldSet>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  section: css({
    marginBottom: theme.spacing(4),
  }),
});
