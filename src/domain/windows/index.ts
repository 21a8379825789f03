export { WINDOW_PRESETS, type BurnWindowShare, type WindowPreset } from './presets';
export {
  budgetSpentWhenFires,
  burnFactor,
  distinctWindows,
  enabledBurnWindows,
  resolveBurnWindows,
  summarizeTiers,
  windowSeconds,
  windowsInUse,
  type TierSummary,
} from './windows';
