import React, { useState } from 'react';
import { t } from '@grafana/i18n';
import { Alert, Button } from '@grafana/ui';
import { downloadText } from '../../../components/AppConfig/downloadText';
import { testIds } from '../../../components/testIds';
import { RegistryDocument } from '../../../domain/model';

// The rule generator with its YAML writer and PromQL parser loads on first use, not with the list:
// the SLO list's first render does not wait for it (bench/RESULTS.md, "UI scale").
const loadRuleFiles = () => import('../ruleFiles');

/** Starts loading the generator when the pointer or the focus reaches the button, before the click. */
function prefetch() {
  loadRuleFiles().catch(() => undefined);
}

/** Downloads every generated rule file of the registry: Prometheus', and Loki's when log SLIs exist. */
export function DownloadAllRules({ doc }: { doc: RegistryDocument }) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const download = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      const { ruleDownloads } = await loadRuleFiles();
      for (const file of ruleDownloads(doc, { kind: 'all' })) {
        downloadText(file.fileName, file.text);
      }
    } catch (error) {
      // The message ends in the alert's own sentence, so a reason's closing full stop is left out.
      setFailure((error instanceof Error ? error.message : String(error)).replace(/\.\s*$/, ''));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        variant="secondary"
        icon={busy ? 'spinner' : 'download-alt'}
        disabled={busy}
        onPointerEnter={prefetch}
        onFocus={prefetch}
        onClick={download}
        data-testid={testIds.slos.downloadAll}
      >
        {t('bizowner.slos.downloadAll', 'Download all rules')}
      </Button>
      {failure !== undefined && (
        <Alert
          severity="error"
          title={t('bizowner.slos.downloadFailed', 'The rule files could not be prepared')}
          onRemove={() => setFailure(undefined)}
        >
          {t('bizowner.slos.downloadFailedBody', '{{reason}}. Reload the page and try again.', { reason: failure })}
        </Alert>
      )}
    </>
  );
}
