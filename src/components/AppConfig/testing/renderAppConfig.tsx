import React from 'react';
import { render } from '@testing-library/react';
import { PluginType } from '@grafana/data';
import { config } from '@grafana/runtime';
import { PLUGIN_ID } from '../../../constants';
import { RegistryDocument } from '../../../domain/model';
import { RegistryUser } from '../../../storage/access';
import { createFakeSettingsServer, FakeSettingsServer } from '../../../storage/testing/fakeSettingsServer';
import AppConfig, { AppConfigProps } from '../AppConfig';

/**
 * Renders the config page for `user` over a fake Grafana holding `registry` (plus unrelated
 * jsonData that a save must keep) and returns that fake, which the test's `getBackendSrv` mock serves.
 */
export function renderAppConfig(user: RegistryUser, registry?: RegistryDocument): FakeSettingsServer {
  const server = createFakeSettingsServer(PLUGIN_ID, {
    enabled: true,
    pinned: true,
    jsonData: { ...(registry ? { registry, registryWriteId: 'w-initial' } : {}), unrelated: 'keep me' },
  });
  config.bootData.user = { ...config.bootData.user, ...user };
  const props = {
    plugin: { meta: { id: PLUGIN_ID, name: 'Business Owner', type: PluginType.app, enabled: true, jsonData: {} } },
    query: {},
  } as unknown as AppConfigProps;
  mockBackend.current = server;
  render(<AppConfig {...props} />);
  return server;
}

/** The fake Grafana that `getBackendSrv()` returns in the config page tests. */
export const mockBackend: { current?: FakeSettingsServer } = {};
