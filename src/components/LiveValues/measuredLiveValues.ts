/**
 * Live values measured from Prometheus for the registry pages: every SLO's budget left and burn
 * rate, read from the recorded series (or the raw SLI query when the rules are not loaded) by
 * the same client as the SLO list, each costed service's spend against its baseline (two billing
 * queries), and which services have their dashboards saved in Grafana (one dashboard search). One read per registry revision is shared by every page and kept for a
 * minute, so moving between pages does not query again. A page starts the read once it has painted
 * its first frame, and ./preloadLiveValues.ts once the frame after the registry's arrival is painted
 * when a page opens the app; a page that renders after it finished shows its values in its first
 * render, without a render that waits for them.
 *
 * This module keeps the reads; the read itself (./liveRead.ts, with the Prometheus client and its
 * PromQL parser) is loaded when the first read starts, so that a page's first render does not
 * wait for that code (bench/RESULTS.md, "UI scale").
 */
import { useEffect, useState } from 'react';
import { SloMeasurement } from '../../api/sloValues/types';
import { RegistryDocument } from '../../domain/model';
import { LiveValues } from '../../domain/registryView/liveValues';
import { afterNextFrame } from '../afterNextFrame';

/** How long a read is shared before the next page reads again. */
const MAX_AGE_MS = 60_000;

/** A read of one registry's live values: its start (epoch ms), its promises and, once they settle, their values. */
export interface Read {
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

/** Keeps `read` as the shared read of `doc` (./liveRead.ts). */
export function keepRead(doc: RegistryDocument, read: Read): void {
  reads.set(doc, read);
}

/** The kept read of `doc` when it is under a minute old at `now`. */
export function keptRead(doc: RegistryDocument, now = Date.now()): Read | undefined {
  const kept = reads.get(doc);
  return kept && now - kept.at < MAX_AGE_MS ? kept : undefined;
}

/** The read's code, loaded once, when the first read starts. */
export const loadLiveRead = () => import('./liveRead');

/**
 * Every SLO's measurements from the shared read of `doc` when a kept read has them already, so
 * the SLO list renders them at once; starts no read.
 */
export function settledSloMeasurements(doc: RegistryDocument): Record<string, SloMeasurement> | undefined {
  return keptRead(doc)?.settledSlos;
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
      loadLiveRead()
        .then(({ readLiveValues }) => readLiveValues(doc))
        .then((values) => current && setAnswer({ doc, values }))
        // The code could not be loaded (a new version deployed, the network): the page keeps saying
        // the values are being read, as it does while Prometheus does not answer.
        .catch(() => undefined);
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
