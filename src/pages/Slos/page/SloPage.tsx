import React, { useEffect } from 'react';
import { t } from '@grafana/i18n';
import { Stack } from '@grafana/ui';
import { AdjustmentsSection } from '../../../components/Adjustments/AdjustmentsSection';
import { IncidentsReport } from '../../../components/Incidents/IncidentsReport';
import { NotFound } from '../../../components/NotFound/NotFound';
import { RegistryLoaded } from '../../../components/Registry/RegistryLoaded';
import { RegistryDocument, Service, Slo } from '../../../domain/model';
import { slosUrl } from '../../../routing';
import { DataSourceAlert } from '../../../scenes/DataSourceAlert';
import { dataSourceProblem } from '../../../scenes/dataSources';
import { SloDashboard } from './SloDashboard';
import { SloHeader } from './SloHeader';

interface Props {
  sloId: string;
  /** Called with the SLO's name once the registry is loaded, to title the page with it. */
  onTitle?: (title: string) => void;
}

/**
 * One SLO: who owns it and where its runbooks are, then its panels, its budget adjustments (raw and
 * adjusted figures side by side) and its incidents. Without a
 * usable Prometheus data source the panels have nothing to read: the page says which setting to
 * fix instead.
 */
function SloView({ doc, service, slo }: { doc: RegistryDocument; service: Service; slo: Slo }) {
  const problem = dataSourceProblem('prometheus', doc.settings);
  return (
    <Stack direction="column" gap={2}>
      <SloHeader doc={doc} service={service} slo={slo} />
      {problem ? (
        <DataSourceAlert problem={problem} />
      ) : (
        <SloDashboard doc={doc} sloId={slo.id} serviceId={service.id} />
      )}
      <AdjustmentsSection doc={doc} service={service} slo={slo} showFigures={!problem} />
      <IncidentsReport doc={doc} sloId={slo.id} />
    </Stack>
  );
}

/** The page of the SLO `sloId`, or Not found when the registry has no such SLO. */
export function SloPage({ sloId, onTitle }: Props) {
  return (
    <RegistryLoaded>
      {(doc) => {
        const slo = doc.slos.find((item) => item.id === sloId);
        const service = slo && doc.services.find((item) => item.id === slo.serviceId);
        if (!slo || !service) {
          return (
            <NotFound
              message={t('bizowner.sloPage.notFound', 'No SLO "{{id}}" in the registry', {
                id: sloId,
                interpolation: { escapeValue: false },
              })}
              list={{ href: slosUrl(), label: t('bizowner.sloEditor.backToList', 'All SLOs') }}
            />
          );
        }
        return (
          <>
            <TitleSync title={slo.name} onTitle={onTitle} />
            <SloView doc={doc} service={service} slo={slo} />
          </>
        );
      }}
    </RegistryLoaded>
  );
}

function TitleSync({ title, onTitle }: { title: string; onTitle?: (title: string) => void }) {
  useEffect(() => onTitle?.(title), [title, onTitle]);
  return null;
}
