import React from 'react';
import { Badge, BadgeColor } from '@grafana/ui';
import { SloHealth } from '../../domain/registryView/sloStatus';
import { healthLabel } from '../labels';

const COLORS: Record<SloHealth | 'none', BadgeColor> = {
  ok: 'green',
  atRisk: 'orange',
  exhausted: 'red',
  noData: 'darkgrey',
  none: 'darkgrey',
};

/** The health of an SLO or of a service's SLOs; `tooltip` says why (e.g. why there is no data). */
export function SloHealthBadge({ health, tooltip }: { health: SloHealth | 'none'; tooltip?: string }) {
  return <Badge color={COLORS[health]} text={healthLabel(health)} tooltip={tooltip} />;
}
