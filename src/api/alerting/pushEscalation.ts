/**
 * Pushing the escalation plan to Grafana-managed alerting. A preview reads what is there and says
 * what a push would change, writing nothing (the dry run); a push then writes in the order Grafana
 * accepts: contact points first (a route may only name a contact point that exists), then the
 * policy tree, read again just before it is written so that routes others changed meanwhile are
 * kept, and last the app's contact points no receiver needs any more (Grafana refuses to delete a
 * contact point a route still names). Only contact points whose uid the app derives are touched,
 * and of the tree only the app's own route.
 */
import {
  CONTACT_POINT_UID_PREFIX,
  describePolicyChanges,
  GrafanaContactPoint,
  GrafanaEscalation,
  GrafanaRoute,
  mergePolicyTree,
  PolicyChanges,
  sameRoute,
} from '../../domain/escalation';
import { isProvisioned, NotificationApi, ProvisionedContactPoint } from './notificationProvisioning';

export type EscalationAction = 'create' | 'update' | 'delete' | 'unchanged';
/** `planned` in a preview; after a push, what happened (`skipped`: not tried, an earlier step failed). */
export type StepOutcome = 'planned' | 'done' | 'failed' | 'skipped';

/**
 * Why a step failed or was skipped without Grafana being asked: the tree is provisioned from a
 * file (Grafana reapplies the file at every start, so the routes belong there), a contact point the
 * tree names failed, or the tree that stops naming a stale contact point was not written.
 */
export type StepReason = 'fileProvisioned' | 'contactPointFailed' | 'policyNotWritten';

interface StepResult {
  outcome: StepOutcome;
  /** HTTP status of a failure Grafana answered. */
  status?: number;
  /** Grafana's message. */
  message?: string;
  reason?: StepReason;
}

export interface ContactPointStep extends StepResult {
  kind: 'contactPoint';
  action: EscalationAction;
  uid: string;
  name: string;
  /** The addresses after the push (before it, for a delete). */
  emails: string[];
  /** The addresses before an update. */
  previousEmails?: string[];
  /** Provisioned already: it stays locked in the UI (Grafana refuses to unlock it), whatever was asked. */
  staysProvisioned: boolean;
}

export interface PolicyStep extends StepResult {
  kind: 'policy';
  action: 'update' | 'unchanged';
  changes: PolicyChanges;
  /** The tree's provenance as read (`api`, `file`), when provisioned. */
  provenance?: string;
}

export type EscalationStep = ContactPointStep | PolicyStep;

export type EscalationResult =
  | { ok: true; steps: EscalationStep[] }
  | { ok: false; what: 'contactPoints' | 'policies'; status?: number; message: string };

export interface EscalationPushOptions {
  /** Sends `X-Disable-Provenance` so that an admin can add chat integrations and edit routes in the UI. */
  editable: boolean;
}

/** Grafana's `addresses`, split the ways Grafana splits them. */
function addressesOf(point: ProvisionedContactPoint | GrafanaContactPoint): string[] {
  const text = typeof point.settings?.addresses === 'string' ? point.settings.addresses : '';
  return text
    .split(/[;,\n]/)
    .map((address) => address.trim())
    .filter(Boolean);
}

function sameContactPoint(current: ProvisionedContactPoint, next: GrafanaContactPoint): boolean {
  return (
    current.name === next.name &&
    current.type === next.type &&
    addressesOf(current).join(';') === addressesOf(next).join(';') &&
    Boolean(current.settings?.singleEmail) === next.settings.singleEmail &&
    Boolean(current.disableResolveMessage) === next.disableResolveMessage
  );
}

function contactPointSteps(current: ProvisionedContactPoint[], wanted: GrafanaContactPoint[]): ContactPointStep[] {
  const byUid = new Map(current.map((point) => [point.uid, point]));
  const wantedUids = new Set(wanted.map((point) => point.uid));
  const steps: ContactPointStep[] = wanted.map((point) => {
    const existing = byUid.get(point.uid);
    const action: EscalationAction = !existing ? 'create' : sameContactPoint(existing, point) ? 'unchanged' : 'update';
    return {
      kind: 'contactPoint',
      action,
      uid: point.uid,
      name: point.name,
      emails: addressesOf(point),
      previousEmails: action === 'update' && existing ? addressesOf(existing) : undefined,
      staysProvisioned: isProvisioned(existing?.provenance),
      outcome: 'planned',
    };
  });
  const stale = current
    .filter((point) => point.uid.startsWith(CONTACT_POINT_UID_PREFIX) && !wantedUids.has(point.uid))
    .sort((a, b) => (a.uid < b.uid ? -1 : 1));
  for (const point of stale) {
    steps.push({
      kind: 'contactPoint',
      action: 'delete',
      uid: point.uid,
      name: point.name,
      emails: addressesOf(point),
      staysProvisioned: isProvisioned(point.provenance),
      outcome: 'planned',
    });
  }
  return steps;
}

