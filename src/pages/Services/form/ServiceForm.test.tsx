import React from 'react';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { config, locationService } from '@grafana/runtime';
import { testIds } from '../../../components/testIds';
import { baseRegistry } from '../../../domain/testing/builders';
import { serviceCreateUrl, serviceEditUrl, serviceUrl, servicesUrl } from '../../../routing';
import { saveAs } from '../../../storage/testing/asUser';
import { otherAdminUser, viewerUser } from '../../../storage/testing/users';
import { clickAndSettle, renderWithRegistry, storedRegistry, writes } from '../../testing/registryHarness';
import { ServiceForm } from './ServiceForm';

function type(id: string, value: string) {
  fireEvent.change(document.getElementById(id)!, { target: { value } });
}

// The form holds several comboboxes; their first render in jsdom takes seconds on a shared machine.
jest.setTimeout(30000);

describe('ServiceForm', () => {
  beforeEach(() => {
    config.bootData.user = { ...config.bootData.user, login: 'admin' };
  });

  test('create: invalid input is refused next to its field, then valid input is saved', async () => {
    const { server } = renderWithRegistry(<ServiceForm />, { doc: baseRegistry(), path: serviceCreateUrl() });
    await screen.findByTestId(testIds.services.form);
    type('service-id', 'Bad Id');
    fireEvent.click(screen.getByTestId(testIds.services.save));

    expect(await screen.findByText('Nothing was saved: fix the fields marked in red')).toBeInTheDocument();
    expect(screen.getAllByText(/id "Bad Id" must be a slug/)).not.toHaveLength(0);
    expect(screen.getAllByText('name must not be empty')).not.toHaveLength(0);
    expect(writes(server)).toBe(0);

    type('service-id', 'search');
    type('service-name', 'Search');
    expect(screen.queryByText(/must be a slug/)).not.toBeInTheDocument();
    await clickAndSettle(screen.getByTestId(testIds.services.save));

    await waitFor(() => expect(locationService.getLocation().pathname).toBe(serviceUrl('search')));
    const saved = storedRegistry(server).services.find((service) => service.id === 'search');
    expect(saved).toMatchObject({ name: 'Search', tier: 3, selector: '{service="search"}', ownerHistory: [] });
  });

  test('every field is named by its label, rows included, and each group of choices by its own', async () => {
    renderWithRegistry(<ServiceForm serviceId="checkout" />, { doc: baseRegistry(), path: serviceEditUrl('checkout') });
    await screen.findByTestId(testIds.services.form);
    fireEvent.click(screen.getByText('Add a KPI'));
    fireEvent.click(screen.getByText('Add a link'));
    fireEvent.click(screen.getByText('Add a cost tag'));
    const labels = [
      'Decision scope',
      'On-call team',
      'Escalation chain',
      'On-call schedule URL',
      'Telemetry selector',
      'Depends on',
      'PromQL query',
      'Unit',
      'Target',
      'Type',
      'Business owner',
    ];
    for (const label of labels) {
      // getAllByLabelText throws when a label is there but names no control
      expect(screen.getAllByLabelText(new RegExp(`^${label}(?!\\s)`)).length).toBeGreaterThan(0);
    }
    expect(screen.getByLabelText('Label of cost tag 1')).toBeInTheDocument();
    expect(screen.getByLabelText('Value of cost tag 1')).toBeInTheDocument();
    for (const group of ['Tier', 'Lifecycle', 'Better when']) {
      expect(screen.getAllByLabelText(group, { selector: '[role="radiogroup"]' }).length).toBeGreaterThan(0);
    }
    for (const group of ['Impact', 'Cost tags']) {
      expect(screen.getByLabelText(group, { selector: '[role="group"]' })).toBeInTheDocument();
    }
  });

  test('links accept only http(s) URLs', async () => {
    const { server } = renderWithRegistry(<ServiceForm />, { doc: baseRegistry(), path: serviceCreateUrl() });
    await screen.findByTestId(testIds.services.form);
    type('service-id', 'search');
    type('service-name', 'Search');
    fireEvent.click(screen.getByText('Add a link'));
    fireEvent.change(screen.getByLabelText('Link 1 URL'), { target: { value: 'javascript:alert(1)' } });
    fireEvent.click(screen.getByTestId(testIds.services.save));
    expect(await screen.findAllByText(/"javascript:" URLs are refused/)).not.toHaveLength(0);
    expect(writes(server)).toBe(0);
  });

  test('a duplicate id is refused', async () => {
    renderWithRegistry(<ServiceForm />, { doc: baseRegistry(), path: serviceCreateUrl() });
    await screen.findByTestId(testIds.services.form);
    type('service-id', 'payments');
    type('service-name', 'Payments again');
    fireEvent.click(screen.getByTestId(testIds.services.save));
    expect(await screen.findAllByText('Another service already uses this id; pick another one.')).not.toHaveLength(0);
  });

  test('edit conflict: the storage message is shown with a reload, and the edit is kept for a second save', async () => {
    const { server } = renderWithRegistry(<ServiceForm serviceId="checkout" />, {
      doc: baseRegistry(),
      path: serviceEditUrl('checkout'),
    });
    await screen.findByTestId(testIds.services.form);

    // Somebody else saves the same service after this page loaded the registry.
    await act(() =>
      saveAs(server, otherAdminUser, (doc) => ({
        ...doc,
        services: doc.services.map((service) =>
          service.id === 'checkout' ? { ...service, description: 'Takes the order.' } : service
        ),
      }))
    );

    type('service-name', 'Checkout API');
    await clickAndSettle(screen.getByTestId(testIds.services.save));
    const alert = await screen.findByTestId(testIds.registry.saveFailure);
    expect(alert).toHaveTextContent('Someone else changed the registry');
    expect(alert).toHaveTextContent(/bruno saved service checkout at 2026-11-27T09:00:00.000Z \(version 2\)/);
    expect(alert).toHaveTextContent('service checkout changed');
    expect(storedRegistry(server).services[0]).toMatchObject({ name: 'Checkout', description: 'Takes the order.' });

    await clickAndSettle(screen.getByTestId(testIds.registry.reload));
    expect(screen.queryByTestId(testIds.registry.saveFailure)).not.toBeInTheDocument();
    expect(screen.getByDisplayValue('Checkout API')).toBeInTheDocument();
    await clickAndSettle(screen.getByTestId(testIds.services.save));
    await waitFor(() => expect(locationService.getLocation().pathname).toBe(serviceUrl('checkout')));
    const saved = storedRegistry(server);
    // The seeded index is version 1, bruno's save made it 2 and this one 3.
    expect(saved.revision).toBe(3);
    expect(saved.services[0]).toMatchObject({ name: 'Checkout API', description: 'Takes the order.' });
  });

  test('changing an owner appends to the owner history with who did it', async () => {
    const { server } = renderWithRegistry(<ServiceForm serviceId="checkout" />, {
      doc: baseRegistry(),
      path: serviceEditUrl('checkout'),
    });
    await screen.findByTestId(testIds.services.form);
    const serviceOwner = document.getElementById('owner-serviceOwner') as HTMLInputElement;
    await act(async () => {
      fireEvent.change(serviceOwner, { target: { value: 'Ana' } });
      fireEvent.keyDown(serviceOwner, { key: 'ArrowDown' });
      fireEvent.keyDown(serviceOwner, { key: 'Enter' });
    });
    expect(serviceOwner).toHaveValue('Ana Lima');
    await clickAndSettle(screen.getByTestId(testIds.services.save));
    // One save: the service's document, then the index that pages read.
    expect(writes(server)).toBe(2);
    const saved = storedRegistry(server).services[0];
    expect(saved.owners.serviceOwner).toBe('ana');
    expect(saved.ownerHistory).toEqual([
      { role: 'serviceOwner', from: 'bruno', to: 'ana', at: expect.any(String), by: 'admin' },
    ]);
  });

  test('unsaved changes: leaving asks first', async () => {
    renderWithRegistry(<ServiceForm serviceId="checkout" />, { doc: baseRegistry(), path: serviceEditUrl('checkout') });
    await screen.findByTestId(testIds.services.form);
    type('service-name', 'Changed');
    act(() => locationService.push(servicesUrl()));
    expect(await screen.findByTestId(testIds.registry.unsavedPrompt)).toBeInTheDocument();
    expect(locationService.getLocation().pathname).toBe(serviceEditUrl('checkout'));
    fireEvent.click(screen.getByText('Discard and leave'));
    await waitFor(() => expect(locationService.getLocation().pathname).toBe(servicesUrl()));
  });

  test('viewers see the form with a disabled save button', async () => {
    renderWithRegistry(<ServiceForm serviceId="checkout" />, {
      doc: baseRegistry(),
      path: serviceEditUrl('checkout'),
      user: viewerUser,
    });
    await screen.findByTestId(testIds.services.form);
    expect(screen.getByText('Read-only access')).toBeInTheDocument();
    expect(screen.getByTestId(testIds.services.save)).toBeDisabled();
  });
});
