import React, { useState } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { DataSourcePicker } from '@grafana/runtime';
import { Button, Field, FieldSet, RadioButtonGroup, Stack, useStyles2 } from '@grafana/ui';
import { AppSettings, RegistryDocument } from '../../domain/model';
import { useRegistry } from '../../storage/RegistryContext';
import { SaveResult } from '../../storage/registryStore';
import { testIds } from '../testIds';
import { BillingFields } from './BillingFields';
import { SaveOutcome } from './SaveOutcome';

interface Props {
  doc: RegistryDocument;
}

/**
 * Data sources and defaults for new SLOs. Only the fields the user edits are kept here and laid
 * over the loaded settings, so after a reload the edits apply to the latest registry.
 */
export function SettingsForm({ doc }: Props) {
  const styles = useStyles2(getStyles);
  const { canWrite, loading, save, reload } = useRegistry();
  const [edits, setEdits] = useState<Partial<AppSettings>>({});
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<SaveResult>();
  const settings: AppSettings = { ...doc.settings, ...edits };
  const disabled = !canWrite || saving || loading;
  const edit = (change: Partial<AppSettings>) => setEdits((previous) => ({ ...previous, ...change }));

  const onSave = async () => {
    setSaving(true);
    const outcome = await save({ ...doc, settings });
    setSaving(false);
    setResult(outcome);
    if (outcome.ok) {
      setEdits({});
    }
  };

  return (
    <FieldSet label={t('bizowner.config.dataSources', 'Data sources and defaults')} className={styles.section}>
      <Field
        label={t('bizowner.config.prometheus', 'Prometheus')}
        description={t('bizowner.config.prometheusDescription', 'SLIs, recording rules and pod metrics.')}
        data-testid={testIds.appConfig.prometheus}
      >
        <DataSourcePicker
          inputId="bizowner-prometheus"
          current={settings.prometheus?.uid ?? null}
          type="prometheus"
          noDefault
          disabled={disabled}
          onChange={(ds) => edit({ prometheus: { uid: ds.uid, type: ds.type } })}
        />
      </Field>
      <Field
        label={t('bizowner.config.loki', 'Loki')}
        description={t('bizowner.config.lokiDescription', 'Logs and log-based SLIs.')}
        data-testid={testIds.appConfig.loki}
      >
        <DataSourcePicker
          inputId="bizowner-loki"
          current={settings.loki?.uid ?? null}
          type="loki"
          noDefault
          disabled={disabled}
          onChange={(ds) => edit({ loki: { uid: ds.uid, type: ds.type } })}
        />
      </Field>
      <BillingFields billing={settings.billing} disabled={disabled} onChange={(billing) => edit({ billing })} />
      <Field
        label={t('bizowner.config.defaultWindow', 'Default SLO window')}
        data-testid={testIds.appConfig.defaultWindow}
      >
        <RadioButtonGroup
          options={[
            { label: t('bizowner.config.window28d', '28 days'), value: '28d' as const },
            { label: t('bizowner.config.window30d', '30 days'), value: '30d' as const },
          ]}
          value={settings.defaultWindow}
          disabled={disabled}
          onChange={(defaultWindow) => edit({ defaultWindow })}
        />
      </Field>
      <Field
        label={t('bizowner.config.defaultAlertPreset', 'Default alert windows')}
        data-testid={testIds.appConfig.defaultAlertPreset}
      >
        <RadioButtonGroup
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
      <Stack direction="column" gap={2} alignItems="flex-start">
        <Button
          onClick={onSave}
          disabled={disabled || Object.keys(edits).length === 0}
          icon={saving ? 'spinner' : undefined}
          data-testid={testIds.appConfig.saveSettings}
        >
          {t('bizowner.config.saveSettings', 'Save settings')}
        </Button>
        <SaveOutcome
          result={result}
          onReload={() => {
            setResult(undefined);
            reload();
          }}
        />
      </Stack>
    </FieldSet>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  section: css({
    marginBottom: theme.spacing(4),
  }),
});
