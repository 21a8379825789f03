/**
 * Pushing generated alert rules to Grafana alerting, idempotently: every rule has a stable uid
 * (SLO id and tier), so each one is looked up and updated when it exists, created otherwise; a
 * second push updates, never duplicates. Then each rule group gets the evaluation interval the
 * burn-rate windows were designed for, and rules of the pushed SLOs that the SLO no longer
 * generates (a tier switched off) are deleted. Every step's outcome is reported, failures with
 * Grafana's message.
 */
import { GrafanaAlertRule, LABEL_ID } from '../../domain/rules';
import { ApiFailure } from '../backend';
import {
  createAlertRule,
  deleteAlertRule,
  getAlertRule,
  getRuleGroup,
  ProvisionedRuleGroup,
  putRuleGroup,
  updateAlertRule,
} from './provisioning';

/** Evaluation interval of the pushed groups: the shortest alert window is 5 minutes. */
export const GROUP_INTERVAL_SECONDS = 60;

export type PushAction = 'created' | 'updated' | 'deleted' | 'intervalSet' | 'unchanged' | 'failed';

export interface PushStep {
  /** Rule uid, or the group name for group steps. */
  uid: string;
  title: string;
  kind: 'rule' | 'group';
  action: PushAction;
  status?: number;
  message?: string;
}

export interface PushOptions {
  /** Sends `X-Disable-Provenance` so that the rules stay editable in Grafana's alerting UI. */
  editable: boolean;
}

function failed(step: Omit<PushStep, 'action'>, failure: ApiFailure): PushStep {
  return { ...step, action: 'failed', status: failure.status, message: failure.message };
}

async function pushRule(rule: GrafanaAlertRule, editable: boolean): Promise<PushStep> {
  const step = { uid: rule.uid, title: rule.title, kind: 'rule' as const };
  const existing = await getAlertRule(rule.uid);
  if (!existing.ok && existing.status !== 404) {
    return failed(step, existing);
  }
  const written = existing.ok ? await updateAlertRule(rule, editable) : await createAlertRule(rule, editable);
  if (!written.ok) {
    return failed(step, written);
  }
  return { ...step, action: existing.ok ? 'updated' : 'created', status: written.status };
}

async function settleGroup(
  folderUid: string,
  title: string,
  pushed: GrafanaAlertRule[],
  editable: boolean
): Promise<PushStep[]> {
  const step = { uid: title, title, kind: 'group' as const };
  const group = await getRuleGroup(folderUid, title);
  if (!group.ok) {
    return [failed(step, group)];
  }
  const sloIds = new Set(pushed.map((rule) => rule.labels[LABEL_ID]));
  const uids = new Set(pushed.map((rule) => rule.uid));
  const stale = group.value.rules.filter((rule) => sloIds.has(rule.labels?.[LABEL_ID] ?? '') && !uids.has(rule.uid));
  const steps: PushStep[] = [];
  for (const rule of stale) {
    const deleted = await deleteAlertRule(rule.uid, editable);
    const ruleStep = { uid: rule.uid, title: rule.title, kind: 'rule' as const };
    steps.push(deleted.ok ? { ...ruleStep, action: 'deleted', status: deleted.status } : failed(ruleStep, deleted));
  }
  if (group.value.interval === GROUP_INTERVAL_SECONDS) {
    return [...steps, { ...step, action: 'unchanged' }];
  }
  const staleUids = new Set(stale.map((rule) => rule.uid));
  const next: ProvisionedRuleGroup = {
    ...group.value,
    interval: GROUP_INTERVAL_SECONDS,
    rules: group.value.rules.filter((rule) => !staleUids.has(rule.uid)),
  };
  const put = await putRuleGroup(next, editable);
  return [...steps, put.ok ? { ...step, action: 'intervalSet', status: put.status } : failed(step, put)];
}

/** Pushes `rules` one by one, then settles each of their groups; returns every step in order. */
export async function pushAlertRules(rules: GrafanaAlertRule[], options: PushOptions): Promise<PushStep[]> {
  const steps: PushStep[] = [];
  for (const rule of rules) {
    steps.push(await pushRule(rule, options.editable));
  }
  const groups = new Map<string, GrafanaAlertRule[]>();
  for (const rule of rules) {
    const key = `${rule.folderUID}\u0000${rule.ruleGroup}`;
    groups.set(key, [...(groups.get(key) ?? []), rule]);
  }
  for (const grouped of groups.values()) {
    const [first] = grouped;
    if (grouped.some((rule) => steps.some((step) => step.uid === rule.uid && step.action !== 'failed'))) {
      steps.push(...(await settleGroup(first.folderUID, first.ruleGroup, grouped, options.editable)));
    }
  }
  return steps;
}
