import React, { useState } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Stack, useStyles2 } from '@grafana/ui';
import { PolicyStatePanel } from '../../../components/BudgetPolicy/PolicyStatePanel';
import { IncidentsReport } from '../../../components/Incidents/IncidentsReport';
import { ReadOnlyNotice } from '../../../components/ReadOnlyNotice/ReadOnlyNotice';
import { WriteButton } from '../../../components/Registry/WriteButton';
import { testIds } from '../../../components/testIds';
import { RegistryDocument, Service } from '../../../domain/model';
import { serviceEditUrl } from '../../../routing';
import { ChangesSection } from './ChangesSection';
import { DeleteServiceModal } from './DeleteServiceModal';
import { DependenciesSection } from './DependenciesSection';
import { HistorySection } from './HistorySection';
import { KpisSection } from './KpisSection';
import { LinksSection } from './LinksSection';
import { OwnersSection } from './OwnersSection';
import { ScopeSection } from './ScopeSection';

/** The overview tab of a service: owners, scope, KPIs, links, dependencies, owner history and change history. */
export function ServiceOverview({ service, doc }: { service: Service; doc: RegistryDocument }) {
  const styles = useStyles2(getStyles);
  const [deleting, setDeleting] = useState(false);
  return (
    <Stack direction="column" gap={2} data-testid={testIds.services.overview}>
      <ReadOnlyNotice />
      <Stack gap={1} justifyContent="flex-end">
        <WriteButton
          href={serviceEditUrl(service.id)}
          icon="pen"
          variant="secondary"
          data-testid={testIds.services.edit}
        >
          {t('bizowner.service.edit', 'Edit')}
        </WriteButton>
        <WriteButton
          onClick={() => setDeleting(true)}
          icon="trash-alt"
          variant="destructive"
          data-testid={testIds.services.delete}
        >
          {t('bizowner.service.delete', 'Delete')}
        </WriteButton>
      </Stack>
      <div className={styles.grid}>
        <OwnersSection service={service} doc={doc} />
        <ScopeSection service={service} />
        <PolicyStatePanel service={service} doc={doc} />
        <KpisSection kpis={service.kpis} prometheus={doc.settings.prometheus} />
        <LinksSection links={service.links} />
        <DependenciesSection service={service} doc={doc} />
        <HistorySection history={service.ownerHistory} doc={doc} />
        <ChangesSection serviceId={service.id} />
      </div>
      <IncidentsReport doc={doc} serviceId={service.id} />
      {deleting && <DeleteServiceModal service={service} doc={doc} onDismiss={() => setDeleting(false)} />}
    </Stack>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  grid: css({
    display: 'grid',
    gap: theme.spacing(2),
    gridTemplateColumns: 'repeat(auto-fit, minmax(420px, 1fr))',
    alignItems: 'start',
  }),
});
