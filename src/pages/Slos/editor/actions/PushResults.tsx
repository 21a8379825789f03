import React from 'react';
import { t } from '@grafana/i18n';
import { Badge, BadgeColor, Column, InteractiveTable } from '@grafana/ui';
import { PushAction, PushStep } from '../../../../api/alerting/pushAlertRules';
import { testIds } from '../../../../components/testIds';

type Cell = { row: { original: PushStep } };

const COLORS: Record<PushAction, BadgeColor> = {
  created: 'green',
  updated: 'blue',
  deleted: 'purple',
  intervalSet: 'blue',
  unchanged: 'darkgrey',
  failed: 'red',
};

function actionLabel(action: PushAction): string {
  const labels: Record<PushAction, string> = {
    created: t('bizowner.push.action.created', 'Created'),
    updated: t('bizowner.push.action.updated', 'Updated'),
    deleted: t('bizowner.push.action.deleted', 'Deleted (tier switched off)'),
    intervalSet: t('bizowner.push.action.intervalSet', 'Group interval set to 1m'),
    unchanged: t('bizowner.push.action.unchanged', 'Group interval already 1m'),
    failed: t('bizowner.push.action.failed', 'Failed'),
  };
  return labels[action];
}

/** One row per rule and rule group pushed: what Grafana did, or its answer when it refused. */
export function PushResults({ steps }: { steps: PushStep[] }) {
  const columns: Array<Column<PushStep>> = [
    {
      id: 'title',
      header: t('bizowner.push.col.rule', 'Rule or group'),
      cell: ({ row: { original } }: Cell) => original.title,
    },
    { id: 'uid', header: t('bizowner.push.col.uid', 'Uid'), cell: ({ row: { original } }: Cell) => original.uid },
    {
      id: 'action',
      header: t('bizowner.push.col.result', 'Result'),
      cell: ({ row: { original } }: Cell) => (
        <Badge color={COLORS[original.action]} text={actionLabel(original.action)} />
      ),
    },
    {
      id: 'message',
      header: t('bizowner.push.col.message', "Grafana's answer"),
      cell: ({ row: { original } }: Cell) =>
        original.action === 'failed'
          ? t('bizowner.push.failure', 'HTTP {{status}}: {{message}}', {
              status: original.status ?? '—',
              message: original.message ?? '',
              interpolation: { escapeValue: false },
            })
          : '',
    },
  ];
  return (
    <div data-testid={testIds.sloEditor.pushResult}>
      <InteractiveTable columns={columns} data={steps} getRowId={(step: PushStep) => `${step.kind}-${step.uid}`} />
    </div>
  );
}
