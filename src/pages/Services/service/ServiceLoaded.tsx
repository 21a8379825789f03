import React, { ReactNode, useEffect } from 'react';
import { t } from '@grafana/i18n';
import { NotFound } from '../../../components/NotFound/NotFound';
import { RegistryLoaded } from '../../../components/Registry/RegistryLoaded';
import { RegistryDocument, Service } from '../../../domain/model';
import { servicesUrl } from '../../../routing';

interface Props {
  serviceId: string;
  /** Called with the service's name once it is known, to title the page. */
  onTitle?: (title: string) => void;
  children: (service: Service, doc: RegistryDocument) => ReactNode;
}

/** Renders `children` with the service `serviceId`, or says that the registry has no such service. */
export function ServiceLoaded({ serviceId, onTitle, children }: Props) {
  return (
    <RegistryLoaded>
      {(doc) => {
        const service = doc.services.find((item) => item.id === serviceId);
        return service ? (
          <>
            <TitleSync title={service.name} onTitle={onTitle} />
            {children(service, doc)}
          </>
        ) : (
          <NotFound
            message={t('bizowner.service.notFound', 'No service "{{id}}" in the registry', {
              id: serviceId,
              interpolation: { escapeValue: false },
            })}
            list={{ href: servicesUrl(), label: t('bizowner.service.backToList', 'All services') }}
          />
        );
      }}
    </RegistryLoaded>
  );
}

function TitleSync({ title, onTitle }: { title: string; onTitle?: (title: string) => void }) {
  useEffect(() => onTitle?.(title), [title, onTitle]);
  return null;
}
