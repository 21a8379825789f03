import React from 'react';
import { Route, Routes } from 'react-router-dom';
import { locationService } from '@grafana/runtime';
import { AppRootProps, PluginType } from '@grafana/data';
import { render, screen } from '@testing-library/react';
import { PLUGIN_BASE_URL } from '../../constants';
import { HostRouter } from '../../testing/HostRouter';
import App from './App';

function renderAt(path: string) {
  const props = {
    basename: PLUGIN_BASE_URL,
    meta: { id: 'bizowner-slo-app', name: 'Business Owner', type: PluginType.app, enabled: true, jsonData: {} },
    query: {},
    path,
    onNavChanged: jest.fn(),
  } as unknown as AppRootProps;
  locationService.push(path);
  return render(
    <HostRouter>
      {/* Grafana mounts app plugins under /a/<plugin id>/*, so the app's routes are relative */}
      <Routes>
        <Route path={`${PLUGIN_BASE_URL}/*`} element={<App {...props} />} />
      </Routes>
    </HostRouter>
  );
}

describe('App', () => {
  test.each([
    ['services', /business owner, tier, SLO status/i],
    ['people', /who owns what/i],
    ['slos', /current SLI, error budget left/i],
    ['executive', /SLO compliance, error budget, business KPIs/i],
    ['governance', /a scorecard per service/i],
  ])('routes /%s to its page', async (route, text) => {
    renderAt(`${PLUGIN_BASE_URL}/${route}`);
    expect(await screen.findByText(text)).toBeInTheDocument();
  });
});
