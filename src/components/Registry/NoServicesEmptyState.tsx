import React from 'react';
import { t } from '@grafana/i18n';
import { EmptyState, Stack } from '@grafana/ui';
import { serviceCreateUrl, servicesImportUrl } from '../../routing';
import { WriteButton } from './WriteButton';

interface Props {
  /** What the page would show, e.g. "No services yet, so no SLOs". */
  message: string;
  /** Why a service comes first on this page. */
  children: string;
  testId: string;
  createTestId?: string;
  importTestId?: string;
}

/** The registry has no services yet: the two ways to start, on any page that needs services. */
export function NoServicesEmptyState({ message, children, testId, createTestId, importTestId }: Props) {
  return (
    <div data-testid={testId}>
      <EmptyState
        variant="call-to-action"
        message={message}
        button={
          <Stack gap={1} justifyContent="center">
            <WriteButton href={serviceCreateUrl()} icon="plus" data-testid={createTestId}>
              {t('bizowner.services.empty.create', 'Create your first service')}
            </WriteButton>
            <WriteButton href={servicesImportUrl()} icon="import" variant="secondary" data-testid={importTestId}>
              {t('bizowner.services.empty.import', 'Import from Backstage or OpenSLO')}
            </WriteButton>
          </Stack>
        }
      >
        {children}
      </EmptyState>
    </div>
  );
}
