export {
  allowedErrorRatio,
  budgetConsumed,
  budgetRemaining,
  burnRate,
  errorBudgetSeconds,
  objectiveRatio,
  spentWindowsInARow,
  tidy,
  timeToExhaustion,
} from './budget';
export { formatBudgetDuration } from './format';
export {
  CALENDAR_MONTH,
  daysInMonth,
  isProblem,
  parseSloWindow,
  ruleWindowDays,
  windowDays,
  windowStart,
  type ParsedWindow,
} from './window';
