import React from 'react';
import { fireEvent, screen, within } from '@testing-library/react';
import { testIds } from '../../../components/testIds';
import { baseRegistry } from '../../../domain/testing/builders';
import { servicesImportUrl } from '../../../routing';
import { viewerUser } from '../../../storage/testing/users';
import { clickAndSettle, renderWithRegistry, storedRegistry, writes } from '../../testing/registryHarness';
import { ImportPage } from './ImportPage';

const catalog = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: search
  title: Search
spec:
  type: service
  lifecycle: production
  owner: group:search-team
`;

async function paste(text: string) {
  fireEvent.change(await screen.findByTestId(testIds.importer.text), { target: { value: text } });
  fireEvent.click(screen.getByTestId(testIds.importer.check));
}

describe('ImportPage', () => {
  test('a bad line is shown with its line number and nothing is saved', async () => {
    const { server } = renderWithRegistry(<ImportPage />, { doc: baseRegistry(), path: servicesImportUrl() });
    await paste(catalog.replace('  title: Search\n', '  title: [Search\n'));
    const problems = await screen.findByTestId(testIds.importer.problems);
    expect(within(problems).getByText(/Nothing was imported/)).toBeInTheDocument();
    expect(within(problems).getAllByText(/^Line \d+/).length).toBeGreaterThan(0);
    expect(screen.queryByTestId(testIds.importer.confirm)).not.toBeInTheDocument();
    expect(writes(server)).toBe(0);
  });

  test('a valid catalog is previewed, then saved on confirmation', async () => {
    const { server } = renderWithRegistry(<ImportPage />, { doc: baseRegistry(), path: servicesImportUrl() });
    await paste(catalog);
    const preview = await screen.findByTestId(testIds.importer.preview);
    expect(preview).toHaveTextContent('1 to create, 0 to update');
    expect(preview).toHaveTextContent(/Service search will be created/);
    expect(writes(server)).toBe(0);
    await clickAndSettle(screen.getByTestId(testIds.importer.confirm));
    expect(storedRegistry(server).services.map((service) => service.id)).toEqual(['checkout', 'payments', 'search']);
  });

  test('viewers can preview but not save', async () => {
    renderWithRegistry(<ImportPage />, { doc: baseRegistry(), path: servicesImportUrl(), user: viewerUser });
    await paste(catalog);
    await screen.findByTestId(testIds.importer.preview);
    expect(screen.getByTestId(testIds.importer.confirm)).toBeDisabled();
  });
});
