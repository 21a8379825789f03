import React, { Suspense, useState } from 'react';
import { t } from '@grafana/i18n';
import { Button, ErrorBoundaryAlert, LoadingPlaceholder } from '@grafana/ui';
import { testIds } from '../../../components/testIds';
import { RegistryDocument } from '../../../domain/model';
import { lazyPage } from '../../reactScene';

// The dialog's code (the escalation plan, Alertmanager's YAML, the rule files) loads when it is first
// wanted, not with the SLO list: the list's first render does not wait for it (bench/RESULTS.md, "UI scale").
const loadModal = () => import('./EscalationModal');
const EscalationModal = lazyPage(loadModal, 'EscalationModal');

/** Starts loading the dialog's code when the pointer or the focus reaches the button, before the click. */
function prefetch() {
  loadModal().catch(() => undefined);
}

/** Opens who gets the SLO alerts: the Alertmanager download and the push to Grafana alerting. */
export function EscalationButton({ doc }: { doc: RegistryDocument }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="secondary"
        icon="bell"
        onPointerEnter={prefetch}
        onFocus={prefetch}
        onClick={() => setOpen(true)}
        tooltip={t('bizowner.escalation.openHelp', 'Route the SLO alerts to on-call teams and business owners')}
        data-testid={testIds.escalation.open}
      >
        {t('bizowner.escalation.open', 'Escalation')}
      </Button>
      {open && (
        <ErrorBoundaryAlert title={t('bizowner.escalation.loadFailed', 'The escalation dialog could not be loaded')}>
          <Suspense fallback={<LoadingPlaceholder text={t('bizowner.escalation.loading', 'Loading…')} />}>
            <EscalationModal doc={doc} onDismiss={() => setOpen(false)} />
          </Suspense>
        </ErrorBoundaryAlert>
      )}
    </>
  );
}
