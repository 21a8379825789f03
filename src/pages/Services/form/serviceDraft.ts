/**
 * What the service form edits, and its conversion to and from a `Service`. Numbers and lists are
 * kept as the user typed them; the conversion passes anything it cannot read as it is, so that
 * the domain validator reports it next to its field (e.g. `kpis[0].target must be a number`).
 */
import { ImpactFlags, Kpi, Lifecycle, Owners, Service, ServiceLink, Tier } from '../../../domain/model';

export interface KpiDraft {
  id: string;
  name: string;
  query: string;
  unit: string;
  target: string;
  direction: 'higher' | 'lower';
}

export interface ServiceDraft {
  id: string;
  name: string;
  description: string;
  tier: Tier;
  lifecycle: Lifecycle;
  impact: ImpactFlags;
  owners: Owners;
  decisionScope: string;
  onCallTeam: string;
  /** Person ids or team names, comma-separated, first contacted first. */
  escalation: string;
  scheduleUrl: string;
  kpis: KpiDraft[];
  links: ServiceLink[];
  costTags: Array<{ key: string; value: string }>;
  /** Left empty, it becomes `{service="<id>"}`. */
  selector: string;
  dependsOn: string[];
}

/** The draft of a new service: tier 3 in production, nothing else decided. */
export function emptyDraft(): ServiceDraft {
  return {
    id: '',
    name: '',
    description: '',
    tier: 3,
    lifecycle: 'production',
    impact: { revenue: false, compliance: false, customerFacing: false, sla: false },
    owners: {},
    decisionScope: '',
    onCallTeam: '',
    escalation: '',
    scheduleUrl: '',
    kpis: [],
    links: [],
    costTags: [],
    selector: '',
    dependsOn: [],
  };
}

/** The draft that edits `service`. */
export function draftOf(service: Service): ServiceDraft {
  return {
    id: service.id,
    name: service.name,
    description: service.description ?? '',
    tier: service.tier,
    lifecycle: service.lifecycle,
    impact: { ...service.impact },
    owners: { ...service.owners },
    decisionScope: service.decisionScope ?? '',
    onCallTeam: service.onCall?.team ?? '',
    escalation: (service.onCall?.escalation ?? []).join(', '),
    scheduleUrl: service.onCall?.scheduleUrl ?? '',
    kpis: service.kpis.map((kpi) => ({
      id: kpi.id,
      name: kpi.name,
      query: kpi.query,
      unit: kpi.unit ?? '',
      target: kpi.target === undefined ? '' : String(kpi.target),
      direction: kpi.direction ?? 'higher',
    })),
    links: service.links.map((link) => ({ ...link })),
    costTags: Object.entries(service.costTags).map(([key, value]) => ({ key, value })),
    selector: service.selector,
    dependsOn: [...service.dependsOn],
  };
}

function optional(text: string): string | undefined {
  return text.trim() === '' ? undefined : text.trim();
}

/** A number when the text is one; the text itself otherwise, for the validator to report. */
function numberOrText(text: string): number | undefined {
  if (text.trim() === '') {
    return undefined;
  }
  const value = Number(text);
  return (Number.isFinite(value) ? value : text) as number;
}

function kpiOf(draft: KpiDraft): Kpi {
  const kpi: Kpi = {
    id: draft.id.trim(),
    name: draft.name.trim(),
    query: draft.query.trim(),
    direction: draft.direction,
  };
  const unit = optional(draft.unit);
  const target = numberOrText(draft.target);
  return { ...kpi, ...(unit ? { unit } : {}), ...(target !== undefined ? { target } : {}) };
}

/**
 * The service a draft describes, with `ownerHistory` and the policy's sign-off and exceptions
 * (`budgetPolicy`) from `previous` (the form never edits them).
 * Blank optional fields are left out rather than stored as empty text.
 */
export function serviceOf(draft: ServiceDraft, previous?: Service): Service {
  const id = draft.id.trim();
  const owners = Object.fromEntries(Object.entries(draft.owners).filter(([, person]) => Boolean(person)));
  const escalation = draft.escalation
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const onCall = {
    ...(optional(draft.onCallTeam) ? { team: optional(draft.onCallTeam) } : {}),
    ...(escalation.length > 0 ? { escalation } : {}),
    ...(optional(draft.scheduleUrl) ? { scheduleUrl: optional(draft.scheduleUrl) } : {}),
  };
  const service: Service = {
    id,
    name: draft.name.trim(),
    tier: draft.tier,
    lifecycle: draft.lifecycle,
    impact: { ...draft.impact },
    owners,
    kpis: draft.kpis.map(kpiOf),
    links: draft.links.map((link) => ({ type: link.type, title: link.title.trim(), url: link.url.trim() })),
    costTags: Object.fromEntries(
      draft.costTags.filter((tag) => tag.key.trim() !== '').map((tag) => [tag.key.trim(), tag.value])
    ),
    selector: optional(draft.selector) ?? (id ? `{service="${id}"}` : ''),
    dependsOn: [...draft.dependsOn],
    ownerHistory: previous?.ownerHistory ?? [],
  };
  const description = optional(draft.description);
  const decisionScope = optional(draft.decisionScope);
  return {
    ...service,
    ...(description ? { description } : {}),
    ...(decisionScope ? { decisionScope } : {}),
    ...(Object.keys(onCall).length > 0 ? { onCall } : {}),
    ...(previous?.budgetPolicy ? { budgetPolicy: previous.budgetPolicy } : {}),
  };
}
