import React from 'react';
import { render } from '@testing-library/react';
import { PluginType } from '@grafana/data';
import { BackendSrv, config } from '@grafana/runtime';
import { PLUGIN_ID } from '../../../constants';
import { RegistryDocument } from '../../../domain/model';
import { RegistryUser } from '../../../storage/access';
import { createFakeGrafana, FakeGrafana } from '../../../storage/testing/fakeGrafana';
import { clientAs } from '../../../storage/testing/asUser';
import AppConfig, { AppConfigProps } from '../AppConfig';

/**
 * Renders the config page for `user` over a fake Grafana holding `registry` in its folder and its
 * settings (plus unrelated jsonData that a save must keep) in the plugin settings, and returns
 * that fake. The test's `getBackendSrv` mock serves it signed in as `user`, as Grafana does.
 */
export function renderAppConfig(user: RegistryUser, registry?: RegistryDocument): FakeGrafana {
  const server = createFakeGrafana(PLUGIN_ID, {
    registry,
    jsonData: { ...(registry ? { settings: registry.settings } : {}), unrelated: 'keep me' },
  });
  config.bootData.user = { ...config.bootData.user, ...user };
  const props = {
    plugin: { meta: { id: PLUGIN_ID, name: 'Business Owner', type: PluginType.app, enabled: true, jsonData: {} } },
    query: {},
  } as unknown as AppConfigProps;
  mockBackend.current = clientAs(server, user);
  render(<AppConfig {...props} />);
  return server;
}

/** What `getBackendSrv()` returns in the config page tests: the fake Grafana as the signed-in user. */
export const mockBackend: { current?: Pick<BackendSrv, 'fetch'> } = {};
