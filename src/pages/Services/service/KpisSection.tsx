import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Stack, Text, TextLink, Tooltip, useStyles2 } from '@grafana/ui';
import { Section } from '../../../components/Section/Section';
import { noLiveDataReason, noLiveDataShort } from '../../../components/labels';
import { DataSourceRef, Kpi } from '../../../domain/model';
import { exploreUrl } from '../../../routing';

function targetOf(kpi: Kpi): string {
  if (kpi.target === undefined) {
    return t('bizowner.service.kpis.noTarget', 'no target');
  }
  const direction =
    kpi.direction === 'lower'
      ? t('bizowner.service.kpis.atMost', 'at most')
      : t('bizowner.service.kpis.atLeast', 'at least');
  return `${direction} ${kpi.target}${kpi.unit ? ` (${kpi.unit})` : ''}`;
}

/**
 * The business KPIs with their queries. Current values need the dashboards' query runner; until
 * then each KPI says so, and opens its query in Explore when a Prometheus data source is chosen.
 */
export function KpisSection({ kpis, prometheus }: { kpis: Kpi[]; prometheus?: DataSourceRef }) {
  const styles = useStyles2(getStyles);
  const configured = Boolean(prometheus?.uid);
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
          <Stack key={kpi.id} direction="column" gap={0.5}>
            <Stack gap={1} alignItems="baseline" wrap="wrap">
              <Text weight="medium">{kpi.name}</Text>
              <Text color="secondary">{targetOf(kpi)}</Text>
            </Stack>
            <code className={styles.query}>{kpi.query}</code>
            <Stack gap={1} alignItems="baseline" wrap="wrap">
              <Tooltip content={noLiveDataReason(configured)}>
                <span>
                  <Text color="secondary" variant="bodySmall">
                    {t('bizowner.service.kpis.current', 'Current value: — ({{reason}})', {
                      reason: noLiveDataShort(configured),
                      interpolation: { escapeValue: false },
                    })}
                  </Text>
                </span>
              </Tooltip>
              {prometheus?.uid && (
                <TextLink href={exploreUrl(prometheus, kpi.query)} external variant="bodySmall">
                  {t('bizowner.service.kpis.explore', 'Run the query in Explore')}
                </TextLink>
              )}
            </Stack>
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