function policyStep(tree: GrafanaRoute, route: GrafanaRoute): PolicyStep {
  const unchanged = sameRoute(tree, mergePolicyTree(tree, route));
  return {
    kind: 'policy',
    action: unchanged ? 'unchanged' : 'update',
    changes: describePolicyChanges(tree, route),
    provenance: isProvisioned(tree.provenance) ? tree.provenance : undefined,
    outcome: 'planned',
  };
}

/**
 * What a push of `wanted` would change, read from Grafana and written nowhere: contact points to
 * create, update or delete, then the policy tree.
 */
export async function previewEscalation(api: NotificationApi, wanted: GrafanaEscalation): Promise<EscalationResult> {
  const points = await api.listContactPoints();
  if (!points.ok) {
    return { ok: false, what: 'contactPoints', status: points.status, message: points.message };
  }
  const tree = await api.getPolicyTree();
  if (!tree.ok) {
    return { ok: false, what: 'policies', status: tree.status, message: tree.message };
  }
  const steps = contactPointSteps(points.value ?? [], wanted.contactPoints);
  const policy = policyStep(tree.value, wanted.route);
  // Deletions come last: a route may still name the contact point until the tree is written.
  return {
    ok: true,
    steps: [...steps.filter((step) => step.action !== 'delete'), policy, ...steps.filter((s) => s.action === 'delete')],
  };
}

async function writePolicy(
  api: NotificationApi,
  step: PolicyStep,
  route: GrafanaRoute,
  editable: boolean
): Promise<PolicyStep> {
  // Read again: whatever changed in the tree since the preview is kept.
  const fresh = await api.getPolicyTree();
  if (!fresh.ok) {
    return { ...step, outcome: 'failed', status: fresh.status, message: fresh.message };
  }
  if (fresh.value.provenance === 'file') {
    return { ...step, outcome: 'failed', reason: 'fileProvisioned' };
  }
  const next = mergePolicyTree(fresh.value, route);
  if (sameRoute(fresh.value, next)) {
    return { ...step, outcome: 'done' };
  }
  const written = await api.putPolicyTree(next, editable && !isProvisioned(fresh.value.provenance));
  return written.ok
    ? { ...step, outcome: 'done' }
    : { ...step, outcome: 'failed', status: written.status, message: written.message };
}

async function writeContactPoint(
  api: NotificationApi,
  step: ContactPointStep,
  point: GrafanaContactPoint | undefined,
  editable: boolean
): Promise<ContactPointStep> {
  const unlock = editable && !step.staysProvisioned;
  let written;
  if (step.action === 'create' && point) {
    written = await api.createContactPoint(point, unlock);
  } else if (step.action === 'update' && point) {
    written = await api.updateContactPoint(point, unlock);
  } else if (step.action === 'delete') {
    written = await api.deleteContactPoint(step.uid);
  } else {
    return { ...step, outcome: 'done' };
  }
  return written.ok
    ? { ...step, outcome: 'done' }
    : { ...step, outcome: 'failed', status: written.status, message: written.message };
}

/** Previews, then writes what changes; every step comes back with its outcome. */
export async function pushEscalation(
  api: NotificationApi,
  wanted: GrafanaEscalation,
  options: EscalationPushOptions
): Promise<EscalationResult> {
  const preview = await previewEscalation(api, wanted);
  if (!preview.ok) {
    return preview;
  }
  const points = new Map(wanted.contactPoints.map((point) => [point.uid, point]));
  const pointSteps = preview.steps.filter((step): step is ContactPointStep => step.kind === 'contactPoint');
  const done: EscalationStep[] = [];
  for (const step of pointSteps.filter((candidate) => candidate.action !== 'delete')) {
    done.push(await writeContactPoint(api, step, points.get(step.uid), options.editable));
  }
  const policy = preview.steps.find((step): step is PolicyStep => step.kind === 'policy')!;
  let policyDone: PolicyStep;
  if (policy.action === 'unchanged') {
    policyDone = { ...policy, outcome: 'done' };
  } else if (done.some((step) => step.outcome === 'failed')) {
    policyDone = { ...policy, outcome: 'skipped', reason: 'contactPointFailed' };
  } else {
    policyDone = await writePolicy(api, policy, wanted.route, options.editable);
  }
  done.push(policyDone);
  for (const step of pointSteps.filter((candidate) => candidate.action === 'delete')) {
    done.push(
      policyDone.outcome === 'done'
        ? await writeContactPoint(api, step, undefined, options.editable)
        : { ...step, outcome: 'skipped', reason: 'policyNotWritten' }
    );
  }
  return { ok: true, steps: done };
}
