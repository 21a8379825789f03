import React, { ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { t } from '@grafana/i18n';
import { locationService } from '@grafana/runtime';
import { ConfirmModal } from '@grafana/ui';
import { testIds } from '../testIds';

interface Target {
  pathname: string;
  search: string;
  hash: string;
}

interface UnsavedChangesPrompt {
  /** The confirmation to render while a navigation waits for the user's answer. */
  prompt: ReactNode;
  /** Lets the next navigation through without asking, e.g. right after a successful save. */
  allowNavigation(): void;
}

/**
 * Warns before unsaved edits are lost: the browser's own dialog when the tab is closed or
 * reloaded (`beforeunload`), and a confirmation when the user navigates inside Grafana, which
 * shares one history between Grafana, the app and scenes.
 */
export function useUnsavedChangesPrompt(dirty: boolean): UnsavedChangesPrompt {
  const [pending, setPending] = useState<Target | undefined>(undefined);
  const bypass = useRef(false);

  useEffect(() => {
    if (!dirty) {
      return undefined;
    }
    bypass.current = false;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    const unblock = locationService.getHistory().block((location: Target) => {
      if (bypass.current) {
        return undefined;
      }
      setPending({ pathname: location.pathname, search: location.search, hash: location.hash });
      return false;
    });
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      unblock();
    };
  }, [dirty]);

  const allowNavigation = useCallback(() => {
    bypass.current = true;
  }, []);

  const leave = useCallback(() => {
    if (pending) {
      bypass.current = true;
      setPending(undefined);
      locationService.push(`${pending.pathname}${pending.search}${pending.hash}`);
    }
  }, [pending]);

  const prompt = pending ? (
    <div data-testid={testIds.registry.unsavedPrompt}>
      <ConfirmModal
        isOpen
        title={t('bizowner.unsaved.title', 'Discard unsaved changes?')}
        body={t('bizowner.unsaved.body', 'Your changes have not been saved. Leaving this page discards them.')}
        confirmText={t('bizowner.unsaved.leave', 'Discard and leave')}
        dismissText={t('bizowner.unsaved.stay', 'Keep editing')}
        onConfirm={leave}
        onDismiss={() => setPending(undefined)}
      />
    </div>
  ) : null;

  return { prompt, allowNavigation };
}
