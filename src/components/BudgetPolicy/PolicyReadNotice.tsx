import React from 'react';
import { t } from '@grafana/i18n';
import { LoadingPlaceholder, Text } from '@grafana/ui';
import { PolicyRead } from './usePolicyStates';

/** Why the policy state is not shown (yet): being read, no data source, Prometheus not readable. */
export function PolicyReadNotice({ read }: { read: PolicyRead }) {
  switch (read.status) {
    case 'reading':
      return <LoadingPlaceholder text={t('bizowner.policy.reading', 'Reading the recorded SLO series…')} />;
    case 'noDataSource':
      return (
        <Text color="secondary">
          {t(
            'bizowner.policy.noDataSource',
            'State unknown: no Prometheus data source yet. Choose one on the configuration page.'
          )}
        </Text>
      );
    case 'failed':
      return (
        <Text color="error">
          {t('bizowner.policy.failed', 'State unknown: Prometheus could not be read ({{message}}).', {
            message: read.message,
            interpolation: { escapeValue: false },
          })}
        </Text>
      );
    default:
      return null;
  }
}
