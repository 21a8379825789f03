import React from 'react';
import { css } from '@emotion/css';
import { formattedValueToString, getValueFormat, GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Stack, Text, TextLink, useStyles2 } from '@grafana/ui';
import { KpiValue } from '../../../api/kpis/fetchKpiValues';
import { dataSourceName, useElapsedSeconds } from '../../../components/LiveValues/liveState';
import { Section } from '../../../components/Section/Section';
import { testIds } from '../../../components/testIds';
import { DataSourceRef, Kpi } from '../../../domain/model';
import { kpiVerdict } from '../../../domain/registryView/kpiTarget';
import { exploreUrl } from '../../../routing';
import { KpiRead, useKpiValues } from './useKpiValues';

const RAW = { interpolation: { escapeValue: false } };
/** Series shown for a KPI whose query returns one per label value; Explore shows them all. */
const MAX_SERIES = 5;

/** The value in the KPI's unit: a Grafana unit id (`currencyUSD`, `percentunit`), else the unit as a suffix. */
function formatKpi(kpi: Kpi, value: number): string {
  return formattedValueToString(getValueFormat(kpi.unit ?? 'short')(value));
}

function targetOf(kpi: Kpi): string {
  if (kpi.target === undefined) {
    return t('bizowner.service.kpis.noTarget', 'no target');
  }
  const values = { target: formatKpi(kpi, kpi.target), ...RAW };
  return kpi.direction === 'lower'
    ? t('bizowner.service.kpis.atMost', 'target: at most {{target}}', values)
    : t('bizowner.service.kpis.atLeast', 'target: at least {{target}}', values);
}

function seriesName(labels: Record<string, string>): string {
  return Object.entries(labels)
    .filter(([name]) => name !== '__name__')
    .map(([name, value]) => `${name}="${value}"`)
    .join(', ');
}

/** One value with the target comparison, e.g. "$1.2K · meets target". */
function ValueLine({ kpi, value, name }: { kpi: Kpi; value: number; name?: string }) {
  const verdict = kpiVerdict(kpi, value);
  const text = formatKpi(kpi, value);
  return (
    <Stack gap={1} alignItems="baseline" wrap="wrap">
      {name && (
        <Text color="secondary" variant="bodySmall">
          {name}
        </Text>
      )}
      <Text weight="medium">{text}</Text>
      {verdict && (
        <Text color={verdict === 'meets' ? 'success' : 'error'} variant="bodySmall">
          {verdict === 'meets'
            ? t('bizowner.service.kpis.meets', 'meets target')
            : t('bizowner.service.kpis.misses', 'misses target')}
        </Text>
      )}
    </Stack>
  );
}

function CurrentValue({ kpi, value, dataSource }: { kpi: Kpi; value: KpiValue; dataSource: string }) {
  if (!value.ok) {
    return (
      <Text color="error" variant="bodySmall">
        {t('bizowner.service.kpis.failed', 'Could not read from {{dataSource}}: {{message}}', {
          dataSource,
          message: value.message,
          ...RAW,
        })}
      </Text>
    );
  }
  if (value.series.length === 0) {
    return (
      <Text color="secondary" variant="bodySmall">
        {t(
          'bizowner.service.kpis.noSeries',
          'No data: the query returned no series. Check its metric and labels in Explore.'
        )}
      </Text>
    );
  }
  if (value.series.length === 1) {
    return <ValueLine kpi={kpi} value={value.series[0].value} />;
  }
  return (
    <Stack direction="column" gap={0}>
      {value.series.slice(0, MAX_SERIES).map((sample, index) => (
        <ValueLine key={index} kpi={kpi} value={sample.value} name={seriesName(sample.labels)} />
      ))}
      {value.series.length > MAX_SERIES && (
        <Text color="secondary" variant="bodySmall">
          {t('bizowner.service.kpis.moreSeries', 'and {{count}} more series', {
            count: value.series.length - MAX_SERIES,
          })}
        </Text>
      )}
    </Stack>
  );
}

function KpiState({ kpi, read, dataSource }: { kpi: Kpi; read: KpiRead; dataSource: string }) {
  const seconds = useElapsedSeconds(read.status === 'reading' ? read.since : undefined);
  switch (read.status) {
    case 'noDataSource':
      return (
        <Text color="secondary" variant="bodySmall">
          {t(
            'bizowner.service.kpis.noDataSource',
            'Current value: — (no data source yet: choose a Prometheus data source on the configuration page)'
          )}
        </Text>
      );
    case 'reading':
      return (
        <Text color="secondary" variant="bodySmall">
          {t('bizowner.service.kpis.reading', 'Reading from {{dataSource}}… ({{seconds}} s)', {
            dataSource,
            seconds,
            ...RAW,
          })}
        </Text>
      );
    case 'read':
      return <CurrentValue kpi={kpi} value={read.values[kpi.id] ?? { ok: true, series: [] }} dataSource={dataSource} />;
  }
}

/**
 * The business KPIs with their queries and current values, read from the Prometheus data source
 * in one request for all of them, each held against its target; each opens its query in Explore.
 */
export function KpisSection({ kpis, prometheus }: { kpis: Kpi[]; prometheus?: DataSourceRef }) {
  const styles = useStyles2(getStyles);
  const read = useKpiValues(prometheus, kpis);
  const dataSource = dataSourceName(prometheus);
  return (
    <Section title={t('bizowner.service.kpis.title', 'Business KPIs')}>
      {kpis.length === 0 ? (
        <Text color="secondary">
          {t(
            'bizowner.service.kpis.none',
            'No KPIs yet: add the numbers the business owner watches, e.g. revenue per hour.'
          )}
        </Text>
      ) : (
        kpis.map((kpi) => (
          <Stack key={kpi.id} direction="column" gap={0.5} data-testid={testIds.services.kpi}>
            <Stack gap={1} alignItems="baseline" wrap="wrap">
              <Text weight="medium">{kpi.name}</Text>
              <Text color="secondary">{targetOf(kpi)}</Text>
            </Stack>
            <KpiState kpi={kpi} read={read} dataSource={dataSource} />
            <code className={styles.query}>{kpi.query}</code>
            {prometheus?.uid && (
              <TextLink href={exploreUrl(prometheus, kpi.query)} external variant="bodySmall">
                {t('bizowner.service.kpis.explore', 'Run the query in Explore')}
              </TextLink>
            )}
          </Stack>
        ))
      )}
    </Section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  query: css({
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-all',
    fontSize: theme.typography.bodySmall.fontSize,
  }),
});
