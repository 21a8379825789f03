import React from 'react';
import { t } from '@grafana/i18n';
import { Alert, Stack } from '@grafana/ui';
import { PolicyStatesTable } from '../../components/BudgetPolicy/PolicyStatesTable';
import { IncidentResponse } from '../../components/Incidents/IncidentResponse';
import { NoServicesEmptyState } from '../../components/Registry/NoServicesEmptyState';
import { RegistryLoaded } from '../../components/Registry/RegistryLoaded';
import { WriteButton } from '../../components/Registry/WriteButton';
import { testIds } from '../../components/testIds';
import { RegistryDocument } from '../../domain/model';
import { sloEditUrl } from '../../routing';
import { getExecutiveScene } from '../../scenes/executiveScene';
import { RegistrySceneView } from '../../scenes/RegistrySceneView';

const buildExecutive = (doc: RegistryDocument) => getExecutiveScene(doc);

/** Nothing to report on: the registry has no services. */
function NoServices() {
  return (
    <NoServicesEmptyState
      message={t('bizowner.executive.empty.title', 'No services to report on yet')}
      testId={testIds.executive.empty}
    >
      {t(
        'bizowner.executive.empty.body',
        'The executive view shows SLO compliance, error budget, business KPIs, spend and incidents of the services in the registry. Add services with their business owners, then their SLOs.'
      )}
    </NoServicesEmptyState>
  );
}

/** Services but no SLOs: the KPI and spend rows can show, compliance and budget cannot. */
function NoSlosNotice() {
  return (
    <Alert
      severity="info"
      title={t('bizowner.executive.noSlos.title', 'No SLOs yet')}
      data-testid={testIds.executive.noSlos}
    >
      <p>
        {t(
          'bizowner.executive.noSlos.body',
          'SLO compliance, error budget and burn rows appear once the services have SLOs; business KPIs and spend show below.'
        )}
      </p>
      <WriteButton href={sloEditUrl()} icon="plus" variant="secondary">
        {t('bizowner.executive.noSlos.create', 'Write an SLO')}
      </WriteButton>
    </Alert>
  );
}

/** The executive dashboard of the loaded registry, or what to do first when it has nothing to show. */
export function ExecutiveView() {
  return (
    <RegistryLoaded>
      {(doc) =>
        doc.services.length === 0 ? (
          <NoServices />
        ) : (
          <Stack direction="column" gap={2}>
            {doc.slos.length === 0 && <NoSlosNotice />}
            <PolicyStatesTable doc={doc} />
            <IncidentResponse doc={doc} />
            <RegistrySceneView doc={doc} build={buildExecutive} />
          </Stack>
        )
      }
    </RegistryLoaded>
  );
}
