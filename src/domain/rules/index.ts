export { buildGrafanaAlertRules, type GrafanaAlertRule, type GrafanaAlertRuleOptions } from './grafana';
export {
  generateRuleFiles,
  generateSloRules,
  mergeRuleFiles,
  SHARED_ALERTS,
  SHARED_RULES,
  sharedRuleFile,
  type GenerateOptions,
  type GeneratedRuleFiles,
  type ServiceRuleFile,
} from './generate';
export * from './names';
export { exactRange } from './ranges';
export { renderRuleFile } from './render';
export { standaloneRuleFile, TILE_INTERVAL } from './sli-rules';
export {
  isAlertingRule,
  type AlertingRule,
  type RecordingRule,
  type Rule,
  type RuleFile,
  type RuleGroup,
  type SloRules,
} from './types';
