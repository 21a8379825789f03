import React from 'react';
import { screen, within } from '@testing-library/react';
import { testIds } from '../../components/testIds';
import { ROUTES } from '../../constants';
import { emptyRegistry } from '../../domain/registry';
import { baseRegistry } from '../../domain/testing/builders';
import { prefixRoute } from '../../routing';
import { renderWithRegistry } from '../testing/registryHarness';
import { ExecutiveView } from './ExecutiveView';

jest.setTimeout(20000);

describe('ExecutiveView', () => {
  test('an empty registry shows the way forward instead of an empty dashboard', async () => {
    renderWithRegistry(<ExecutiveView />, { doc: emptyRegistry(), path: prefixRoute(ROUTES.Executive) });
    const empty = await screen.findByTestId(testIds.executive.empty);
    expect(within(empty).getByText('No services to report on yet')).toBeInTheDocument();
    expect(within(empty).getByText('Create your first service').closest('a')).toHaveAttribute(
      'href',
      '/a/bizowner-slo-app/services/new'
    );
    expect(screen.queryByTestId(testIds.dashboards.view)).not.toBeInTheDocument();
  });

  test('services without SLOs: says what is missing and still shows the dashboard', async () => {
    renderWithRegistry(<ExecutiveView />, { doc: baseRegistry({ slos: [] }), path: prefixRoute(ROUTES.Executive) });
    const notice = await screen.findByTestId(testIds.executive.noSlos);
    expect(within(notice).getByText('Write an SLO').closest('a')).toHaveAttribute(
      'href',
      '/a/bizowner-slo-app/slos/new'
    );
    expect(await screen.findByTestId(testIds.dashboards.view)).toBeInTheDocument();
  });

  test('the error-budget policy state of the services sits above the dashboard', async () => {
    renderWithRegistry(<ExecutiveView />, { doc: baseRegistry(), path: prefixRoute(ROUTES.Executive) });
    const table = await screen.findByTestId(testIds.budgetPolicy.table);
    expect(within(table).getByText(/State unknown: no Prometheus data source yet/)).toBeInTheDocument();
    expect(await screen.findByTestId(testIds.dashboards.view)).toBeInTheDocument();
  });

  test('with SLOs, the dashboard alone', async () => {
    renderWithRegistry(<ExecutiveView />, { doc: baseRegistry(), path: prefixRoute(ROUTES.Executive) });
    expect(await screen.findByTestId(testIds.dashboards.view)).toBeInTheDocument();
    expect(screen.queryByTestId(testIds.executive.noSlos)).not.toBeInTheDocument();
    expect(screen.queryByTestId(testIds.executive.empty)).not.toBeInTheDocument();
  });
});
