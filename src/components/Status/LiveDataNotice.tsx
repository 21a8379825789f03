import React from 'react';
import { t } from '@grafana/i18n';
import { Alert, AlertVariant, LinkButton } from '@grafana/ui';
import { CONFIG_URL } from '../../constants';
import { slosUrl } from '../../routing';
import { LiveState, useElapsedSeconds } from '../LiveValues/liveState';
import { liveStateNotice } from '../LiveValues/liveTexts';
import { testIds } from '../testIds';

const SEVERITY: Record<LiveState['kind'], AlertVariant> = {
  reading: 'info',
  noDataSource: 'info',
  queryFailed: 'error',
  rulesNotLoaded: 'warning',
};

/**
 * Says, once per page, where the live values stand: being read (with the time it has taken), no
 * data source, a failed read naming the data source and its answer, or recording rules not loaded
 * with how to load them. Nothing when `state` is undefined (every SLO read from its rules).
 */
export function LiveDataNotice({ state, dataSource }: { state: LiveState | undefined; dataSource: string }) {
  const seconds = useElapsedSeconds(state?.kind === 'reading' ? state.since : undefined);
  if (!state) {
    return null;
  }
  const { title, body } = liveStateNotice(state, dataSource, seconds);
  return (
    <Alert severity={SEVERITY[state.kind]} title={title} data-testid={testIds.services.liveNotice}>
      <p>{body}</p>
      {state.kind === 'noDataSource' && (
        <LinkButton href={CONFIG_URL} icon="cog" variant="secondary" size="sm">
          {t('bizowner.live.configure', 'Choose a data source')}
        </LinkButton>
      )}
      {state.kind === 'rulesNotLoaded' && (
        <LinkButton href={slosUrl()} icon="download-alt" variant="secondary" size="sm">
          {t('bizowner.live.openSlos', 'Open the SLO list')}
        </LinkButton>
      )}
    </Alert>
  );
}
