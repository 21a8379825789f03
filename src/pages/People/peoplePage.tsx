import React from 'react';
import { t } from '@grafana/i18n';
import { SceneAppPage, SceneAppPageLike } from '@grafana/scenes';
import { notFoundFallback } from '../../components/NotFound/notFoundPage';
import { ROUTES } from '../../constants';
import { personCreateUrl, personEditUrl, personUrl, prefixRoute, SUB_ROUTES } from '../../routing';
import { pageCode } from '../pageCode';
import { lazyPage, reactScene } from '../reactScene';
import { PersonLoaded } from './PersonLoaded';

const PeopleList = lazyPage(pageCode[ROUTES.People], 'PeopleList');
const PersonForm = lazyPage(() => import('./PersonForm'), 'PersonForm');
const PersonPage = lazyPage(() => import('./PersonPage'), 'PersonPage');

function personFormPage(parent: SceneAppPageLike, personId?: string): SceneAppPage {
  return new SceneAppPage({
    title: personId
      ? t('bizowner.personForm.editTitle', 'Edit {{id}}', { id: personId, interpolation: { escapeValue: false } })
      : t('bizowner.personForm.newTitle', 'New person'),
    url: personId ? personEditUrl(personId) : personCreateUrl(),
    routePath: personId ? `:id/${SUB_ROUTES.edit}` : SUB_ROUTES.create,
    getParentPage: () => parent,
    getScene: () =>
      reactScene(function PersonFormBody() {
        return <PersonForm personId={personId} />;
      }),
  });
}

function personPage(parent: SceneAppPageLike, personId: string): SceneAppPage {
  const onTitle = (title: string) => {
    if (page.state.title !== title) {
      page.setState({ title });
    }
  };
  const page: SceneAppPage = new SceneAppPage({
    title: personId,
    url: personUrl(personId),
    routePath: ':id',
    getParentPage: () => parent,
    getScene: () =>
      reactScene(function PersonBody() {
        return (
          <PersonLoaded personId={personId} onTitle={onTitle}>
            {(person, doc) => <PersonPage person={person} doc={doc} />}
          </PersonLoaded>
        );
      }),
  });
  return page;
}

/** The people directory, with the person pages and the person forms as drilldowns. */
export function getPeoplePage(): SceneAppPage {
  return new SceneAppPage({
    title: t('bizowner.people.title', 'People'),
    subTitle: t(
      'bizowner.people.subTitle',
      'Who owns what, by role, with the health of the SLOs they are accountable for.'
    ),
    url: prefixRoute(ROUTES.People),
    routePath: `${ROUTES.People}/*`,
    getScene: () => reactScene(PeopleList),
    getFallbackPage: notFoundFallback({
      href: prefixRoute(ROUTES.People),
      label: t('bizowner.person.backToList', 'All people'),
    }),
    drilldowns: [
      { routePath: SUB_ROUTES.create, getPage: (_match, parent) => personFormPage(parent) },
      { routePath: `:id/${SUB_ROUTES.edit}`, getPage: (match, parent) => personFormPage(parent, match.params.id) },
      { routePath: ':id', getPage: (match, parent) => personPage(parent, match.params.id) },
    ],
  });
}
