import React from 'react';
import { t } from '@grafana/i18n';
import { Alert, LinkButton } from '@grafana/ui';
import { CONFIG_URL } from '../../constants';
import { noLiveDataReason } from '../labels';
import { testIds } from '../testIds';

/** Says, once per page, why SLO status, budget left and KPI values show no data. */
export function LiveDataNotice({ prometheusConfigured }: { prometheusConfigured: boolean }) {
  return (
    <Alert
      severity="info"
      title={t('bizowner.live.title', 'No live values yet')}
      data-testid={testIds.services.liveNotice}
    >
      <p>{noLiveDataReason(prometheusConfigured)}</p>
      {!prometheusConfigured && (
        <LinkButton href={CONFIG_URL} icon="cog" variant="secondary" size="sm">
          {t('bizowner.live.configure', 'Choose a data source')}
        </LinkButton>
      )}
    </Alert>
  );
}
