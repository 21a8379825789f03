import React from 'react';
import { testIds } from '../../../components/testIds';
import { RegistryDocument, Service } from '../../../domain/model';
import { ServiceDashboard, ServiceDashboardKind } from '../../../scenes/ServiceDashboard';

export type DashboardKind = ServiceDashboardKind;

/** A service's generated on-call, debug or cost dashboard. */
export function DashboardTab({ service, doc, kind }: { service: Service; doc: RegistryDocument; kind: DashboardKind }) {
  return (
    <div data-testid={testIds.services.dashboardTab}>
      <ServiceDashboard doc={doc} serviceId={service.id} kind={kind} />
    </div>
  );
}
