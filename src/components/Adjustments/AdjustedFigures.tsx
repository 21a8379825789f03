import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { LoadingPlaceholder, Text, useStyles2 } from '@grafana/ui';
import { formatRatioPercent } from '../../domain/budget/format';
import { windowInSentence } from '../labels';
import { testIds } from '../testIds';
import { useAdjustedFigures } from './useAdjustedFigures';
import { RegistryDocument, Slo } from '../../domain/model';

const RAW = { interpolation: { escapeValue: false } };

function Figure({ value, text, testId }: { value: number | undefined; text: string; testId: string }) {
  return (
    <span data-testid={testId} data-value={value === undefined ? '' : String(value)}>
      <Text color={value !== undefined && value <= 0 ? 'error' : 'primary'} weight="medium">
        {value === undefined ? t('bizowner.adjustments.noValue', '—') : text}
      </Text>
    </span>
  );
}

/**
 * The SLO's SLI and budget left over its window, raw and adjusted side by side: the adjusted ones
 * leave out the events of the approved adjustments' windows; the raw ones count everything.
 */
export function AdjustedFigures({ doc, slo }: { doc: RegistryDocument; slo: Slo }) {
  const read = useAdjustedFigures(doc, slo);
  const styles = useStyles2(getStyles);
  if (read.status === 'noDataSource') {
    return (
      <Text color="secondary">
        {t('bizowner.adjustments.noDataSource', 'No Prometheus data source yet: the figures cannot be read.')}
      </Text>
    );
  }
  if (read.status === 'reading') {
    return <LoadingPlaceholder text={t('bizowner.adjustments.reading', 'Reading the SLO’s increases…')} />;
  }
  if (read.status === 'failed') {
    return (
      <Text color="error">
        {t('bizowner.adjustments.failed', 'Prometheus could not be read ({{message}}).', {
          message: read.message,
          ...RAW,
        })}
      </Text>
    );
  }
  const { figures } = read;
  // three decimals, as the page's SLI stat: 99.95% must not read as 100%
  const sli = (value: number) => `${(value * 100).toFixed(3)}%`;
  const rows = [
    {
      label: t('bizowner.adjustments.sli', 'SLI'),
      format: sli,
      raw: { value: figures.rawSli, testId: testIds.adjustments.rawSli },
      adjusted: { value: figures.adjustedSli, testId: testIds.adjustments.adjustedSli },
    },
    {
      label: t('bizowner.adjustments.budgetLeft', 'Error budget left'),
      format: (value: number) => formatRatioPercent(value),
      raw: { value: figures.rawBudgetLeft, testId: testIds.adjustments.rawBudget },
      adjusted: { value: figures.adjustedBudgetLeft, testId: testIds.adjustments.adjustedBudget },
    },
  ];
  return (
    <table className={styles.table} data-testid={testIds.adjustments.figures}>
      <thead>
        <tr>
          <th scope="col">
            <Text color="secondary">
              {t('bizowner.adjustments.window', 'Over {{window}}', {
                window: windowInSentence(slo.window, slo.timeZone),
                ...RAW,
              })}
            </Text>
          </th>
          <th scope="col">
            <Text color="secondary">{t('bizowner.adjustments.raw', 'Raw')}</Text>
          </th>
          <th scope="col">
            <Text color="secondary">{t('bizowner.adjustments.adjusted', 'Adjusted')}</Text>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.label}>
            <th scope="row">
              <Text>{row.label}</Text>
            </th>
            {[row.raw, row.adjusted].map(({ value, testId }) => (
              <td key={testId}>
                <Figure value={value} text={value === undefined ? '' : row.format(value)} testId={testId} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  table: css({
    borderCollapse: 'collapse',
    'th, td': { padding: theme.spacing(0.5, 3, 0.5, 0), textAlign: 'left', fontWeight: 'normal' },
  }),
});
