import React, { useLayoutEffect, useState } from 'react';
import { Router } from 'react-router-dom';
import { LocationServiceProvider, locationService } from '@grafana/runtime';

/**
 * Stands in for Grafana's router: one history shared by react-router and the location service
 * that scenes use for URL sync, as inside Grafana.
 */
export function HostRouter({ children }: { children: React.ReactNode }) {
  const history = locationService.getHistory();
  const [location, setLocation] = useState(history.location);
  useLayoutEffect(() => history.listen(setLocation), [history]);
  return (
    <LocationServiceProvider service={locationService}>
      <Router navigator={history} location={location}>
        {children}
      </Router>
    </LocationServiceProvider>
  );
}
