import React from 'react';
import { t } from '@grafana/i18n';
import { EmptyState, Stack, TextLink } from '@grafana/ui';
import { testIds } from '../../../components/testIds';
import { Service } from '../../../domain/model';

export type DashboardKind = 'onCall' | 'debug' | 'cost';

function texts(kind: DashboardKind, service: Service): { message: string; body: string } {
  const values = { name: service.name, selector: service.selector, interpolation: { escapeValue: false } };
  switch (kind) {
    case 'onCall':
      return {
        message: t('bizowner.service.onCall.message', 'The on-call dashboard arrives with the generated dashboards'),
        body: t(
          'bizowner.service.onCall.body',
          'It will show the live SLIs and burn rates of {{name}}, recent deploys, firing alerts and the runbook links on every panel, read from the recording rules for {{selector}}.',
          values
        ),
      };
    case 'debug':
      return {
        message: t('bizowner.service.debug.message', 'The debug dashboard arrives with the generated dashboards'),
        body: t(
          'bizowner.service.debug.body',
          'It will show the Loki logs, pod metrics and dependencies of {{name}}, selected with {{selector}}.',
          values
        ),
      };
    case 'cost':
      return {
        message: t('bizowner.service.cost.message', 'The cost dashboard arrives with the generated dashboards'),
        body: t(
          'bizowner.service.cost.body',
          'It will show the cloud spend of {{name}} from the billing data source, grouped by its cost tags, next to its SLOs and KPIs.',
          values
        ),
      };
  }
}

/** A service's dashboard tab before the dashboards exist: what it will show, honestly. */
export function DashboardTab({ service, kind }: { service: Service; kind: DashboardKind }) {
  const { message, body } = texts(kind, service);
  const runbooks = service.links.filter((link) => link.type === 'runbook');
  return (
    <div data-testid={testIds.services.dashboardTab}>
      <EmptyState variant="call-to-action" message={message}>
        <p>{body}</p>
        {kind === 'onCall' && runbooks.length > 0 && (
          <Stack gap={1} justifyContent="center" wrap="wrap">
            {t('bizowner.service.onCall.runbooksNow', 'Runbooks today:')}
            {runbooks.map((link) => (
              <TextLink key={link.url} href={link.url} external>
                {link.title}
              </TextLink>
            ))}
          </Stack>
        )}
      </EmptyState>
    </div>
  );
}
