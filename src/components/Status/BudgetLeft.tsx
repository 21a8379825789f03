import React from 'react';
import { t } from '@grafana/i18n';
import { Text } from '@grafana/ui';
import { DeferredTooltip } from '../Tooltip/DeferredTooltip';

/**
 * Error budget left as a percentage, or a dash with the reason when it was not measured; `about`
 * says whose budget it is when that is not obvious (e.g. the lowest of a service's SLOs). Either text
 * may be a function, called when its tooltip shows. `noDataLabel` names the dash when the caller has
 * it translated already (a list, once for all its rows).
 */
export function BudgetLeft({
  value,
  missingReason,
  about,
  noDataLabel,
}: {
  value: number | undefined;
  missingReason: string | (() => string);
  about?: string | (() => string);
  noDataLabel?: string;
}) {
  if (value === undefined) {
    return (
      <DeferredTooltip content={missingReason}>
        <span aria-label={noDataLabel ?? t('bizowner.budgetLeft.none', 'No data')}>
          <Text color="secondary">—</Text>
        </span>
      </DeferredTooltip>
    );
  }
  const percent = `${(value * 100).toFixed(1)}%`;
  const text = <Text color={value <= 0 ? 'error' : value < 0.25 ? 'warning' : 'primary'}>{percent}</Text>;
  return about ? <DeferredTooltip content={about}>{text}</DeferredTooltip> : text;
}
