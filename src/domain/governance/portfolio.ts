import { GOVERNANCE_CHECKS } from './scorecard';
import { CheckOutcome, Scorecard, ScoreLevel } from './types';

export interface PortfolioSummary {
  services: number;
  /** Services per ladder level reached. */
  levels: Record<ScoreLevel, number>;
  /** Services that fail at least one failure mode. */
  needingAttention: number;
  /** Per check id, how many services got each outcome. */
  outcomes: Record<string, Record<CheckOutcome, number>>;
}

/** Counts across all scorecards, for the summary above the per-service list. */
export function summarizePortfolio(cards: Scorecard[]): PortfolioSummary {
  const levels: Record<ScoreLevel, number> = { none: 0, beginner: 0, intermediate: 0, advanced: 0 };
  const outcomes: PortfolioSummary['outcomes'] = Object.fromEntries(
    GOVERNANCE_CHECKS.map((check) => [check.id, { pass: 0, fail: 0, unknown: 0, notApplicable: 0 }])
  );
  let needingAttention = 0;
  for (const card of cards) {
    levels[card.level]++;
    if (card.failing.length > 0) {
      needingAttention++;
    }
    for (const result of card.results) {
      outcomes[result.id][result.outcome]++;
    }
  }
  return { services: cards.length, levels, needingAttention, outcomes };
}
