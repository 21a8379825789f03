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

/** The maturity level a service reached on the governance ladder; `label` is its name when the caller has it already. */
export function LevelBadge({ level, label }: { level: ScoreLevel; label?: string }) {
  return <Badge color={COLORS[level]} text={label ?? levelLabel(level)} />;
}
