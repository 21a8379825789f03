import React from 'react';
import { t } from '@grafana/i18n';
import { Badge, BadgeColor, Column, InteractiveTable } from '@grafana/ui';
import { EscalationAction, EscalationStep, StepOutcome, StepReason } from '../../../api/alerting/pushEscalation';
import { testIds } from '../../../components/testIds';
import { PolicyChanges } from '../../../domain/escalation';

type Cell = { row: { original: EscalationStep } };

const ACTION_COLORS: Record<EscalationAction, BadgeColor> = {
  create: 'green',
  update: 'blue',
  delete: 'purple',
  unchanged: 'darkgrey',
};

function actionLabel(action: EscalationAction): string {
  const labels: Record<EscalationAction, string> = {
    create: t('bizowner.escalation.action.create', 'Create'),
    update: t('bizowner.escalation.action.update', 'Update'),
    delete: t('bizowner.escalation.action.delete', 'Delete'),
    unchanged: t('bizowner.escalation.action.unchanged', 'Unchanged'),
  };
  return labels[action];
}

function reasonText(reason: StepReason): string {
  const texts: Record<StepReason, string> = {
    fileProvisioned: t(
      'bizowner.escalation.reason.fileProvisioned',
      'The policy tree is provisioned from a file, which Grafana applies again at every start: add the routes to that file (the Alertmanager download has them).'
    ),
    contactPointFailed: t(
      'bizowner.escalation.reason.contactPointFailed',
      'Not written: a contact point it names failed.'
    ),
    policyNotWritten: t(
      'bizowner.escalation.reason.policyNotWritten',
      'Not deleted: the policy tree that stops naming it was not written.'
    ),
  };
  return texts[reason];
}

function policyText(changes: PolicyChanges): string {
  const services = (ids: string[]) => ids.join(', ');
  const parts: string[] = [];
  if (changes.created) {
    parts.push(
      t('bizowner.escalation.policy.created', 'New policy for every SLO alert, first in the tree: {{services}}', {
        services: services(changes.added),
      })
    );
  } else {
    if (changes.added.length > 0) {
      parts.push(t('bizowner.escalation.policy.added', 'Routes {{services}}', { services: services(changes.added) }));
    }
    if (changes.changed.length > 0) {
      parts.push(
        t('bizowner.escalation.policy.changed', 'Reroutes {{services}}', { services: services(changes.changed) })
      );
    }
    if (changes.removed.length > 0) {
      parts.push(
        t('bizowner.escalation.policy.removed', 'Stops routing {{services}}', { services: services(changes.removed) })
      );
    }
    if (changes.rootChanged) {
      parts.push(t('bizowner.escalation.policy.root', 'Changes the grouping of SLO alerts'));
    }
  }
  parts.push(
    t('bizowner.escalation.policy.others', 'Keeps the {{count}} other policies as they are', {
      count: changes.otherRoutes,
    })
  );
  return parts.join('. ');
}

function detailText(step: EscalationStep): string {
  if (step.kind === 'policy') {
    return step.action === 'unchanged' ? '' : policyText(step.changes);
  }
  if (step.action === 'update') {
    return `${(step.previousEmails ?? []).join(', ')} → ${step.emails.join(', ')}`;
  }
  return step.emails.join(', ');
}

function outcomeText(step: EscalationStep): string {
  const labels: Record<StepOutcome, string> = {
    planned: '',
    done: step.action === 'unchanged' ? '' : t('bizowner.escalation.outcome.done', 'Done'),
    failed: t('bizowner.escalation.outcome.failed', 'Failed'),
    skipped: t('bizowner.escalation.outcome.skipped', 'Skipped'),
  };
  const why = step.reason
    ? reasonText(step.reason)
    : step.message
      ? t('bizowner.escalation.outcome.answer', 'HTTP {{status}}: {{message}}', {
          status: step.status ?? '—',
          message: step.message,
          interpolation: { escapeValue: false },
        })
      : '';
  return [labels[step.outcome], why].filter(Boolean).join(': ');
}

/** One row per contact point and one for the policy tree: what changes and, after a push, what happened. */
export function EscalationSteps({ steps, pushed }: { steps: EscalationStep[]; pushed: boolean }) {
  const columns: Array<Column<EscalationStep>> = [
    {
      id: 'what',
      header: t('bizowner.escalation.col.what', 'Contact point or policy'),
      cell: ({ row: { original } }: Cell) =>
        original.kind === 'policy' ? t('bizowner.escalation.policyTree', 'Notification policies') : original.name,
    },
    {
      id: 'action',
      header: t('bizowner.escalation.col.change', 'Change'),
      cell: ({ row: { original } }: Cell) => (
        <Badge color={ACTION_COLORS[original.action]} text={actionLabel(original.action)} />
      ),
    },
    {
      id: 'detail',
      header: t('bizowner.escalation.col.detail', 'Details'),
      cell: ({ row: { original } }: Cell) => detailText(original),
    },
  ];
  if (pushed) {
    columns.push({
      id: 'outcome',
      header: t('bizowner.escalation.col.outcome', 'Result'),
      cell: ({ row: { original } }: Cell) => outcomeText(original),
    });
  }
  return (
    <div data-testid={testIds.escalation.steps}>
      <InteractiveTable
        columns={columns}
        data={steps}
        getRowId={(step: EscalationStep) => (step.kind === 'policy' ? 'policy' : step.uid)}
      />
    </div>
  );
}
