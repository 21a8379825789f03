/**
 * Live values measured from Prometheus for the registry pages: every SLO's budget left and burn
 * rate, read from the recorded series (or the raw SLI query when the rules are not loaded) by
 * the same client as the SLO list, and which services have their dashboards saved in Grafana
 * (one dashboard search). One read per registry revision is shared by every page and kept for a
 * minute, so moving between pages does not query again.
 */
import { useEffect, useState } from 'react';
import { fetchServicesWithSavedDashboards } from '../../api/dashboards/savedDashboards';
import { fetchSloValues } from '../../api/sloValues/fetchSloValues';
import { SloMeasurement } from '../../api/sloValues/types';
import { RegistryDocument } from '../../domain/model';
import { LiveValues } from '../../domain/registryView/liveValues';

const MAX_AGE_MS = 60_000;

let reads = new WeakMap<RegistryDocument, { at: number; values: Promise<LiveValues> }>();

/** Drops every kept read, e.g. after a dashboard was saved: the next page reads afresh. */
export function forgetMeasuredLiveValues(): void {
  reads = new WeakMap();
}

/** The registry views' values from the SLO list's measurements. */
export function toLiveValues(measurements: Record<string, SloMeasurement>): LiveValues {
  const slos = Object.fromEntries(
    Object.entries(measurements).map(([id, measured]) => [
      id,
      { budgetLeft: measured.budgetLeft, burnRate: measured.burnRate, hasData: measured.source !== 'none' },
    ])
  );
  return { slos };
}

function prometheusConfigured(doc: RegistryDocument): boolean {
  return Boolean(doc.settings.prometheus?.uid);
}

/** SLO values when a Prometheus data source is configured; saved dashboards in any case (unknown when the search fails). */
async function measure(doc: RegistryDocument): Promise<LiveValues> {
  const [slos, saved] = await Promise.all([
    prometheusConfigured(doc) ? fetchSloValues(doc).then(toLiveValues) : Promise.resolve<LiveValues>({}),
    fetchServicesWithSavedDashboards(doc.services.map((service) => service.id)),
  ]);
  return saved.ok ? { ...slos, generatedDashboards: saved.value } : slos;
}

function read(doc: RegistryDocument, now: number): Promise<LiveValues> {
  const cached = reads.get(doc);
  if (cached && now - cached.at < MAX_AGE_MS) {
    return cached.values;
  }
  const values = measure(doc);
  reads.set(doc, { at: now, values });
  return values;
}

/**
 * The measured values of `doc` once read; undefined while reading and when `enabled` is false.
 * Without a Prometheus data source they hold no SLO values (pages then say why).
 */
export function useMeasuredLiveValues(doc: RegistryDocument | undefined, enabled: boolean): LiveValues | undefined {
  const [answer, setAnswer] = useState<{ doc: RegistryDocument; values: LiveValues } | undefined>(undefined);
  const active = enabled && doc !== undefined;
  useEffect(() => {
    if (!active || !doc) {
      return undefined;
    }
    let current = true;
    read(doc, Date.now()).then((values) => current && setAnswer({ doc, values }));
    return () => {
      current = false;
    };
  }, [doc, active]);
  return active && answer?.doc === doc ? answer.values : undefined;
}
