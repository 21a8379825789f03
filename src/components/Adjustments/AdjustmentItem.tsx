import React from 'react';
import { dateTimeFormat } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Badge, Stack, Text } from '@grafana/ui';
import { describeSchedule } from '../../domain/adjustments/adjustments';
import { BudgetAdjustment } from '../../domain/model';
import { WriteButton } from '../Registry/WriteButton';
import { testIds } from '../testIds';
import { adjustmentKindLabel } from './adjustmentTexts';

const RAW = { interpolation: { escapeValue: false } };

interface Props {
  adjustment: BudgetAdjustment;
  serviceName: string;
  /** The business owner's name, who approves. */
  ownerName: string;
  /** Why the signed-in user may not approve; absent for the business owner. */
  notOwnerReason?: string;
  /** The validator's warnings about it (an overlap). */
  warnings: string[];
  busy: boolean;
  onApprove(): void;
  onEdit(): void;
  onRemove(): void;
}

/** One adjustment: approved or pending, its kind and reason, when, what it covers, and its actions. */
export function AdjustmentItem({
  adjustment,
  serviceName,
  ownerName,
  notOwnerReason,
  warnings,
  busy,
  onApprove,
  onEdit,
  onRemove,
}: Props) {
  const { approval } = adjustment;
  const scope = adjustment.sloIds?.length
    ? t('bizowner.adjustments.item.slos', 'SLOs {{slos}}', { slos: adjustment.sloIds.join(', '), ...RAW })
    : t('bizowner.adjustments.item.service', 'every SLO of {{service}}', { service: serviceName, ...RAW });
  const alerts = adjustment.silenceAlerts
    ? t('bizowner.adjustments.item.silenced', 'burn alerts held back')
    : t('bizowner.adjustments.item.alerting', 'burn alerts still fire');
  return (
    <Stack direction="column" gap={0.5} data-testid={testIds.adjustments.item}>
      <Stack gap={1} alignItems="center" wrap="wrap">
        <span data-testid={testIds.adjustments.status}>
          <Badge
            color={approval ? 'green' : 'orange'}
            text={
              approval
                ? t('bizowner.adjustments.item.approved', 'Approved')
                : t('bizowner.adjustments.item.pending', 'Pending approval')
            }
          />
        </span>
        <Text weight="medium">{adjustmentKindLabel(adjustment.kind)}</Text>
        <Text>{adjustment.reason}</Text>
        {!approval && (
          <WriteButton
            variant="primary"
            icon="check"
            busy={busy}
            onClick={onApprove}
            disabledReason={notOwnerReason}
            data-testid={testIds.adjustments.approve}
          >
            {t('bizowner.adjustments.item.approve', 'Approve')}
          </WriteButton>
        )}
        <WriteButton variant="secondary" icon="pen" onClick={onEdit} data-testid={testIds.adjustments.edit}>
          {t('bizowner.adjustments.item.edit', 'Edit')}
        </WriteButton>
        <WriteButton variant="secondary" icon="trash-alt" onClick={onRemove} data-testid={testIds.adjustments.remove}>
          {t('bizowner.adjustments.item.remove', 'Remove')}
        </WriteButton>
      </Stack>
      <Text color="secondary" variant="bodySmall">
        {t('bizowner.adjustments.item.detail', '{{schedule}} · {{scope}} · {{alerts}} · recorded by {{by}} on {{at}}', {
          schedule: describeSchedule(adjustment),
          scope,
          alerts,
          by: adjustment.by,
          at: dateTimeFormat(adjustment.at),
          ...RAW,
        })}
      </Text>
      <Text color="secondary" variant="bodySmall">
        {approval
          ? t(
              'bizowner.adjustments.item.approvedBy',
              'Approved by {{by}} on {{at}}: left out of the adjusted budget.',
              {
                by: approval.by,
                at: dateTimeFormat(approval.at),
                ...RAW,
              }
            )
          : t('bizowner.adjustments.item.awaiting', 'No effect until the business owner ({{owner}}) approves it.', {
              owner: ownerName,
              ...RAW,
            })}
      </Text>
      {warnings.map((warning) => (
        <Text key={warning} color="warning" variant="bodySmall">
          {warning}
        </Text>
      ))}
    </Stack>
  );
}
