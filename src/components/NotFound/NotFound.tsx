import React from 'react';
import { useLocation } from 'react-router-dom';
import { t } from '@grafana/i18n';
import { EmptyState, LinkButton, Stack } from '@grafana/ui';
import { ROUTES } from '../../constants';
import { prefixRoute } from '../../routing';
import { testIds } from '../testIds';

interface Props {
  /** What is missing, e.g. `No SLO "x" in the registry`; by default, that nothing is at the address. */
  message?: string;
  /** The list the address looked like it belonged to, e.g. `{ href: slosUrl(), label: 'All SLOs' }`. */
  list?: { href: string; label: string };
}

/**
 * The one "not found" of the app, for unknown addresses and for ids the registry does not have:
 * names the address, and offers the list it looked like and the way home (the services list).
 */
export function NotFound({ message, list }: Props) {
  const { pathname } = useLocation();
  const values = { address: pathname, interpolation: { escapeValue: false } };
  return (
    <div data-testid={testIds.notFound.page}>
      <EmptyState
        variant="not-found"
        message={message ?? t('bizowner.notFound.title', 'Not found: {{address}}', values)}
        button={
          <Stack gap={1} justifyContent="center" wrap="wrap">
            {list && (
              <LinkButton href={list.href} icon="arrow-left" variant="secondary">
                {list.label}
              </LinkButton>
            )}
            <LinkButton href={prefixRoute(ROUTES.Services)} icon="home-alt" variant={list ? 'secondary' : 'primary'}>
              {t('bizowner.notFound.home', 'Back to the services')}
            </LinkButton>
          </Stack>
        }
      >
        {t(
          'bizowner.notFound.body',
          'Nothing in Business Owner lives at {{address}}: the link may be mistyped, or what it pointed to was renamed or deleted.',
          values
        )}
      </EmptyState>
    </div>
  );
}
