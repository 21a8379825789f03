import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Badge, Checkbox, useStyles2 } from '@grafana/ui';
import { testIds } from '../../../../components/testIds';
import { TierSummary } from '../../../../domain/windows';

interface Props {
  tiers: TierSummary[];
  /** Whether alerting as a whole is on; tiers are then only shown. */
  enabled: boolean;
  onToggle(tier: string, on: boolean): void;
}

function percent(share: number): string {
  return `${Number((share * 100).toPrecision(3))}%`;
}

/** The burn-rate tiers: factor, windows, severity and the budget spent by the time each fires. */
export function TierTable({ tiers, enabled, onToggle }: Props) {
  const styles = useStyles2(getStyles);
  return (
    <table className={styles.table} data-testid={testIds.sloEditor.tiers}>
      <thead>
        <tr>
          <th>{t('bizowner.sloEditor.tiers.on', 'On')}</th>
          <th>{t('bizowner.sloEditor.tiers.tier', 'Tier')}</th>
          <th>{t('bizowner.sloEditor.tiers.severity', 'Severity')}</th>
          <th>{t('bizowner.sloEditor.tiers.factor', 'Burn factor')}</th>
          <th>{t('bizowner.sloEditor.tiers.long', 'Long window')}</th>
          <th>{t('bizowner.sloEditor.tiers.short', 'Short window')}</th>
          <th>{t('bizowner.sloEditor.tiers.spent', 'Budget spent when it fires')}</th>
        </tr>
      </thead>
      <tbody>
        {tiers.map((tier) => (
          <tr key={tier.tier}>
            <td>
              <Checkbox
                value={tier.enabled}
                disabled={!enabled}
                onChange={(event) => onToggle(tier.tier, event.currentTarget.checked)}
                aria-label={t('bizowner.sloEditor.tiers.toggle', 'Alert on tier {{tier}}', { tier: tier.tier })}
              />
            </td>
            <td>{tier.tier}</td>
            <td>
              <Badge color={tier.severity === 'page' ? 'red' : 'blue'} text={tier.severity} />
            </td>
            <td>{`${tier.factor}x`}</td>
            <td>{tier.long}</td>
            <td>{tier.short}</td>
            <td>{percent(tier.budgetSpent)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  table: css({
    borderCollapse: 'collapse',
    'th, td': {
      textAlign: 'left',
      padding: theme.spacing(0.5, 2, 0.5, 0),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
    },
    th: {
      fontWeight: theme.typography.fontWeightMedium,
    },
  }),
});
