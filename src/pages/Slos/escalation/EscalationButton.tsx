import React, { useState } from 'react';
import { t } from '@grafana/i18n';
import { Button } from '@grafana/ui';
import { testIds } from '../../../components/testIds';
import { RegistryDocument } from '../../../domain/model';
import { EscalationModal } from './EscalationModal';

/** Opens who gets the SLO alerts: the Alertmanager download and the push to Grafana alerting. */
export function EscalationButton({ doc }: { doc: RegistryDocument }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="secondary"
        icon="bell"
        onClick={() => setOpen(true)}
        tooltip={t('bizowner.escalation.openHelp', 'Route the SLO alerts to on-call teams and business owners')}
        data-testid={testIds.escalation.open}
      >
        {t('bizowner.escalation.open', 'Escalation')}
      </Button>
      {open && <EscalationModal doc={doc} onDismiss={() => setOpen(false)} />}
    </>
  );
}
