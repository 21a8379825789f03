/**
 * Everything the rule generators need to know about one SLO, worked out once: its service and
 * owners, the labels every rule carries, the period and the burn windows.
 */
import { allowedErrorRatio } from '../budget/budget';
import { isProblem, parseSloWindow, ruleWindowDays } from '../budget/window';
import { BurnWindow, Person, RegistryDocument, Service, Slo } from '../model';
import { formatMatchers } from '../promql/selector';
import {
  distinctWindows,
  enabledBurnWindows,
  resolveBurnWindows,
  windowSeconds,
  windowsInUse,
} from '../windows/windows';
import {
  CURRENT_WINDOW,
  LABEL_BUSINESS_OWNER,
  LABEL_ID,
  LABEL_SERVICE,
  LABEL_SLO,
  LABEL_TEAM,
  LABEL_TIER,
  TILE_WINDOW,
} from './names';

export interface SloContext {
  slo: Slo;
  service?: Service;
  businessOwner?: Person;
  /** Period in days as the rules evaluate it (a calendar month counts as 30). */
  periodDays: number;
  /** The period as a Prometheus range, e.g. `30d`. */
  period: string;
  allowed: number;
  groupBy: string[];
  /** Labels on every recorded series: SLO labels, owner labels, then the reserved Sloth ones. */
  labels: Record<string, string>;
  /** `{sloth_id="…"}`: selects this SLO's recorded series. */
  matcher: string;
  /** Burn windows that alert. */
  alertWindows: BurnWindow[];
  /** Every window with a recorded error ratio, shortest first. */
  sliWindows: string[];
  /** Longest recorded window: the release-freeze policy measures its burn rate there. */
  policyWindow: string;
  runbookUrl?: string;
}

/** Services and people by id, built once per document rather than once per SLO. */
export interface RegistryIndex {
  services: Map<string, Service>;
  people: Map<string, Person>;
}

/** Indexes a document's services and people by id. */
export function indexRegistry(doc: RegistryDocument): RegistryIndex {
  return {
    services: new Map(doc.services.map((service) => [service.id, service])),
    people: new Map(doc.people.map((person) => [person.id, person])),
  };
}

/**
 * Builds the context of an SLO. Throws when the SLO's window is invalid: generators run on
 * validated documents, so this is a programming error rather than user input.
 */
export function buildSloContext(slo: Slo, index: RegistryIndex): SloContext {
  const window = parseSloWindow(slo.window);
  if (isProblem(window)) {
    throw new Error(`SLO ${slo.id}: ${window.message}`);
  }
  const periodDays = ruleWindowDays(window);
  const service = index.services.get(slo.serviceId);
  const people = index.people;
  const businessOwner = service?.owners.businessOwner ? people.get(service.owners.businessOwner) : undefined;
  const all = resolveBurnWindows(slo.alerting, periodDays);
  // Freeform SLIs have no event counts: their period is the average of the 1h ratio.
  const extra = slo.sli.kind === 'freeform' ? [CURRENT_WINDOW, TILE_WINDOW] : [CURRENT_WINDOW];
  const sliWindows = distinctWindows([...windowsInUse(all), ...extra]);
  return {
    slo,
    service,
    businessOwner,
    periodDays,
    period: `${periodDays}d`,
    allowed: allowedErrorRatio(slo.objective),
    groupBy: slo.groupBy ?? [],
    labels: sloLabels(slo, service, businessOwner, people),
    matcher: formatMatchers({ [LABEL_ID]: slo.id }),
    alertWindows: enabledBurnWindows(slo.alerting, periodDays),
    sliWindows,
    policyWindow: sliWindows.reduce((a, b) => (windowSeconds(b) > windowSeconds(a) ? b : a)),
    runbookUrl: slo.alerting.runbookUrl ?? service?.links.find((link) => link.type === 'runbook')?.url,
  };
}

function sloLabels(
  slo: Slo,
  service: Service | undefined,
  businessOwner: Person | undefined,
  people: Map<string, Person>
): Record<string, string> {
  const serviceOwner = service?.owners.serviceOwner ? people.get(service.owners.serviceOwner) : undefined;
  const team = service?.onCall?.team ?? serviceOwner?.team ?? businessOwner?.team;
  const owners: Record<string, string | undefined> = {
    [LABEL_BUSINESS_OWNER]: businessOwner?.id,
    [LABEL_TEAM]: team,
    [LABEL_TIER]: service ? String(service.tier) : undefined,
  };
  const labels: Record<string, string> = { ...slo.labels };
  for (const [name, value] of Object.entries(owners)) {
    if (value) {
      labels[name] = value;
    }
  }
  return { ...labels, [LABEL_ID]: slo.id, [LABEL_SERVICE]: slo.serviceId, [LABEL_SLO]: slo.id };
}
