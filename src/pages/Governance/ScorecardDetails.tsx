import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Badge, BadgeColor, Stack, Text, useStyles2 } from '@grafana/ui';
import { levelLabel } from '../../components/labels';
import { testIds } from '../../components/testIds';
import { CheckOutcome, CheckResult, MATURITY_LEVELS, Scorecard } from '../../domain/governance/types';
import { checkText, evidenceText, needText } from './checkTexts';

const OUTCOME_COLORS: Record<CheckOutcome, BadgeColor> = {
  pass: 'green',
  fail: 'red',
  unknown: 'darkgrey',
  notApplicable: 'darkgrey',
};

function outcomeLabel(result: CheckResult): string {
  const failureMode = result.kind === 'failureMode';
  const labels: Record<CheckOutcome, string> = {
    pass: failureMode ? t('bizowner.gov.outcome.clear', 'Clear') : t('bizowner.gov.outcome.pass', 'Done'),
    fail: failureMode ? t('bizowner.gov.outcome.found', 'Found') : t('bizowner.gov.outcome.fail', 'Missing'),
    unknown: t('bizowner.gov.outcome.unknown', 'Unknown'),
    notApplicable: t('bizowner.gov.outcome.na', 'Not applicable'),
  };
  return labels[result.outcome];
}

function CheckLine({ result, liveReason }: { result: CheckResult; liveReason: string | undefined }) {
  const styles = useStyles2(getStyles);
  const text = checkText(result.id);
  return (
    <div className={styles.check} data-testid={testIds.governance.evidence}>
      <Badge color={OUTCOME_COLORS[result.outcome]} text={outcomeLabel(result)} />
      <Stack direction="column" gap={0.25}>
        <Text weight="medium">{text.title}</Text>
        {result.evidence.map((evidence, index) => (
          <Text key={index} color="secondary">
            {evidenceText(evidence)}
          </Text>
        ))}
        {result.needs && <Text color="warning">{needText(result.needs, liveReason)}</Text>}
        {(result.outcome === 'fail' || result.outcome === 'unknown') && text.remedy && (
          <Text italic>
            {t('bizowner.gov.todo', 'To do: {{remedy}}', {
              remedy: text.remedy,
              interpolation: { escapeValue: false },
            })}
          </Text>
        )}
      </Stack>
    </div>
  );
}

/**
 * Every check of one service's scorecard: the ladder rung by rung, then the failure modes.
 * `liveReason` says why Prometheus values are missing, for the checks that need them.
 */
export function ScorecardDetails({ card, liveReason }: { card: Scorecard; liveReason: string | undefined }) {
  const failureModes = card.results.filter((result) => result.kind === 'failureMode');
  return (
    <Stack direction="column" gap={2} data-testid={testIds.governance.scorecard}>
      {MATURITY_LEVELS.map((level) => (
        <Stack key={level} direction="column" gap={1}>
          <Text element="h4" variant="h6">
            {levelLabel(level)}
          </Text>
          {card.results
            .filter((result) => result.level === level)
            .map((result) => (
              <CheckLine key={result.id} result={result} liveReason={liveReason} />
            ))}
        </Stack>
      ))}
      <Stack direction="column" gap={1}>
        <Text element="h4" variant="h6">
          {t('bizowner.gov.failureModes', 'Failure modes')}
        </Text>
        {failureModes.map((result) => (
          <CheckLine key={result.id} result={result} liveReason={liveReason} />
        ))}
      </Stack>
    </Stack>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  check: css({
    display: 'grid',
    gridTemplateColumns: `${theme.spacing(14)} 1fr`,
    gap: theme.spacing(1),
    alignItems: 'start',
  }),
});
