import React from 'react';
import { t } from '@grafana/i18n';
import { Text, Tooltip } from '@grafana/ui';

/**
 * Error budget left as a percentage, or a dash with the reason when it was not measured; `about`
 * says whose budget it is when that is not obvious (e.g. the lowest of a service's SLOs).
 */
export function BudgetLeft({
  value,
  missingReason,
  about,
}: {
  value: number | undefined;
  missingReason: string;
  about?: string;
}) {
  if (value === undefined) {
    return (
      <Tooltip content={missingReason}>
        <span aria-label={t('bizowner.budgetLeft.none', 'No data')}>
          <Text color="secondary">—</Text>
        </span>
      </Tooltip>
    );
  }
  const percent = `${(value * 100).toFixed(1)}%`;
  const text = <Text color={value <= 0 ? 'error' : value < 0.25 ? 'warning' : 'primary'}>{percent}</Text>;
  return about ? (
    <Tooltip content={about}>
      <span>{text}</span>
    </Tooltip>
  ) : (
    text
  );
}
