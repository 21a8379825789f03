import React, { ComponentType } from 'react';
import { lazyPage } from '../../reactScene';
import type { DashboardKind } from './DashboardTab';
import { ServiceLoaded } from './ServiceLoaded';

const DashboardTab = lazyPage(() => import('./DashboardTab'), 'DashboardTab');
const ServiceOverview = lazyPage(() => import('./ServiceOverview'), 'ServiceOverview');
const ServiceSlos = lazyPage(() => import('./ServiceSlos'), 'ServiceSlos');

export type ServiceTab = 'overview' | 'slos' | DashboardKind;

/**
 * The body of one tab of a service's page, as a component for `reactScene`. `onTitle` receives
 * the service's name once the registry is loaded, to title the page with it.
 */
export function serviceTabBody(serviceId: string, tab: ServiceTab, onTitle: (title: string) => void): ComponentType {
  return function ServiceTabBody() {
    return (
      <ServiceLoaded serviceId={serviceId} onTitle={onTitle}>
        {(service, doc) => {
          switch (tab) {
            case 'overview':
              return <ServiceOverview service={service} doc={doc} />;
            case 'slos':
              return <ServiceSlos service={service} doc={doc} />;
            default:
              return <DashboardTab service={service} doc={doc} kind={tab} />;
          }
        }}
      </ServiceLoaded>
    );
  };
}
