/**
 * The read of the live values (./measuredLiveValues.ts keeps the reads and says where they stand):
 * SLO values when a Prometheus data source is configured, spend against its baseline, saved
 * dashboards. Loaded when the first read starts.
 */
import { fetchCostSpike } from '../../api/cost/fetchCostSpike';
import { fetchServicesWithSavedDashboards } from '../../api/dashboards/savedDashboards';
import { fetchSloValues } from '../../api/sloValues/fetchSloValues';
import { SloMeasurement } from '../../api/sloValues/types';
import { spentWindowsInARow } from '../../domain/budget';
import { RegistryDocument } from '../../domain/model';
import { LiveValues, SloLiveValues } from '../../domain/registryView/liveValues';
import { keepRead, keptRead, Read } from './measuredLiveValues';

/**
 * Whether the SLI returned data: yes with values, no when its query ran and found no series or no
 * events, unknown when it could not be asked (no data source, a failed query, not queried raw).
 */
function hasData(measured: SloMeasurement): boolean | undefined {
  if (measured.source !== 'none') {
    return true;
  }
  const kind = measured.reason?.kind;
  return kind === 'noSeries' || kind === 'noTraffic' ? false : undefined;
}

/** One SLO's values for the registry views, from the SLO list's measurement. */
function toSloLiveValues(measured: SloMeasurement): SloLiveValues {
  const values: SloLiveValues = {
    source: measured.source,
    budgetLeft: measured.budgetLeft,
    burnRate: measured.burnRate,
    ...(measured.policyBurn ? { policyBurn: measured.policyBurn } : {}),
    hasData: hasData(measured),
    overspentWindowsInARow: spentWindowsInARow([measured.budgetLeft, measured.previousBudgetLeft]),
  };
  return measured.reason ? { ...values, reason: measured.reason } : values;
}

/** The registry views' values from the SLO list's measurements. */
function toLiveValues(measurements: Record<string, SloMeasurement>): LiveValues {
  const slos = Object.fromEntries(
    Object.entries(measurements).map(([id, measured]) => [id, toSloLiveValues(measured)])
  );
  return { slos };
}

function prometheusConfigured(doc: RegistryDocument): boolean {
  return Boolean(doc.settings.prometheus?.uid);
}

/**
 * SLO values when a Prometheus data source is configured; spend and its baseline from the billing
 * data source (or why not); saved dashboards in any case (unknown when the search fails).
 */
async function measure(doc: RegistryDocument, measured: Promise<Record<string, SloMeasurement>>): Promise<LiveValues> {
  const [slos, costs, saved] = await Promise.all([
    prometheusConfigured(doc) ? measured.then(toLiveValues) : Promise.resolve<LiveValues>({}),
    fetchCostSpike(doc),
    fetchServicesWithSavedDashboards(doc.services.map((service) => service.id)),
  ]);
  return saved.ok ? { ...slos, ...costs, generatedDashboards: saved.value } : { ...slos, ...costs };
}

/** A read of the live values: shared while under a minute old, with the time it started. */
function read(doc: RegistryDocument, now: number): Read {
  const cached = keptRead(doc, now);
  if (cached) {
    return cached;
  }
  // Without a Prometheus data source nothing is queried: every SLO says why it has no values.
  const slos = fetchSloValues(doc);
  const started: Read = { at: now, slos, values: measure(doc, slos) };
  slos.then((values) => (started.settledSlos = values));
  started.values.then((values) => (started.settled = values));
  keepRead(doc, started);
  return started;
}

/**
 * Starts reading the live values of `doc` unless a fresh read is kept, e.g. as soon as the
 * registry is read, before the page that shows them has rendered.
 */
export function startLiveValuesRead(doc: RegistryDocument): void {
  read(doc, Date.now());
}

/** Every SLO's measurements from the shared read of `doc`, started if none is kept. */
export function sharedSloMeasurements(doc: RegistryDocument): Promise<Record<string, SloMeasurement>> {
  return read(doc, Date.now()).slos;
}

/** The live values of `doc` from its shared read, started if none is kept. */
export function readLiveValues(doc: RegistryDocument): Promise<LiveValues> {
  return read(doc, Date.now()).values;
}
