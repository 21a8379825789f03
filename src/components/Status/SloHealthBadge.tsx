import React from 'react';
import { Badge, BadgeColor } from '@grafana/ui';
import { SloHealth, SloHealthReason } from '../../domain/registryView/sloStatus';
import { sloStatusLabel } from '../labels';
import { DeferredTooltip } from '../Tooltip/DeferredTooltip';

const COLORS: Record<SloHealth | 'none', BadgeColor> = {
  ok: 'green',
  atRisk: 'orange',
  exhausted: 'red',
  noData: 'darkgrey',
  none: 'darkgrey',
};

/**
 * The health of an SLO or of a service's SLOs, named after the rule behind it when `reason` is
 * given ("Release freeze", "Budget low"); `tooltip` says why (the values, or why there is no data),
 * made when it shows when it is a function. `label` is the name when the caller has it already.
 */
export function SloHealthBadge({
  health,
  reason,
  tooltip,
  label,
}: {
  health: SloHealth | 'none';
  reason?: SloHealthReason;
  tooltip?: string | (() => string);
  label?: string;
}) {
  const badge = <Badge color={COLORS[health]} text={label ?? sloStatusLabel(health, reason)} />;
  if (tooltip === undefined) {
    return badge;
  }
  return <DeferredTooltip content={tooltip}>{badge}</DeferredTooltip>;
}
