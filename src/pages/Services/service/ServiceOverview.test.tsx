import React from 'react';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { locationService } from '@grafana/runtime';
import { testIds } from '../../../components/testIds';
import { baseRegistry } from '../../../domain/testing/builders';
import { serviceUrl, servicesUrl } from '../../../routing';
import { viewerUser } from '../../../storage/testing/users';
import { clickAndSettle, renderWithRegistry, storedRegistry, writes } from '../../testing/registryHarness';
import { serviceTabBody } from './serviceTabs';

jest.setTimeout(30000);

function renderTab(tab: Parameters<typeof serviceTabBody>[1], options: Parameters<typeof renderWithRegistry>[1] = {}) {
  const Body = serviceTabBody('checkout', tab, jest.fn());
  return renderWithRegistry(<Body />, { doc: baseRegistry(), path: serviceUrl('checkout'), ...options });
}

describe('service page', () => {
  test('overview: owners with contacts, KPIs without a data source, links by type, dependencies', async () => {
    renderTab('overview');
    const overview = await screen.findByTestId(testIds.services.overview);
    expect(within(overview).getByText('ana@example.com')).toBeInTheDocument();
    expect(within(overview).getByText('Revenue per hour')).toBeInTheDocument();
    expect(within(overview).getAllByText(/no data source yet/i).length).toBeGreaterThan(0);
    expect(within(overview).getByText('Runbooks')).toBeInTheDocument();
    expect(within(overview).getByText('Checkout runbook').closest('a')).toHaveAttribute(
      'href',
      'https://wiki.example.com/runbooks/checkout'
    );
    expect(within(overview).getByText('Payments').closest('a')).toHaveAttribute('href', serviceUrl('payments'));
  });

  test('SLOs tab lists objectives and windows with no-data status', async () => {
    renderTab('slos');
    const table = await screen.findByTestId(testIds.services.sloTable);
    expect(within(table).getAllByText('99.9%')).toHaveLength(4);
    expect(within(table).getAllByText('No data')).toHaveLength(4);
  });

  test('dashboard tabs show the generated dashboard of the service', async () => {
    renderTab('debug');
    const tab = await screen.findByTestId(testIds.services.dashboardTab);
    expect(await within(tab).findByTestId(testIds.dashboards.view)).toBeInTheDocument();
  });

  test('deleting a service with SLOs deletes them too when asked', async () => {
    const { server } = renderTab('overview');
    fireEvent.click(await screen.findByTestId(testIds.services.delete));
    expect(screen.getByText('It has 4 SLOs. What should happen to them?')).toBeInTheDocument();
    await clickAndSettle(screen.getByTestId(testIds.services.deleteConfirm));
    const saved = storedRegistry(server);
    expect(saved.services.map((service) => service.id)).toEqual(['payments']);
    expect(saved.slos).toEqual([]);
    expect(locationService.getLocation().pathname).toBe(servicesUrl());
  });

  test('deleting a service with SLOs can move them to another service', async () => {
    const { server } = renderTab('overview');
    fireEvent.click(await screen.findByTestId(testIds.services.delete));
    act(() => {
      fireEvent.click(screen.getByLabelText('Move them to another service'));
    });
    await clickAndSettle(screen.getByTestId(testIds.services.deleteConfirm));
    const saved = storedRegistry(server);
    expect(saved.services.map((service) => service.id)).toEqual(['payments']);
    expect(saved.slos.map((slo) => slo.serviceId)).toEqual(['payments', 'payments', 'payments', 'payments']);
  });

  test('viewers see no enabled edit or delete', async () => {
    const { server } = renderTab('overview', { user: viewerUser });
    await screen.findByTestId(testIds.services.overview);
    expect(screen.getByTestId(testIds.services.edit)).toBeDisabled();
    expect(screen.getByTestId(testIds.services.delete)).toBeDisabled();
    expect(writes(server)).toBe(0);
  });
});
