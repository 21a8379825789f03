import React from 'react';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { locationService } from '@grafana/runtime';
import { testIds } from '../../../components/testIds';
import { RegistryDocument } from '../../../domain/model';
import { baseRegistry, baseService, baseSlo } from '../../../domain/testing/builders';
import { emptyRegistry } from '../../../domain/registry';
import { viewerUser } from '../../../storage/testing/users';
import { servicesUrl } from '../../../routing';
import { manyServices } from '../../../domain/testing/manyServices';
import { renderWithRegistry, URL_WRITTEN } from '../../testing/registryHarness';
import { ServicesList } from './ServicesList';
import { useRegistry } from '../../../storage/RegistryContext';
import { HEAD_SERVICES } from '../../../storage/documents/indexHead';
import { nameOrder } from '../../../domain/registryView/servicesQuery';

// Each test takes 2-4 s on a loaded two-core machine (the table and its comboboxes render in jsdom).
jest.setTimeout(20000);

function registry() {
  const doc = baseRegistry();
  doc.services.push(
    baseService({ id: 'legacy-cart', name: 'Legacy cart', tier: 4, lifecycle: 'deprecated', owners: {}, dependsOn: [] })
  );
  return doc;
}

function withPrometheus(doc: RegistryDocument): RegistryDocument {
  doc.settings.prometheus = { uid: 'prom', type: 'prometheus' };
  return doc;
}

function shownServices(): string[] {
  // Plain selectors: role queries walk the accessibility tree, which is slow on a 50-row table.
  const rows = screen.getByTestId(testIds.services.list).querySelectorAll('tbody tr');
  return Array.from(rows).map((row) => row.querySelector('a')?.textContent ?? '');
}

/** What the registry context holds: the whole registry, a preview, or nothing yet. */
function RegistryProbe() {
  const { doc, preview } = useRegistry();
  const text = doc
    ? `whole of ${doc.services.length}`
    : preview
      ? `preview of ${preview.doc.services.length}`
      : 'nothing';
  return <span data-testid="probe">{text}</span>;
}

