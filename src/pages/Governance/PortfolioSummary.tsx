import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Box, Stack, Text, useStyles2 } from '@grafana/ui';
import { levelLabel } from '../../components/labels';
import { testIds } from '../../components/testIds';
import { FAILURE_MODE_CHECKS } from '../../domain/governance/failureModes';
import { PortfolioSummary as Summary } from '../../domain/governance/portfolio';
import { MATURITY_LEVELS } from '../../domain/governance/types';
import { checkText } from './checkTexts';

function Stat({
  label,
  value,
  tone,
}: {
  label: string;
  value: string | number;
  tone?: 'error' | 'warning' | 'success';
}) {
  return (
    <Box borderColor="weak" borderStyle="solid" borderRadius="default" padding={1.5} minWidth={18}>
      <Stack direction="column" gap={0.5}>
        <Text color="secondary" variant="bodySmall">
          {label}
        </Text>
        <Text variant="h3" color={tone}>
          {value}
        </Text>
      </Stack>
    </Box>
  );
}

/** The portfolio at a glance: services per ladder level and per failure mode. */
export function PortfolioSummary({ summary }: { summary: Summary }) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.summary} data-testid={testIds.governance.summary}>
      <Stack gap={1} wrap="wrap">
        <Stat label={t('bizowner.gov.summary.services', 'Services')} value={summary.services} />
        <Stat
          label={t('bizowner.gov.summary.attention', 'Need attention')}
          value={summary.needingAttention}
          tone={summary.needingAttention > 0 ? 'error' : 'success'}
        />
        <Stat
          label={levelLabel('none')}
          value={summary.levels.none}
          tone={summary.levels.none > 0 ? 'warning' : undefined}
        />
        {MATURITY_LEVELS.map((level) => (
          <Stat key={level} label={levelLabel(level)} value={summary.levels[level]} />
        ))}
      </Stack>
      <Stack gap={1} wrap="wrap">
        {FAILURE_MODE_CHECKS.map((check) => {
          const outcomes = summary.outcomes[check.id];
          // Unknown is not a failure: counted apart, so that a data source being down finds nothing.
          const value =
            outcomes.unknown > 0
              ? t('bizowner.gov.summary.unknownCount', '{{fail}} found · {{unknown}} unknown', {
                  fail: outcomes.fail,
                  unknown: outcomes.unknown,
                })
              : outcomes.fail;
          return (
            <Stat
              key={check.id}
              label={checkText(check.id).title}
              value={value}
              tone={outcomes.fail > 0 ? 'error' : undefined}
            />
          );
        })}
      </Stack>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  summary: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
  }),
});
