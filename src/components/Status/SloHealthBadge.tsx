import React from 'react';
import { Badge, BadgeColor } from '@grafana/ui';
import { SloHealth, SloHealthReason } from '../../domain/registryView/sloStatus';
import { sloStatusLabel } from '../labels';

const COLORS: Record<SloHealth | 'none', BadgeColor> = {
  ok: 'green',
  atRisk: 'orange',
  exhausted: 'red',
  noData: 'darkgrey',
  none: 'darkgrey',
};

/**
 * The health of an SLO or of a service's SLOs, named after the rule behind it when `reason` is
 * given ("Release freeze", "Budget low"); `tooltip` says why (the values, or why there is no data).
 */
export function SloHealthBadge({
  health,
  reason,
  tooltip,
}: {
  health: SloHealth | 'none';
  reason?: SloHealthReason;
  tooltip?: string;
}) {
  return <Badge color={COLORS[health]} text={sloStatusLabel(health, reason)} tooltip={tooltip} />;
}