describe('ServicesList', () => {
  test('a large registry shows its first page from the index’s head at once, then the whole list and its pickers', async () => {
    const count = HEAD_SERVICES + 30;
    const doc = manyServices(count);
    const firstPage = [...doc.services]
      .sort(nameOrder)
      .slice(0, 50)
      .map((service) => service.name);
    // Frames are held back, so the head stays on screen until the test lets them come.
    const frames: FrameRequestCallback[] = [];
    const raf = jest.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => frames.push(callback));
    try {
      renderWithRegistry(
        <>
          <ServicesList />
          <RegistryProbe />
        </>,
        { doc, path: servicesUrl(), wantsPreview: true }
      );
      await waitFor(() =>
        expect(screen.getByTestId(testIds.services.count)).toHaveTextContent(`${count} of ${count} services`)
      );
      expect(shownServices()).toEqual(firstPage);
      expect(screen.getByTestId('probe')).toHaveTextContent(`preview of ${HEAD_SERVICES}`);
      // The pickers' choices come with the whole registry: boxes in their place until then.
      expect(document.querySelectorAll('[data-pending-filter]')).toHaveLength(4);
    } finally {
      raf.mockRestore();
    }
    await act(async () => {
      frames.splice(0).forEach((callback) => callback(0));
    });
    await screen.findByRole('combobox', { name: 'Business owner' });
    expect(screen.getByTestId('probe')).toHaveTextContent(`whole of ${count}`);
    expect(document.querySelectorAll('[data-pending-filter]')).toHaveLength(0);
    expect(shownServices()).toEqual(firstPage);
    expect(screen.getByTestId(testIds.services.count)).toHaveTextContent(`${count} of ${count} services`);
  });

  test('a head that cannot answer the address’s query waits for the whole registry', async () => {
    const count = HEAD_SERVICES + 30;
    const frames: FrameRequestCallback[] = [];
    const raf = jest.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => frames.push(callback));
    try {
      renderWithRegistry(<ServicesList />, {
        doc: manyServices(count),
        path: servicesUrl({ sort: 'tier' }),
        wantsPreview: true,
      });
      // The preview is on its way (the whole waits for its frame), and the list shows the spinner.
      await waitFor(() => expect(frames.length).toBeGreaterThan(0));
      expect(screen.getByTestId(testIds.registry.loading)).toBeInTheDocument();
      expect(screen.queryByTestId(testIds.services.list)).toBeNull();
    } finally {
      raf.mockRestore();
    }
    await act(async () => {
      frames.splice(0).forEach((callback) => callback(0));
    });
    await waitFor(() =>
      expect(screen.getByTestId(testIds.services.count)).toHaveTextContent(`${count} of ${count} services`)
    );
  });

  test('shows every service with owner, SLO count, no-data status and scorecard', async () => {
    renderWithRegistry(<ServicesList />, { doc: registry(), path: servicesUrl() });
    await screen.findByText('Checkout');
    expect(shownServices()).toEqual(['Checkout', 'Legacy cart', 'Payments']);
    const checkout = screen.getByText('Checkout').closest('tr')!;
    expect(within(checkout).getByText('Ana Lima')).toBeInTheDocument();
    expect(within(checkout).getByText('4')).toBeInTheDocument();
    expect(within(checkout).getByText('No data')).toBeInTheDocument();
    expect(within(checkout).getByText('Intermediate')).toBeInTheDocument();
    expect(screen.getByTestId(testIds.services.liveNotice)).toHaveTextContent(/No data source yet/);
  });

  test('search narrows the list and is written to the URL', async () => {
    renderWithRegistry(<ServicesList />, { doc: registry(), path: servicesUrl() });
    await screen.findByText('Checkout');
    // The pickers mount after the list's first frame; typing starts once they are there.
    await screen.findByRole('combobox', { name: 'Business owner' });
    fireEvent.change(screen.getByTestId(testIds.services.search), { target: { value: 'card' } });
    expect(shownServices()).toEqual(['Payments']);
    // The list follows each keystroke; the URL once typing pauses.
    expect(locationService.getSearchObject()).not.toHaveProperty('q');
    await waitFor(() => expect(locationService.getSearchObject()).toMatchObject({ q: 'card' }), URL_WRITTEN);
    expect(screen.getByTestId(testIds.services.count)).toHaveTextContent('1 of 3 services');
  });

  test('filters come from the URL: services without a business owner', async () => {
    renderWithRegistry(<ServicesList />, { doc: registry(), path: servicesUrl({ owner: '_none' }) });
    await screen.findByText('Legacy cart');
    expect(shownServices()).toEqual(['Legacy cart']);
    // a filter with a chosen value has no placeholder left, and is still named
    expect(screen.getByLabelText('Business owner', { selector: 'input' })).toHaveAttribute('role', 'combobox');
    expect(screen.getByLabelText('Search by name, id, description, owner or team')).toBe(
      screen.getByTestId(testIds.services.search)
    );
  });

  test('a filter chosen while the typed text waits for the URL takes the text with it', async () => {
    renderWithRegistry(<ServicesList />, { doc: registry(), path: servicesUrl() });
    await screen.findByText('Checkout');
    fireEvent.change(screen.getByTestId(testIds.services.search), { target: { value: 'card' } });
    fireEvent.click(screen.getByTestId(testIds.services.attention));
    await waitFor(
      () => expect(locationService.getSearchObject()).toMatchObject({ q: 'card', attention: '1' }),
      URL_WRITTEN
    );
    expect(screen.getByTestId(testIds.services.search)).toHaveValue('card');
  });

  test('needs attention and clearing the filters', async () => {
    renderWithRegistry(<ServicesList />, { doc: registry(), path: servicesUrl() });
    await screen.findByText('Checkout');
    fireEvent.click(screen.getByTestId(testIds.services.attention));
    // The list shows the filter at once; the URL follows once that is painted.
    expect(shownServices()).toEqual(['Legacy cart']);
    expect(locationService.getSearchObject()).not.toHaveProperty('attention');
    await waitFor(() => expect(locationService.getSearchObject()).toMatchObject({ attention: '1' }), URL_WRITTEN);
    fireEvent.click(screen.getByTestId(testIds.services.clearFilters));
    expect(shownServices()).toHaveLength(3);
  });

  test('sorting a column sorts all rows and lands in the URL', async () => {
    renderWithRegistry(<ServicesList />, { doc: registry(), path: servicesUrl() });
    await screen.findByText('Checkout');
    fireEvent.click(screen.getByRole('button', { name: /Sort column Tier/ }));
    await waitFor(() => expect(locationService.getSearchObject()).toMatchObject({ sort: 'tier' }), URL_WRITTEN);
    expect(shownServices()).toEqual(['Checkout', 'Payments', 'Legacy cart']);
  });

  test('measured values show status and budget left', async () => {
    const doc = withPrometheus(registry());
    const live = { slos: { 'checkout-ratio': { source: 'recorded' as const, budgetLeft: 0.42, burnRate: 0.5 } } };
    renderWithRegistry(<ServicesList />, { doc, path: servicesUrl(), live });
    const checkout = (await screen.findByText('Checkout')).closest('tr')!;
    expect(within(checkout).getByText('42.0%')).toBeInTheDocument();
    expect(within(checkout).getByText('Within budget')).toBeInTheDocument();
    expect(screen.queryByTestId(testIds.services.liveNotice)).not.toBeInTheDocument();
  });

  test('the status names its rule: a policy freezing on burn is a release freeze, whatever the budget left', async () => {
    const doc = withPrometheus(registry());
    doc.slos.push(baseSlo('ratio', { id: 'payments-ratio', serviceId: 'payments', budgetPolicy: undefined }));
    const live = {
      slos: {
        // checkout: burning 2.5x over its policy's 3 days against a policy that freezes above 2x
        // (quiet in the last 5 minutes), with a third of its budget left
        'checkout-ratio': {
          source: 'recorded' as const,
          budgetLeft: 0.334,
          burnRate: 0.3,
          policyBurn: { rate: 2.5, window: '3d' },
        },
        // payments: no policy, so at risk only below a quarter of its budget
        'payments-ratio': { source: 'recorded' as const, budgetLeft: 0.305, burnRate: 0.8 },
      },
    };
    renderWithRegistry(<ServicesList />, { doc, path: servicesUrl(), live });
    const checkout = (await screen.findByText('Checkout')).closest('tr')!;
    const payments = screen.getByText('Payments').closest('tr')!;
    expect(within(checkout).getByText('Release freeze')).toBeInTheDocument();
    expect(within(checkout).getByText('33.4%')).toBeInTheDocument();
    expect(within(payments).getByText('Within budget')).toBeInTheDocument();
    expect(within(payments).getByText('30.5%')).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: /Lowest budget left/ })).toBeInTheDocument();
    expect(screen.queryByText('At risk')).not.toBeInTheDocument();
  });

  test('while live values are read, the list says so and for how long', async () => {
    const doc = withPrometheus(registry());
    renderWithRegistry(<ServicesList />, { doc, path: servicesUrl(), readingSince: Date.now() - 4_000 });
    await screen.findByText('Checkout');
    const notice = screen.getByTestId(testIds.services.liveNotice);
    expect(notice).toHaveTextContent(/Reading live values from prom… \((4|5) s\)/);
    expect(notice).not.toHaveTextContent(/generated dashboards/);
  });

  test('a failed read names the data source and the reason', async () => {
    const doc = withPrometheus(registry());
    const failed = { source: 'none' as const, reason: { kind: 'queryFailed' as const, message: 'connection refused' } };
    const live = { slos: Object.fromEntries(doc.slos.map((slo) => [slo.id, failed])) };
    renderWithRegistry(<ServicesList />, { doc, path: servicesUrl(), live });
    await screen.findByText('Checkout');
    expect(screen.getByTestId(testIds.services.liveNotice)).toHaveTextContent('Could not read live values from prom');
    expect(screen.getByTestId(testIds.services.liveNotice)).toHaveTextContent('connection refused');
  });

  test('without recorded values the list says the rules are not loaded and how to load them', async () => {
    const doc = withPrometheus(registry());
    const noSeries = { source: 'none' as const, hasData: false, reason: { kind: 'noSeries' as const } };
    const live = { slos: Object.fromEntries(doc.slos.map((slo) => [slo.id, noSeries])) };
    renderWithRegistry(<ServicesList />, { doc, path: servicesUrl(), live });
    await screen.findByText('Checkout');
    const notice = screen.getByTestId(testIds.services.liveNotice);
    expect(notice).toHaveTextContent('The recording rules are not loaded in prom yet');
    expect(notice).toHaveTextContent('Download all rules');
  });

  test('an empty registry offers to create the first service or import', async () => {
    renderWithRegistry(<ServicesList />, { doc: emptyRegistry(), path: servicesUrl() });
    expect(await screen.findByTestId(testIds.services.empty)).toBeInTheDocument();
    expect(screen.getByText('Create your first service').closest('a')).toHaveAttribute(
      'href',
      '/a/bizowner-slo-app/services/new'
    );
    expect(screen.getByText('Import from Backstage or OpenSLO').closest('a')).toHaveAttribute(
      'href',
      '/a/bizowner-slo-app/services/import'
    );
  });

  test('viewers see the list read-only: create and import are disabled with the reason', async () => {
    renderWithRegistry(<ServicesList />, { doc: registry(), path: servicesUrl(), user: viewerUser });
    await screen.findByText('Checkout');
    expect(screen.getByText('Read-only access')).toBeInTheDocument();
    expect(screen.getByTestId(testIds.services.create)).toBeDisabled();
    expect(screen.getByTestId(testIds.services.import)).toBeDisabled();
  });

  test('renders 5,000 services one page at a time and filters them', async () => {
    renderWithRegistry(<ServicesList />, { doc: manyServices(5000), path: servicesUrl() });
    expect(await screen.findByText('Service 0')).toBeInTheDocument();
    expect(screen.getByTestId(testIds.services.count)).toHaveTextContent('5000 of 5000 services');
    expect(shownServices()).toHaveLength(50);
    act(() => locationService.partial({ q: 'Service 4999' }, true));
    expect(shownServices()).toEqual(['Service 4999']);
    act(() => locationService.partial({ q: undefined, owner: '_none', page: '3' }, true));
    // one service in seven has no business owner: 715 of 5,000, 15 pages
    expect(screen.getByTestId(testIds.services.count)).toHaveTextContent('715 of 5000 services');
    expect(shownServices()).toHaveLength(50);
  });
});
