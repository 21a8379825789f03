import React from 'react';
import { t } from '@grafana/i18n';
import { Alert, LinkButton } from '@grafana/ui';
import { testIds } from '../components/testIds';
import { CONFIG_URL } from '../constants';
import { DataSourceProblem } from './dataSources';

function settingName(problem: DataSourceProblem): string {
  switch (problem.source) {
    case 'prometheus':
      return t('bizowner.dashboards.setting.prometheus', 'Prometheus data source');
    case 'loki':
      return t('bizowner.dashboards.setting.loki', 'Loki data source');
    case 'billing':
      return t('bizowner.dashboards.setting.billing', 'Billing data source');
  }
}

/** Says which data source setting to fix, for panels that were left out because of it. */
export function DataSourceAlert({ problem }: { problem: DataSourceProblem }) {
  const setting = settingName(problem);
  const values = { setting, uid: problem.uid, interpolation: { escapeValue: false } };
  return (
    <Alert
      severity="warning"
      data-testid={testIds.dashboards.dataSourceAlert}
      title={
        problem.reason === 'unset'
          ? t('bizowner.dashboards.unset.title', 'No {{setting}} is configured', values)
          : t('bizowner.dashboards.unknown.title', 'The {{setting}} "{{uid}}" does not exist', values)
      }
    >
      <p>
        {problem.reason === 'unset'
          ? t(
              'bizowner.dashboards.unset.body',
              'The panels that read it are not shown. Choose the {{setting}} on the configuration page.',
              values
            )
          : t(
              'bizowner.dashboards.unknown.body',
              'The panels that read it are not shown. The {{setting}} chosen on the configuration page is not a data source of this Grafana: choose an existing one.',
              values
            )}
      </p>
      <LinkButton href={CONFIG_URL} variant="secondary" icon="cog" size="sm">
        {t('bizowner.common.open-configuration', 'Open configuration')}
      </LinkButton>
    </Alert>
  );
}
