import React from 'react';
import { Route, Routes } from 'react-router-dom';
import { locationService } from '@grafana/runtime';
import { AppRootProps, PluginType } from '@grafana/data';
import { render, screen } from '@testing-library/react';
import { PLUGIN_BASE_URL } from '../../constants';
import { baseRegistry } from '../../domain/testing/builders';
import { fakeRegistry } from '../../pages/testing/registryHarness';
import { adminUser } from '../../storage/testing/users';
import { HostRouter } from '../../testing/HostRouter';
import { testIds } from '../testIds';
import App from './App';

jest.setTimeout(30000);

function renderAt(path: string) {
  const props = {
    basename: PLUGIN_BASE_URL,
    meta: { id: 'bizowner-slo-app', name: 'Business Owner', type: PluginType.app, enabled: true, jsonData: {} },
    query: {},
    path,
    onNavChanged: jest.fn(),
  } as unknown as AppRootProps;
  const { api } = fakeRegistry(baseRegistry());
  locationService.push(path);
  return render(
    <HostRouter>
      {/* Grafana mounts app plugins under /a/<plugin id>/*, so the app's routes are relative */}
      <Routes>
        <Route path={`${PLUGIN_BASE_URL}/*`} element={<App {...props} registryApi={api} user={adminUser} />} />
      </Routes>
    </HostRouter>
  );
}

describe('App', () => {
  test.each([
    ['services', testIds.services.list],
    ['services/checkout', testIds.services.overview],
    ['services/checkout/slos', testIds.services.sloTable],
    ['services/checkout/cost', testIds.services.dashboardTab],
    ['services/new', testIds.services.form],
    ['services/checkout/edit', testIds.services.form],
    ['services/import', testIds.importer.text],
    ['people', testIds.people.list],
    ['people/ana', testIds.people.person],
    ['people/new', testIds.people.form],
    ['governance', testIds.governance.summary],
    ['slos', testIds.slos.list],
    ['executive', testIds.dashboards.view],
    ['oncall/checkout', testIds.dashboards.view],
  ])('routes /%s to its page', async (route, testId) => {
    renderAt(`${PLUGIN_BASE_URL}/${route}`);
    expect(await screen.findByTestId(testId, undefined, { timeout: 5000 })).toBeInTheDocument();
  });
});
