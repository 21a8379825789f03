/**
 * Live values measured from Prometheus for the registry pages: every SLO's budget left and burn
 * rate, read from the recorded series (or the raw SLI query when the rules are not loaded) by
 * the same client as the SLO list, each costed service's spend against its baseline (two billing
 * queries), and which services have their dashboards saved in Grafana (one dashboard search). One read per registry revision is shared by every page and kept for a
 * minute, so moving between pages does not query again. A page starts the read once it has painted
 * its first frame, and ./preloadLiveValues.ts once the frame after the registry's arrival is painted
 * when a page opens the app; a page that renders after it finished shows its values in its first
 * render, without a render that waits for them.
 */
import { useEffect, useState } from 'react';
import { fetchCostSpike } from '../../api/cost/fetchCostSpike';
import { fetchServicesWithSavedDashboards } from '../../api/dashboards/savedDashboards';
import { fetchSloValues } from '../../api/sloValues/fetchSloValues';
import { SloMeasurement } from '../../api/sloValues/types';
import { spentWindowsInARow } from '../../domain/budget';
import { RegistryDocument } from '../../domain/model';
import { LiveValues, SloLiveValues } from '../../domain/registryView/liveValues';
import { afterNextFrame } from '../afterNextFrame';

const MAX_AGE_MS = 60_000;

/** A read of one registry's live values: its start (epoch ms), its promises and, once they settle, their values. */
interface Read {
  at: number;
  values: Promise<LiveValues>;
  /** The SLO list's measurements, which the registry views' values are made from. */
  slos: Promise<Record<string, SloMeasurement>>;
  settled?: LiveValues;
  settledSlos?: Record<string, SloMeasurement>;
}

let reads = new WeakMap<RegistryDocument, Read>();

/** Drops every kept read, e.g. after a dashboard was saved: the next page reads afresh. */
export function forgetMeasuredLiveValues(): void {
  reads = new WeakMap();
}

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
export function toLiveValues(measurements: Record<string, SloMeasurement>): LiveValues {
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
  const cached = reads.get(doc);
  if (cached && now - cached.at < MAX_AGE_MS) {
    return cached;
  }
  // Without a Prometheus data source nothing is queried: every SLO says why it has no values.
  const slos = fetchSloValues(doc);
  const started: Read = { at: now, slos, values: measure(doc, slos) };
  slos.then((values) => (started.settledSlos = values));
  started.values.then((values) => (started.settled = values));
  reads.set(doc, started);
  return started;
}

/**
 * Starts reading the live values of `doc` unless a fresh read is kept, e.g. as soon as the
 * registry is read, before the page that shows them has rendered.
 */
export function startLiveValuesRead(doc: RegistryDocument): void {
  read(doc, Date.now());
}

/** The kept read of `doc` when it is under a minute old. */
function keptRead(doc: RegistryDocument): Read | undefined {
  const kept = reads.get(doc);
  return kept && Date.now() - kept.at < MAX_AGE_MS ? kept : undefined;
}

/**
 * Every SLO's measurements from the shared read of `doc` when a kept read has them already, so
 * the SLO list renders them at once; starts no read.
 */
export function settledSloMeasurements(doc: RegistryDocument): Record<string, SloMeasurement> | undefined {
  return keptRead(doc)?.settledSlos;
}

/** Every SLO's measurements from the shared read of `doc`, started if none is kept. */
export function sharedSloMeasurements(doc: RegistryDocument): Promise<Record<string, SloMeasurement>> {
  return read(doc, Date.now()).slos;
}

/** When the kept read of `doc` started, if one is under way or fresh: pages share it, so they share its clock. */
function startOfRead(doc: RegistryDocument): number | undefined {
  return keptRead(doc)?.at;
}

/** Where the live values of a page stand: being read since a time (epoch ms), or read. */
export type LiveRead = { status: 'reading'; since: number } | { status: 'read'; values: LiveValues };

/**
 * The measured values of `doc`, or since when they are being read (a read shared with other pages
 * counts from its own start, a registry still loading from the first render); undefined when
 * `enabled` is false. Without a Prometheus data source they hold no SLO values (pages then say why).
 */
export function useMeasuredLiveValues(doc: RegistryDocument | undefined, enabled: boolean): LiveRead | undefined {
  const [answer, setAnswer] = useState<{ doc: RegistryDocument; values: LiveValues } | undefined>(undefined);
  const [mountedAt] = useState(Date.now);
  const active = enabled && doc !== undefined;
  useEffect(() => {
    if (!active || !doc) {
      return undefined;
    }
    let current = true;
    // Started once the page is painted: with thousands of SLOs the read's own work (a measurement
    // per SLO, before any request) would otherwise come before the page's first frame.
    const cancel = afterNextFrame(() => {
      read(doc, Date.now()).values.then((values) => current && setAnswer({ doc, values }));
    });
    return () => {
      current = false;
      cancel();
    };
  }, [doc, active]);
  if (!enabled) {
    return undefined;
  }
  if (doc && answer?.doc === doc) {
    return { status: 'read', values: answer.values };
  }
  // A read that finished before this render (started with the registry's read, or by another
  // page): its values at once, rather than a render saying they are being read.
  const settled = doc && keptRead(doc)?.settled;
  return settled
    ? { status: 'read', values: settled }
    : { status: 'reading', since: (doc && startOfRead(doc)) ?? mountedAt };
}
