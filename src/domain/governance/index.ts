export { COST_SPIKE_FACTOR, FAILURE_MODE_CHECKS, OVERSPENT_WINDOWS_LIMIT } from './failureModes';
export { LADDER_CHECKS } from './ladderChecks';
export { summarizePortfolio, type PortfolioSummary } from './portfolio';
export { GOVERNANCE_CHECKS, scoreRegistry, scoreService, scoringContext, type ScoringContext } from './scorecard';
export * from './types';
