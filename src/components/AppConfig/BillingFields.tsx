import React from 'react';
import { t } from '@grafana/i18n';
import { DataSourcePicker } from '@grafana/runtime';
import { Button, Field, Stack, TextArea } from '@grafana/ui';
import { AppSettings } from '../../domain/model';
import { billingQueryProblems } from '../../domain/validation/queries';
import { testIds } from '../testIds';
import { BILLING_DATASOURCE_TYPES, billingKindOf, defaultBillingQuery, isDefaultBillingQuery } from './billing';

interface Props {
  billing: AppSettings['billing'];
  disabled: boolean;
  onChange(billing: AppSettings['billing']): void;
}

/** The billing data source (Prometheus cost metrics or a SQL cost table) and its query template. */
export function BillingFields({ billing, disabled, onChange }: Props) {
  const kind = billing?.kind ?? 'prometheus';
  const problem = billing ? billingQueryProblems(kind, billing.query)[0] : undefined;
  return (
    <>
      <Field
        label={t('bizowner.config.billing', 'Billing data source')}
        description={t(
          'bizowner.config.billingDescription',
          'Prometheus with cost metrics (OpenCost style) or a SQL data source (PostgreSQL, MySQL, Microsoft SQL Server) with a cost table.'
        )}
        data-testid={testIds.appConfig.billing}
      >
        <DataSourcePicker
          inputId="bizowner-billing"
          current={billing?.uid ?? null}
          type={BILLING_DATASOURCE_TYPES}
          noDefault
          disabled={disabled}
          onChange={(ds) => {
            const nextKind = billingKindOf(ds.type);
            const keep = billing && billing.kind === nextKind && !isDefaultBillingQuery(billing.query);
            onChange({
              uid: ds.uid,
              type: ds.type,
              kind: nextKind,
              query: keep ? billing.query : defaultBillingQuery(nextKind),
            });
          }}
        />
      </Field>
      {billing && (
        <Field
          label={
            kind === 'sql'
              ? t('bizowner.config.billingQuerySql', 'Billing query (SQL)')
              : t('bizowner.config.billingQueryPrometheus', 'Billing query (PromQL)')
          }
          description={t(
            'bizowner.config.billingQueryDescription',
            "$costTags is replaced with the service's cost tags: label matchers such as cost_center=\"checkout\" for Prometheus, a condition such as cost_center = 'checkout' for SQL."
          )}
          invalid={problem !== undefined && problem.severity !== 'warning'}
          error={problem?.message}
          htmlFor="bizowner-billing-query"
        >
          <Stack direction="column" gap={1} alignItems="flex-start">
            <TextArea
              id="bizowner-billing-query"
              rows={kind === 'sql' ? 6 : 2}
              value={billing.query}
              disabled={disabled}
              onChange={(event) => onChange({ ...billing, query: event.currentTarget.value })}
              data-testid={testIds.appConfig.billingQuery}
            />
            <Button
              variant="secondary"
              size="sm"
              disabled={disabled || billing.query === defaultBillingQuery(kind)}
              onClick={() => onChange({ ...billing, query: defaultBillingQuery(kind) })}
              data-testid={testIds.appConfig.billingQueryReset}
            >
              {t('bizowner.config.billingQueryReset', 'Use the default query')}
            </Button>
          </Stack>
        </Field>
      )}
    </>
  );
}
