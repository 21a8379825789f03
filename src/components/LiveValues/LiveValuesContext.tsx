import React, { createContext, ReactNode, useContext, useMemo } from 'react';
import { LiveValues } from '../../domain/registryView/liveValues';
import { useRegistry } from '../../storage/RegistryContext';
import { LiveRead, useMeasuredLiveValues } from './measuredLiveValues';

/** Marks the absence of a provider: pages then read the values measured from Prometheus. */
const MEASURED = Symbol('measured');

const LiveValuesContext = createContext<LiveRead | typeof MEASURED>(MEASURED);

/**
 * Supplies fixed values (SLO budget left and burn rate, telemetry presence, cost) to the registry
 * pages, e.g. in tests; `undefined` means "nothing measured", and `readingSince` (epoch ms) a read
 * still under way. Without this provider, pages read the SLO values measured from the configured
 * Prometheus.
 */
export function LiveValuesProvider({
  values,
  readingSince,
  children,
}: {
  values: LiveValues | undefined;
  readingSince?: number;
  children: ReactNode;
}) {
  const read = useMemo<LiveRead>(
    () =>
      readingSince === undefined
        ? { status: 'read', values: values ?? {} }
        : { status: 'reading', since: readingSince },
    [values, readingSince]
  );
  return <LiveValuesContext.Provider value={read}>{children}</LiveValuesContext.Provider>;
}

/**
 * Where the live values stand: those of the nearest provider, or else the values read from
 * Prometheus, with the time the read started while it is under way.
 */
export function useLiveRead(): LiveRead {
  const provided = useContext(LiveValuesContext);
  const { doc } = useRegistry();
  const measured = useMeasuredLiveValues(doc, provided === MEASURED);
  // `measured` is undefined only when a provider answers instead
  return provided === MEASURED && measured ? measured : (provided as LiveRead);
}
