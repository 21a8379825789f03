import { BadgeColor } from '@grafana/ui';
import { SloListStatus } from './sloRows';

/** The badge colour of each status, for SLOs and their groups alike. */
export const STATUS_COLORS: Record<SloListStatus, BadgeColor> = {
  exhausted: 'red',
  burning: 'orange',
  noData: 'darkgrey',
  ok: 'green',
};
