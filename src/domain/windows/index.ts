export { WINDOW_PRESETS, type BurnWindowShare, type WindowPreset } from './presets';
export {
  budgetSpentWhenFires,
  burnFactor,
  enabledBurnWindows,
  resolveBurnWindows,
  summarizeTiers,
  windowSeconds,
  windowsInUse,
  type TierSummary,
} from './windows';
