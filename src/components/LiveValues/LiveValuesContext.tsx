import React, { createContext, ReactNode, useContext } from 'react';
import { LiveValues } from '../../domain/registryView/liveValues';

const LiveValuesContext = createContext<LiveValues | undefined>(undefined);

/**
 * Supplies measured values (SLO budget left and burn rate, telemetry presence, cost) to the
 * registry pages. Nothing provides them yet: they come with the generated dashboards, and every
 * page shows "no data" with the reason until then.
 */
export function LiveValuesProvider({ values, children }: { values: LiveValues | undefined; children: ReactNode }) {
  return <LiveValuesContext.Provider value={values}>{children}</LiveValuesContext.Provider>;
}

/** The measured values, or undefined when no source provides them. */
export function useLiveValues(): LiveValues | undefined {
  return useContext(LiveValuesContext);
}
