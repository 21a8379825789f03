import React, { ReactElement } from 'react';
import { locationService } from '@grafana/runtime';
import { act, fireEvent, render } from '@testing-library/react';
import { LiveValuesProvider } from '../../components/LiveValues/LiveValuesContext';
import { PLUGIN_ID } from '../../constants';
import { RegistryDocument } from '../../domain/model';
import { LiveValues } from '../../domain/registryView/liveValues';
import { RegistryUser } from '../../storage/access';
import { RegistryProvider } from '../../storage/RegistryContext';
import { createFakeGrafana, FakeGrafana } from '../../storage/testing/fakeGrafana';
import { apiAs } from '../../storage/testing/asUser';
import { adminUser } from '../../storage/testing/users';
import { HostRouter } from '../../testing/HostRouter';

// @grafana/ui's comboboxes measure their text on a canvas, which jsdom does not draw.
HTMLCanvasElement.prototype.getContext = (() => ({
  measureText: (text: string) => ({ width: text.length * 8 }),
})) as unknown as HTMLCanvasElement['getContext'];

interface Options {
  doc?: RegistryDocument;
  user?: RegistryUser;
  /** Where the location starts, e.g. `/a/bizowner-slo-app/services?owner=_none`. */
  path?: string;
  live?: LiveValues;
  /** Live values still being read since this time (epoch ms), instead of `live`. */
  readingSince?: number;
  /** Whether the page shows a large registry's head while the rest is decoded (as the app does for the services list). */
  wantsPreview?: boolean;
}

/**
 * A fake Grafana holding `doc` as the app's registry in its folder, and the API over it as `user`
 * reaches it (a Viewer gets `canSave: false` from the folder and its documents).
 */
export function fakeRegistry(doc?: RegistryDocument, user: RegistryUser = adminUser) {
  const server = createFakeGrafana(PLUGIN_ID, { registry: doc });
  return { server, api: apiAs(server, user) };
}

/** The registry stored by the fake server, as the app's next load would read it. */
export function storedRegistry(server: FakeGrafana): RegistryDocument {
  const doc = server.registry();
  if (!doc) {
    throw new Error('the fake Grafana holds no registry');
  }
  return doc;
}

/**
 * `waitFor` options for a list's query to reach the URL: the list writes it after it has painted the
 * change (or when typing pauses), and jsdom takes hundreds of milliseconds to render a 50-row table,
 * more on a loaded machine.
 */
export const URL_WRITTEN = { timeout: 5000 };

/**
 * `waitFor` options for a list's live values: their read starts once the list has painted its
 * first frame, and jsdom takes hundreds of milliseconds to render the table, more on a loaded machine.
 */
export const VALUES_READ = { timeout: 5000 };

/** Renders a page body the way the app does: with a router, the registry and (optionally) live values. */
export function renderWithRegistry(
  ui: ReactElement,
  { doc, user = adminUser, path = '/', live, readingSince, wantsPreview }: Options = {}
) {
  locationService.push(path);
  const { server, api } = fakeRegistry(doc, user);
  const result = render(
    <HostRouter>
      <RegistryProvider api={api} user={user} wantsPreview={wantsPreview}>
        <LiveValuesProvider values={live} readingSince={readingSince}>
          {ui}
        </LiveValuesProvider>
      </RegistryProvider>
    </HostRouter>
  );
  return { ...result, server, api };
}

/** Counts the requests that would have changed the registry. */
export function writes(server: FakeGrafana): number {
  return server.writes();
}

/**
 * Clicks and lets the save that follows (requests to the fake server, then state updates) finish
 * inside one `act`, so that React applies the updates before the test looks.
 */
export async function clickAndSettle(element: Element, ms = 50): Promise<void> {
  await act(async () => {
    fireEvent.click(element);
    await new Promise((resolve) => setTimeout(resolve, ms));
  });
}
