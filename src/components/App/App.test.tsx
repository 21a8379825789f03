import React from 'react';
import { Route, Routes } from 'react-router-dom';
import { locationService } from '@grafana/runtime';
import { AppRootProps, PluginType } from '@grafana/data';
import { render, screen, within } from '@testing-library/react';
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
    ['reports', testIds.reports.page],
    ['slos', testIds.slos.list],
    ['executive', testIds.dashboards.view],
    ['oncall/checkout', testIds.dashboards.view],
  ])('routes /%s to its page', async (route, testId) => {
    renderAt(`${PLUGIN_BASE_URL}/${route}`);
    expect(await screen.findByTestId(testId, undefined, { timeout: 5000 })).toBeInTheDocument();
  });

  test.each<[string, string | undefined]>([
    ['invoices', undefined],
    ['slos/checkout-ratio/history', 'All SLOs'],
    ['slos/unknown-slo', 'All SLOs'],
    ['slos/unknown-slo/edit', 'All SLOs'],
    ['services/checkout/nope', 'Service checkout'],
    ['services/unknown-service', 'All services'],
    ['people/ana/history', 'All people'],
    ['executive/2024', 'Executive view'],
    ['governance/checkout', 'Governance'],
    ['oncall/checkout/x', 'All on-call views'],
  ])('an unknown address, /%s, says so and offers the way back', async (route, list) => {
    renderAt(`${PLUGIN_BASE_URL}/${route}`);
    const page = await screen.findByTestId(testIds.notFound.page, undefined, { timeout: 5000 });
    expect(within(page).getByText('Back to the services').closest('a')).toHaveAttribute(
      'href',
      `${PLUGIN_BASE_URL}/services`
    );
    if (list) {
      expect(within(page).getByText(list)).toBeInTheDocument();
    } else {
      expect(page).toHaveTextContent(`Not found: ${PLUGIN_BASE_URL}/${route}`);
    }
  });

  test('the app’s root leads to the services list', async () => {
    renderAt(PLUGIN_BASE_URL);
    expect(await screen.findByTestId(testIds.services.list, undefined, { timeout: 5000 })).toBeInTheDocument();
    expect(locationService.getLocation().pathname).toBe(`${PLUGIN_BASE_URL}/services`);
  });
});
