import React, { useState } from 'react';
import { t } from '@grafana/i18n';
import { Stack, Text } from '@grafana/ui';
import { businessOwnerOf, isBusinessOwner, sloAdjustments } from '../../domain/adjustments/adjustments';
import { approveAdjustment, removeAdjustment } from '../../domain/adjustments/adjustmentEdits';
import { BudgetAdjustment, RegistryDocument, Service, Slo } from '../../domain/model';
import { validateService } from '../../domain/validation/service';
import { usePolicySave } from '../BudgetPolicy/usePolicySave';
import { SaveFailureAlert } from '../Registry/SaveFailureAlert';
import { WriteButton } from '../Registry/WriteButton';
import { Section } from '../Section/Section';
import { testIds } from '../testIds';
import { AdjustedFigures } from './AdjustedFigures';
import { AdjustmentForm } from './AdjustmentForm';
import { AdjustmentItem } from './AdjustmentItem';
import { signedInIdentity } from '../../storage/grafana/signedInUser';

const RAW = { interpolation: { escapeValue: false } };

interface Props {
  doc: RegistryDocument;
  service: Service;
  slo: Slo;
  /** Whether Prometheus can be read: the raw and adjusted figures need it. */
  showFigures: boolean;
}

/** The validator's warnings (overlaps) per adjustment id of the service. */
function warningsById(service: Service, doc: RegistryDocument): Map<string, string[]> {
  const adjustments = service.budgetPolicy?.adjustments ?? [];
  const warnings = new Map<string, string[]>();
  for (const problem of validateService(service, doc)) {
    const index = /^budgetPolicy\.adjustments\[(\d+)\]$/.exec(problem.path)?.[1];
    const id = index === undefined ? undefined : adjustments[Number(index)]?.id;
    if (problem.severity === 'warning' && id) {
      warnings.set(id, [...(warnings.get(id) ?? []), problem.message]);
    }
  }
  return warnings;
}

/**
 * The SLO's budget adjustments: its raw and adjusted SLI and budget left side by side, the
 * maintenance and known-cause windows that cover it (its own and its service's), and their edits.
 * Editors record, change and remove them; only the service's business owner approves, and until
 * then an adjustment is pending and changes nothing. Saves go through the registry, so the
 * service's history says what happened (`Adjustment db-upgrade approved by ana`).
 */
export function AdjustmentsSection({ doc, service, slo, showFigures }: Props) {
  const { saving, failure, run } = usePolicySave();
  const [editing, setEditing] = useState<BudgetAdjustment | 'new'>();
  const user = signedInIdentity();
  const owner = businessOwnerOf(service, doc.people);
  const ownerName = owner?.name ?? service.owners.businessOwner ?? t('bizowner.adjustments.nobody', 'nobody named');
  const notOwnerReason = isBusinessOwner(user, service, doc.people)
    ? undefined
    : t('bizowner.adjustments.ownerOnly', 'Only the business owner of {{service}} ({{owner}}) approves adjustments.', {
        service: service.name,
        owner: ownerName,
        ...RAW,
      });
  const adjustments = sloAdjustments(doc, slo.id);
  const warnings = warningsById(service, doc);
  const approve = (adjustment: BudgetAdjustment) =>
    run(approveAdjustment(doc, service.id, adjustment.id, { by: user.login, at: new Date().toISOString() }));

  const addButton = (
    <WriteButton
      variant="secondary"
      icon="plus"
      onClick={() => setEditing('new')}
      data-testid={testIds.adjustments.add}
    >
      {t('bizowner.adjustments.add', 'Add adjustment')}
    </WriteButton>
  );
  return (
    <Section title={t('bizowner.adjustments.title', 'Budget adjustments')} actions={editing ? undefined : addButton}>
      <Stack direction="column" gap={2} data-testid={testIds.adjustments.section}>
        {showFigures && <AdjustedFigures doc={doc} slo={slo} />}
        {editing && (
          <AdjustmentForm
            service={service}
            doc={doc}
            sloId={slo.id}
            by={user.login}
            initial={editing === 'new' ? undefined : editing}
            saving={saving}
            onSave={async (next) => (await run(next)) && setEditing(undefined)}
            onCancel={() => setEditing(undefined)}
          />
        )}
        {adjustments.length === 0 && !editing && (
          <Text color="secondary">
            {t(
              'bizowner.adjustments.none',
              'None. Record a maintenance or known-cause window to leave its events out of the adjusted budget once the business owner approves it.'
            )}
          </Text>
        )}
        {adjustments.map((adjustment) => (
          <AdjustmentItem
            key={adjustment.id}
            adjustment={adjustment}
            serviceName={service.name}
            ownerName={ownerName}
            notOwnerReason={notOwnerReason}
            warnings={warnings.get(adjustment.id) ?? []}
            busy={saving}
            onApprove={() => approve(adjustment)}
            onEdit={() => setEditing(adjustment)}
            onRemove={() => run(removeAdjustment(doc, service.id, adjustment.id))}
          />
        ))}
        {failure && <SaveFailureAlert failure={failure} />}
      </Stack>
    </Section>
  );
}
