/**
 * Everything the rule generators need to know about one SLO, worked out once: its service and
 * owners, the labels every rule carries, the period and the burn windows.
 */
import { allowedErrorRatio } from '../budget/budget';
import { DEFAULT_TIME_ZONE } from '../budget/period';
import { isProblem, parseSloWindow, ruleWindowDays } from '../budget/window';
import { CalendarWindow } from './calendar';
import { serviceTeam } from '../dashboards/filters';
import { Alerting, BurnWindow, Person, RegistryDocument, Service, Slo } from '../model';
import { formatMatchers } from '../query/selector';
import { distinctWindows, resolveBurnWindows, windowSeconds, windowsInUse } from '../windows/windows';
import {
  CURRENT_WINDOW,
  LABEL_BUSINESS_OWNER,
  LABEL_ID,
  LABEL_SERVICE,
  LABEL_SLO,
  LABEL_TEAM,
  LABEL_TIER,
  RESERVED_LABELS,
  slothSloName,
} from './names';

export interface SloContext {
  slo: Slo;
  service?: Service;
  businessOwner?: Person;
  /**
   * Period in days as alert presets and Sloth's series scale it (a calendar month counts as 30,
   * a quarter 90, a week 7).
   */
  periodDays: number;
  /** A calendar window's unit and time zone: its budget is summed from the start of the period. */
  calendar?: CalendarWindow;
  /** The period as a Prometheus range, e.g. `30d`. */
  period: string;
  allowed: number;
  groupBy: string[];
  /**
   * Labels on every recorded series: the SLO's labels, the owner labels derived from its service
   * where the SLO does not set them, then the reserved Sloth ones (`sloth_id` the SLO id,
   * `sloth_service` the service id, `sloth_slo` the SLO name as Sloth writes it: see
   * {@link slothSloName}).
   */
  labels: Record<string, string>;
  /** `{sloth_id="…"}`: selects this SLO's recorded series. */
  matcher: string;
  /** Burn windows that alert. */
  alertWindows: BurnWindow[];
  /** Every window the alerts read (and the 5m of the current burn rate), shortest first. */
  sliWindows: string[];
  /** Longest recorded window: the release-freeze policy measures its burn rate there. */
  policyWindow: string;
  runbookUrl?: string;
}

/** Services and people by id, built once per document rather than once per SLO. */
export interface RegistryIndex {
  services: Map<string, Service>;
  people: Map<string, Person>;
  /** Each service's {@link ownerLabels}, worked out for its first SLO. */
  ownerLabels?: Map<Service, Record<string, string>>;
}

/** Indexes a document's services and people by id. */
export function indexRegistry(doc: RegistryDocument): RegistryIndex {
  return {
    services: new Map(doc.services.map((service) => [service.id, service])),
    people: new Map(doc.people.map((person) => [person.id, person])),
    ownerLabels: new Map(),
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
  const { sliWindows, policyWindow } = recordedWindows(slo.alerting, all);
  return {
    slo,
    service,
    businessOwner,
    periodDays,
    ...(window.kind === 'calendar'
      ? { calendar: { unit: window.unit, timeZone: slo.timeZone ?? DEFAULT_TIME_ZONE } }
      : {}),
    period: `${periodDays}d`,
    allowed: allowedErrorRatio(slo.objective),
    groupBy: slo.groupBy ?? [],
    labels: sloLabels(slo, service, people, index.ownerLabels),
    matcher: formatMatchers({ [LABEL_ID]: slo.id }),
    alertWindows: alertWindows(slo.alerting, all),
    sliWindows,
    policyWindow,
    runbookUrl: slo.alerting.runbookUrl ?? service?.links.find((link) => link.type === 'runbook')?.url,
  };
}

/** What `enabledBurnWindows` (windows.ts) gives, from the SLO's windows already resolved. */
function alertWindows(alerting: Alerting, all: BurnWindow[]): BurnWindow[] {
  if (!alerting.enabled) {
    return [];
  }
  const disabled = alerting.disabledTiers ?? [];
  return disabled.length === 0 ? all : all.filter((window) => !disabled.includes(window.tier));
}

/**
 * The windows an SLO records and its policy window, which depend only on its burn windows' spans:
 * worked out once for each set of spans (a preset's, for most SLOs).
 */
function recordedWindows(alerting: Alerting, all: BurnWindow[]): { sliWindows: string[]; policyWindow: string } {
  // A preset's spans are the same whatever the period.
  let key = alerting.preset;
  if (alerting.preset === 'custom') {
    for (const window of all) {
      key += ` ${window.short} ${window.long}`;
    }
  }
  let recorded = recordedWindowsCache.get(key);
  if (recorded === undefined) {
    // The 5m ratio is always recorded: the current burn rate, and a freeform SLI's period, read it.
    const sliWindows = distinctWindows([...windowsInUse(all), CURRENT_WINDOW]);
    recorded = {
      sliWindows,
      policyWindow: sliWindows.reduce((a, b) => (windowSeconds(b) > windowSeconds(a) ? b : a)),
    };
    if (recordedWindowsCache.size >= 1000) {
      recordedWindowsCache.clear();
    }
    recordedWindowsCache.set(key, recorded);
  }
  return { sliWindows: [...recorded.sliWindows], policyWindow: recorded.policyWindow };
}

const recordedWindowsCache = new Map<string, { sliWindows: string[]; policyWindow: string }>();

/**
 * The owner labels the rules derive from a service: `business_owner` (the person id), `team` (see
 * {@link serviceTeam}) and `tier`; those that are unknown are left out. Validation compares an
 * SLO's own labels of these names with them.
 */
export function ownerLabels(service: Service | undefined, people: Map<string, Person>): Record<string, string> {
  if (!service) {
    return {};
  }
  const businessOwner = service.owners?.businessOwner ? people.get(service.owners.businessOwner) : undefined;
  const derived: Record<string, unknown> = {
    [LABEL_BUSINESS_OWNER]: businessOwner?.id,
    [LABEL_TEAM]: serviceTeam(service, people),
    [LABEL_TIER]: typeof service.tier === 'number' ? String(service.tier) : undefined,
  };
  const labels: Record<string, string> = {};
  for (const [name, value] of Object.entries(derived)) {
    if (typeof value === 'string' && value !== '') {
      labels[name] = value;
    }
  }
  return labels;
}

/**
 * A label the SLO sets is never replaced by a derived owner label (validation refuses a value
 * that differs from the derived one, so both agree in a saved registry); the reserved Sloth labels
 * always carry the derived value, since the shared rules join on them.
 */
function sloLabels(
  slo: Slo,
  service: Service | undefined,
  people: Map<string, Person>,
  cache?: Map<Service, Record<string, string>>
): Record<string, string> {
  let owners = service && cache?.get(service);
  if (!owners) {
    owners = ownerLabels(service, people);
    if (service && cache) {
      cache.set(service, owners);
    }
  }
  const own = Object.entries(slo.labels ?? {});
  let labels = owners;
  if (own.length > 0) {
    labels = Object.fromEntries(own.filter(([name]) => !RESERVED_LABELS.includes(name)));
    for (const [name, value] of Object.entries(owners)) {
      labels[name] ??= value;
    }
  }
  return {
    ...labels,
    [LABEL_ID]: slo.id,
    [LABEL_SERVICE]: slo.serviceId,
    [LABEL_SLO]: slothSloName(slo.id, slo.serviceId),
  };
}
