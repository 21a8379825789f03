import React from 'react';
import { t } from '@grafana/i18n';
import { NoServicesEmptyState } from '../../../components/Registry/NoServicesEmptyState';
import { testIds } from '../../../components/testIds';

/** The registry has no services yet: the two ways to start. */
export function ServicesEmpty() {
  return (
    <NoServicesEmptyState
      message={t('bizowner.services.empty.title', 'No services yet')}
      testId={testIds.services.empty}
      createTestId={testIds.services.create}
      importTestId={testIds.services.import}
    >
      {t(
        'bizowner.services.empty.body',
        'Record each service with its business owner, tier and links, or import a Backstage catalog-info.yaml or OpenSLO definitions. A whole registry in YAML can also be imported on the configuration page.'
      )}
    </NoServicesEmptyState>
  );
}
