import React from 'react';
import { Badge, BadgeColor } from '@grafana/ui';
import { ScoreLevel } from '../../domain/governance/types';
import { levelLabel } from '../labels';

const COLORS: Record<ScoreLevel, BadgeColor> = {
  none: 'darkgrey',
  beginner: 'blue',
  intermediate: 'purple',
  advanced: 'green',
};

/** The maturity level a service reached on the governance ladder. */
export function LevelBadge({ level }: { level: ScoreLevel }) {
  return <Badge color={COLORS[level]} text={levelLabel(level)} />;
}
