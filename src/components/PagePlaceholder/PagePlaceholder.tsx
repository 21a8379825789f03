import React from 'react';
import { LinkButton, EmptyState } from '@grafana/ui';
import { CONFIG_URL } from '../../constants';
import { testIds } from '../testIds';

interface Props {
  /** What the page will show, in one sentence. */
  message: string;
  /** Why it is empty for now and what the user can do meanwhile. */
  hint: string;
  actionLabel: string;
}

/** An honest empty state for a page whose content is not available yet. */
export function PagePlaceholder({ message, hint, actionLabel }: Props) {
  return (
    <div data-testid={testIds.placeholder.container}>
      <EmptyState
        variant="call-to-action"
        message={message}
        button={
          <LinkButton href={CONFIG_URL} icon="cog" variant="secondary">
            {actionLabel}
          </LinkButton>
        }
      >
        {hint}
      </EmptyState>
    </div>
  );
}
