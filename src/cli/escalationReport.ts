/** The steps of an escalation dry run or push, one line each, as the `escalation` command prints them. */
import { EscalationStep, PolicyStep, StepReason } from '../api/alerting/pushEscalation';
import { PolicyChanges } from '../domain/escalation';
import { plural } from './shared';

const REASONS: Record<StepReason, string> = {
  fileProvisioned:
    'the notification policy tree is provisioned from a file, which Grafana applies again at every start: add the routes to that file (the --alertmanager output has the same routes)',
  contactPointFailed: 'not written, because a contact point it names failed',
  policyNotWritten: 'not deleted, because the policy tree that stops naming it was not written',
};

function list(ids: string[]): string {
  return ids.join(', ');
}

function policyChanges(changes: PolicyChanges): string {
  const parts: string[] = [];
  if (changes.created) {
    parts.push(
      `add the app's route (sloth_id=~".+") as the first policy, for ${plural(changes.added.length, 'service')}: ${list(changes.added)}`
    );
  } else {
    if (changes.added.length > 0) {
      parts.push(`route ${list(changes.added)}`);
    }
    if (changes.changed.length > 0) {
      parts.push(`reroute ${list(changes.changed)}`);
    }
    if (changes.removed.length > 0) {
      parts.push(`stop routing ${list(changes.removed)}`);
    }
    if (changes.rootChanged) {
      parts.push("change the app route's grouping or fallback");
    }
  }
  parts.push(`keep the other ${plural(changes.otherRoutes, 'policy', 'policies')} as they are`);
  return parts.join('; ');
}

function what(step: EscalationStep): string {
  if (step.kind === 'policy') {
    const provisioned = step.provenance ? ` (provisioned: ${step.provenance})` : '';
    return step.action === 'unchanged'
      ? `notification policies${provisioned}: unchanged`
      : `notification policies${provisioned}: ${policyChanges(step.changes)}`;
  }
  const locked = step.staysProvisioned ? ', provisioned' : '';
  const name = `contact point ${step.name} (uid ${step.uid}${locked})`;
  switch (step.action) {
    case 'create':
      return `${name}: create, email ${list(step.emails)}`;
    case 'update':
      return `${name}: update, email ${list(step.previousEmails ?? [])} → ${list(step.emails)}`;
    case 'delete':
      return `${name}: delete, no receiver needs it any more`;
    default:
      return `${name}: unchanged`;
  }
}

function outcome(step: EscalationStep): string {
  switch (step.outcome) {
    case 'done':
      return step.action === 'unchanged' ? '' : ': done';
    case 'failed':
      return step.reason
        ? `: failed, ${REASONS[step.reason]}`
        : `: failed (HTTP ${step.status ?? '—'}: ${step.message})`;
    case 'skipped':
      return `: skipped, ${step.reason ? REASONS[step.reason] : 'an earlier step failed'}`;
    default:
      return '';
  }
}

/** One line per step: what changes and, after a push, what happened. */
export function formatEscalationStep(step: EscalationStep): string {
  return `${what(step)}${outcome(step)}`;
}

/** A warning when the preview shows a tree that the push cannot or should not write. */
export function policyWarning(policy: PolicyStep | undefined): string | undefined {
  return policy?.provenance === 'file' && policy.action === 'update' ? REASONS.fileProvisioned : undefined;
}
