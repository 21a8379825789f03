import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Text, useStyles2 } from '@grafana/ui';
import { Section } from '../../../components/Section/Section';
import { testIds } from '../../../components/testIds';
import { RegistryDocument, Slo } from '../../../domain/model';
import { generateSloRules, renderRuleFile, sharedRuleFile } from '../../../domain/rules';

interface Props {
  /** The registry with the edited SLO in it, or undefined while the SLO is invalid. */
  candidate?: RegistryDocument;
  draft: Slo;
}

/**
 * The exact recording and alert rules that saving this SLO generates, and the registry's shared
 * rules that turn its recorded counts into error ratios, burn rates and budget.
 */
export function ReviewSection({ candidate, draft }: Props) {
  const styles = useStyles2(getStyles);
  const files = useMemo(() => {
    const rules = candidate ? generateSloRules(candidate, draft.id.trim()) : undefined;
    if (!candidate || !rules) {
      return undefined;
    }
    return {
      prometheus: renderRuleFile({ groups: rules.prometheus }),
      loki: rules.loki.length > 0 ? renderRuleFile({ groups: rules.loki }) : undefined,
      shared: renderRuleFile(sharedRuleFile(candidate)),
    };
  }, [candidate, draft.id]);
  return (
    <Section title={t('bizowner.sloEditor.review.title', 'Review: generated rules')}>
      <div data-testid={testIds.sloEditor.review}>
        {files ? (
          <>
            <Text element="h4">{t('bizowner.sloEditor.review.prometheus', 'Prometheus rules')}</Text>
            <pre className={styles.yaml}>{files.prometheus}</pre>
            {files.loki && (
              <>
                <Text element="h4">{t('bizowner.sloEditor.review.loki', 'Loki ruler rules')}</Text>
                <pre className={styles.yaml}>{files.loki}</pre>
              </>
            )}
            <Text element="h4">{t('bizowner.sloEditor.review.shared', 'Shared rules of the registry')}</Text>
            <Text color="secondary" element="p">
              {t(
                'bizowner.sloEditor.review.sharedHelp',
                'Loaded once beside the service files: they turn the series recorded above into error ratios, burn rates and budget for every SLO.'
              )}
            </Text>
            <pre className={styles.yaml}>{files.shared}</pre>
          </>
        ) : (
          <Text color="secondary">
            {t(
              'bizowner.sloEditor.review.invalid',
              'The rules are shown once the SLO is valid: fix the fields marked in red.'
            )}
          </Text>
        )}
      </div>
    </Section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  yaml: css({
    maxHeight: theme.spacing(60),
    overflow: 'auto',
    fontSize: theme.typography.bodySmall.fontSize,
  }),
});
