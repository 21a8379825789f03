import React, { ReactElement } from 'react';
import { locationService } from '@grafana/runtime';
import { act, fireEvent, render } from '@testing-library/react';
import { LiveValuesProvider } from '../../components/LiveValues/LiveValuesContext';
import { PLUGIN_ID } from '../../constants';
import { RegistryDocument } from '../../domain/model';
import { LiveValues } from '../../domain/registryView/liveValues';
import { RegistryUser } from '../../storage/access';
import { createGrafanaSettingsApi } from '../../storage/grafanaSettingsApi';
import { RegistryProvider } from '../../storage/RegistryContext';
import { REGISTRY_KEY } from '../../storage/storedRegistry';
import { createFakeSettingsServer, FakeSettingsServer } from '../../storage/testing/fakeSettingsServer';
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
}

/** A fake Grafana holding `doc` as the app's registry, and the settings API over it. */
export function fakeRegistry(doc?: RegistryDocument) {
  const server = createFakeSettingsServer(PLUGIN_ID, doc ? { jsonData: { [REGISTRY_KEY]: doc } } : {});
  return { server, api: createGrafanaSettingsApi(PLUGIN_ID, server) };
}

/** The registry stored by the fake server, as the app's next load would read it. */
export function storedRegistry(server: FakeSettingsServer): RegistryDocument {
  return server.stored().jsonData?.[REGISTRY_KEY] as RegistryDocument;
}

/** Renders a page body the way the app does: with a router, the registry and (optionally) live values. */
export function renderWithRegistry(ui: ReactElement, { doc, user = adminUser, path = '/', live }: Options = {}) {
  locationService.push(path);
  const { server, api } = fakeRegistry(doc);
  const result = render(
    <HostRouter>
      <RegistryProvider api={api} user={user}>
        <LiveValuesProvider values={live}>{ui}</LiveValuesProvider>
      </RegistryProvider>
    </HostRouter>
  );
  return { ...result, server, api };
}

/** Counts the requests that would have changed the registry. */
export function writes(server: FakeSettingsServer): number {
  return server.requests.filter((request) => request.method === 'POST').length;
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
