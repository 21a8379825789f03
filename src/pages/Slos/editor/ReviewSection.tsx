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

/** The registry's shared rules as text, when it records Sloth's series. */
function sharedOf(doc: RegistryDocument): string | undefined {
  const file = sharedRuleFile(doc);
  return file.groups.length > 0 ? renderRuleFile(file) : undefined;
}

/**
 * The exact recording and alert rules that saving this SLO generates, and, when the registry records
 * Sloth's series, the registry's shared rules that record them.
 */
export function ReviewSection({ candidate, draft }: Props) {
  const prometheusTitle = t('bizowner.sloEditor.review.prometheus', 'Prometheus rules');
  const lokiTitle = t('bizowner.sloEditor.review.loki', 'Loki ruler rules');
  const sharedTitle = t('bizowner.sloEditor.review.shared', 'Shared rules of the registry');
  const files = useMemo(() => {
    const rules = candidate ? generateSloRules(candidate, draft.id.trim()) : undefined;
    if (!candidate || !rules) {
      return undefined;
    }
    return {
      prometheus: renderRuleFile({ groups: rules.prometheus }),
      loki: rules.loki.length > 0 ? renderRuleFile({ groups: rules.loki }) : undefined,
      shared: sharedOf(candidate),
    };
  }, [candidate, draft.id]);
  return (
    <Section title={t('bizowner.sloEditor.review.title', 'Review: generated rules')}>
      <div data-testid={testIds.sloEditor.review}>
        {files ? (
          <>
            <Text element="h4">{prometheusTitle}</Text>
            <RuleFile title={prometheusTitle} text={files.prometheus} />
            {files.loki && (
              <>
                <Text element="h4">{lokiTitle}</Text>
                <RuleFile title={lokiTitle} text={files.loki} />
              </>
            )}
            {files.shared && (
              <>
                <Text element="h4">{sharedTitle}</Text>
                <Text color="secondary" element="p">
                  {t(
                    'bizowner.sloEditor.review.sharedHelp',
                    "Sloth's series, which the registry also records: loaded once beside the service files, they turn the series recorded above into Sloth's error ratios and burn rates for every SLO."
                  )}
                </Text>
                <RuleFile title={sharedTitle} text={files.shared} />
              </>
            )}
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

/** A rule file in a scrolling box that the keyboard can reach and scroll, named by its heading. */
function RuleFile({ title, text }: { title: string; text: string }) {
  const styles = useStyles2(getStyles);
  return (
    <pre className={styles.yaml} tabIndex={0} role="region" aria-label={title}>
      {text}
    </pre>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  yaml: css({
    maxHeight: theme.spacing(60),
    overflow: 'auto',
    fontSize: theme.typography.bodySmall.fontSize,
  }),
});
