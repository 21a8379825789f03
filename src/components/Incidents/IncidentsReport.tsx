import React, { useMemo } from 'react';
import { t } from '@grafana/i18n';
import { RegistryDocument } from '../../domain/model';
import { IncidentsSection } from './IncidentsSection';
import { INCIDENT_WINDOW_DAYS, useIncidents } from './useIncidents';

/**
 * The incidents of one service or one SLO over the last 30 days, read once for the page and for
 * its SLOs only, with the Acknowledge button for users who may write annotations.
 */
export function IncidentsReport({
  doc,
  serviceId,
  sloId,
}: {
  doc: RegistryDocument;
  serviceId?: string;
  sloId?: string;
}) {
  const sloIds = useMemo(
    () =>
      doc.slos
        .filter(
          (slo) => (sloId === undefined || slo.id === sloId) && (serviceId === undefined || slo.serviceId === serviceId)
        )
        .map((slo) => slo.id),
    [doc.slos, serviceId, sloId]
  );
  const { result, acknowledge } = useIncidents(doc, sloIds);
  return (
    <IncidentsSection
      result={result}
      slos={doc.slos}
      serviceId={serviceId}
      sloId={sloId}
      acknowledge={acknowledge}
      title={t('bizowner.incidents.titleWindow', 'Incidents (last {{count}} days)', { count: INCIDENT_WINDOW_DAYS })}
    />
  );
}
