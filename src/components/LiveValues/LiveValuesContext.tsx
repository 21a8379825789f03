import React, { createContext, ReactNode, useContext } from 'react';
import { LiveValues } from '../../domain/registryView/liveValues';
import { useRegistry } from '../../storage/RegistryContext';
import { useMeasuredLiveValues } from './measuredLiveValues';

/** Marks the absence of a provider: pages then read the values measured from Prometheus. */
const MEASURED = Symbol('measured');

const LiveValuesContext = createContext<LiveValues | undefined | typeof MEASURED>(MEASURED);

/**
 * Supplies fixed values (SLO budget left and burn rate, telemetry presence, cost) to the registry
 * pages, e.g. in tests; `undefined` means "nothing measured". Without this provider, pages read
 * the SLO values measured from the configured Prometheus.
 */
export function LiveValuesProvider({ values, children }: { values: LiveValues | undefined; children: ReactNode }) {
  return <LiveValuesContext.Provider value={values}>{children}</LiveValuesContext.Provider>;
}

/**
 * The measured values: those of the nearest provider, or else the SLO values read from
 * Prometheus (undefined while reading or without a Prometheus data source).
 */
export function useLiveValues(): LiveValues | undefined {
  const provided = useContext(LiveValuesContext);
  const { doc } = useRegistry();
  const measured = useMeasuredLiveValues(doc, provided === MEASURED);
  return provided === MEASURED ? measured : provided;
}
