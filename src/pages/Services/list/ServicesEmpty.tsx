import React from 'react';
import { t } from '@grafana/i18n';
import { EmptyState, Stack } from '@grafana/ui';
import { WriteButton } from '../../../components/Registry/WriteButton';
import { testIds } from '../../../components/testIds';
import { serviceCreateUrl, servicesImportUrl } from '../../../routing';

/** The registry has no services yet: the two ways to start. */
export function ServicesEmpty() {
  return (
    <div data-testid={testIds.services.empty}>
      <EmptyState
        variant="call-to-action"
        message={t('bizowner.services.empty.title', 'No services yet')}
        button={
          <Stack gap={1} justifyContent="center">
            <WriteButton href={serviceCreateUrl()} icon="plus" data-testid={testIds.services.create}>
              {t('bizowner.services.empty.create', 'Create your first service')}
            </WriteButton>
            <WriteButton
              href={servicesImportUrl()}
              icon="import"
              variant="secondary"
              data-testid={testIds.services.import}
            >
              {t('bizowner.services.empty.import', 'Import from Backstage or OpenSLO')}
            </WriteButton>
          </Stack>
        }
      >
        {t(
          'bizowner.services.empty.body',
          'Record each service with its business owner, tier and links, or import a Backstage catalog-info.yaml or OpenSLO definitions. A whole registry in YAML can also be imported on the configuration page.'
        )}
      </EmptyState>
    </div>
  );
}
