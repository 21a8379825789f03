import React, { ReactNode, useEffect } from 'react';
import { t } from '@grafana/i18n';
import { NotFound } from '../../components/NotFound/NotFound';
import { RegistryLoaded } from '../../components/Registry/RegistryLoaded';
import { Person, RegistryDocument } from '../../domain/model';
import { prefixRoute } from '../../routing';
import { ROUTES } from '../../constants';

interface Props {
  personId: string;
  onTitle?: (title: string) => void;
  children: (person: Person, doc: RegistryDocument) => ReactNode;
}

/** Renders `children` with the person `personId`, or says that the registry has no such person. */
export function PersonLoaded({ personId, onTitle, children }: Props) {
  return (
    <RegistryLoaded>
      {(doc) => {
        const person = doc.people.find((item) => item.id === personId);
        return person ? (
          <>
            <TitleSync title={person.name} onTitle={onTitle} />
            {children(person, doc)}
          </>
        ) : (
          <NotFound
            message={t('bizowner.person.notFound', 'No person "{{id}}" in the registry', {
              id: personId,
              interpolation: { escapeValue: false },
            })}
            list={{ href: prefixRoute(ROUTES.People), label: t('bizowner.person.backToList', 'All people') }}
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
