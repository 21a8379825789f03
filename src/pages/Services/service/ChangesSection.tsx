import React, { useEffect, useState } from 'react';
import { dateTimeFormat } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Alert, Button, ConfirmModal, LoadingPlaceholder, Stack, Text } from '@grafana/ui';
import { Section } from '../../../components/Section/Section';
import { testIds } from '../../../components/testIds';
import { HistoryEntry, HistoryResult } from '../../../storage/history';
import { useRegistry } from '../../../storage/RegistryContext';

// Interpolated values are user data rendered as React text, which React escapes itself.
const RAW = { interpolation: { escapeValue: false } };

/**
 * Every saved change of the service (its SLOs included), newest first, with who, when and what,
 * and a restore of an earlier version's values as a new version.
 */
export function ChangesSection({ serviceId }: { serviceId: string }) {
  const { history, restore, canWrite, doc } = useRegistry();
  const [result, setResult] = useState<HistoryResult>();
  const [confirming, setConfirming] = useState<HistoryEntry>();
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string }>();
  const revision = doc?.revision;

  useEffect(() => {
    let current = true;
    history(serviceId).then((answer) => current && setResult(answer));
    return () => {
      current = false;
    };
  }, [history, serviceId, revision]);

  const onRestore = async (entry: HistoryEntry) => {
    setConfirming(undefined);
    const answer = await restore(serviceId, entry.version);
    setOutcome(
      answer.ok
        ? {
            ok: true,
            message: t('bizowner.history.restored', 'Version {{version}} restored as a new version.', {
              version: entry.version,
            }),
          }
        : { ok: false, message: answer.message }
    );
  };

  return (
    <Section title={t('bizowner.history.title', 'Change history')}>
      <div data-testid={testIds.history.section}>
        {outcome && (
          <Alert
            severity={outcome.ok ? 'success' : 'error'}
            title={
              outcome.ok
                ? t('bizowner.history.restoredTitle', 'Restored')
                : t('bizowner.history.failedTitle', 'Not restored')
            }
            data-testid={testIds.history.outcome}
          >
            {outcome.message}
          </Alert>
        )}
        {!result && <LoadingPlaceholder text={t('bizowner.history.loading', 'Reading the history…')} />}
        {result && !result.ok && <Text color="error">{result.message}</Text>}
        {result?.ok && result.entries.length === 0 && (
          <Text color="secondary">{t('bizowner.history.none', 'No saved changes yet.')}</Text>
        )}
        {result?.ok && result.entries.length > 0 && (
          <Stack direction="column" gap={0.5}>
            {result.entries.map((entry) => (
              <Stack key={entry.version} gap={1} alignItems="center" justifyContent="space-between">
                <div data-testid={testIds.history.entry}>
                  <Text>
                    {t('bizowner.history.line', 'v{{version}} · {{at}} · {{by}}: {{summary}}', {
                      version: entry.version,
                      at: dateTimeFormat(entry.at),
                      by: entry.by,
                      summary: entry.restoredFrom
                        ? t('bizowner.history.restoredFrom', 'restored version {{from}} ({{summary}})', {
                            from: entry.restoredFrom,
                            summary: entry.summary,
                            ...RAW,
                          })
                        : entry.summary,
                      ...RAW,
                    })}
                  </Text>
                </div>
                {canWrite && entry.restorable && (
                  <Button
                    size="sm"
                    variant="secondary"
                    icon="history"
                    onClick={() => setConfirming(entry)}
                    aria-label={t('bizowner.history.restoreLabel', 'Restore version {{version}}', {
                      version: entry.version,
                    })}
                    data-testid={testIds.history.restore}
                  >
                    {t('bizowner.history.restore', 'Restore')}
                  </Button>
                )}
              </Stack>
            ))}
          </Stack>
        )}
      </div>
      <ConfirmModal
        isOpen={confirming !== undefined}
        title={t('bizowner.history.confirmTitle', 'Restore version {{version}}?', { version: confirming?.version })}
        body={t(
          'bizowner.history.confirmBody',
          'The service and its SLOs get the values they had in version {{version}}, saved as a new version. Later versions stay in the history.',
          { version: confirming?.version }
        )}
        confirmText={t('bizowner.history.confirm', 'Restore')}
        onConfirm={() => confirming && onRestore(confirming)}
        onDismiss={() => setConfirming(undefined)}
      />
    </Section>
  );
}
