/**
 * Prometheus (and Loki/Mimir/Cortex ruler) rule files as plain data: the `groups:` format.
 */

export interface RecordingRule {
  record: string;
  expr: string;
  labels?: Record<string, string>;
}

export interface AlertingRule {
  alert: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export type Rule = RecordingRule | AlertingRule;

export interface RuleGroup {
  /** Unique within a file (and within a ruler namespace). */
  name: string;
  /** Evaluation interval; the ruler's global one when absent. */
  interval?: string;
  rules: Rule[];
}

export interface RuleFile {
  groups: RuleGroup[];
}

/** The rules of one SLO: Prometheus groups, and Loki ruler groups for log-based SLIs. */
export interface SloRules {
  sloId: string;
  serviceId: string;
  prometheus: RuleGroup[];
  loki: RuleGroup[];
}

/** Whether a rule is an alerting rule. */
export function isAlertingRule(rule: Rule): rule is AlertingRule {
  return 'alert' in rule;
}
