import React from 'react';
import { join } from 'path';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { testIds } from '../../../components/testIds';
import { baseRegistry } from '../../../domain/testing/builders';
import { readFixture } from '../../../domain/testing/golden';
import { servicesImportUrl } from '../../../routing';
import { editorUser, viewerUser } from '../../../storage/testing/users';
import { clickAndSettle, renderWithRegistry, storedRegistry, writes } from '../../testing/registryHarness';
import { ImportPage } from './ImportPage';

/** A Backstage catalog of one component, `search`, owned by a group. */
const catalog = readFixture(join(__dirname, '../../../domain/io/__fixtures__/backstage/search.yaml'));
/** A Sloth spec of the checkout service. */
const slothSpec = readFixture(join(__dirname, '../../../domain/io/__fixtures__/sloth/checkout.yaml'));

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

  test('a multi-document paste names the document of a problem', async () => {
    renderWithRegistry(<ImportPage />, { doc: baseRegistry(), path: servicesImportUrl() });
    await paste(`${catalog}---\n${catalog.replace('name: search', 'name: Bad_Name')}`);
    const problems = await screen.findByTestId(testIds.importer.problems);
    expect(within(problems).getByRole('listitem')).toHaveTextContent(
      /^Line 14: services\[1\]\.id .*must be a slug.* \(document 2\)$/
    );
  });

  test('several uploaded files are imported together, each named in problems', async () => {
    const { server } = renderWithRegistry(<ImportPage />, { doc: baseRegistry(), path: servicesImportUrl() });
    const input = (await screen.findByTestId(testIds.importer.file)).querySelector('input[type="file"]')!;
    const files = [
      new File([catalog], 'search.yaml', { type: 'text/yaml' }),
      new File([catalog.replace(/search/g, 'cart').replace('Search', '[Cart')], 'cart.yaml', { type: 'text/yaml' }),
    ];
    fireEvent.change(input, { target: { files } });
    expect(await screen.findByTestId(testIds.importer.files)).toHaveTextContent(
      '2 files to import: search.yaml, cart.yaml'
    );
    expect(screen.getByTestId(testIds.importer.text)).toHaveValue('');
    fireEvent.click(screen.getByTestId(testIds.importer.check));
    const problems = await screen.findByTestId(testIds.importer.problems);
    expect(within(problems).getByRole('listitem')).toHaveTextContent(/YAML syntax error.*\(cart\.yaml\)$/);

    fireEvent.change(input, {
      target: { files: [files[0], new File([catalog.replace(/search/g, 'cart')], 'cart.yaml')] },
    });
    await waitFor(() => expect(screen.queryByTestId(testIds.importer.problems)).not.toBeInTheDocument());
    fireEvent.click(screen.getByTestId(testIds.importer.check));
    expect(await screen.findByTestId(testIds.importer.preview)).toHaveTextContent('2 to create, 0 to update');
    await clickAndSettle(screen.getByTestId(testIds.importer.confirm));
    expect(storedRegistry(server).services.map((service) => service.id)).toEqual([
      'checkout',
      'payments',
      'search',
      'cart',
    ]);
  });

  test('the migration report is folded under the preview and lists each source field', async () => {
    renderWithRegistry(<ImportPage />, { doc: baseRegistry(), path: servicesImportUrl() });
    await paste(catalog.replace('  title: Search\n', '  title: Search\n  tags: [java]\n'));
    const report = await screen.findByTestId(testIds.importer.report);
    expect(report).toHaveTextContent('Migration report: 5 mapped, 0 kept as labels, 1 dropped');
    expect(within(report).queryByText('metadata.tags')).not.toBeInTheDocument();
    fireEvent.click(within(report).getByRole('button', { name: /Migration report/ }));
    const row = within(report).getByText('metadata.tags').closest('tr')!;
    expect(row).toHaveTextContent('Dropped');
    expect(row).toHaveTextContent('metadata.tags has no place in the registry and is left out');
    expect(within(report).getByText('services[search].onCall.team')).toBeInTheDocument();
  });

  test('an owner the import changes is recorded in the owner history when saved', async () => {
    const owner = `${catalog.replace('group:search-team', 'user:default/ana').replace(/search/g, 'checkout')}---\napiVersion: backstage.io/v1alpha1\nkind: User\nmetadata:\n  name: ana\nspec:\n  profile: { displayName: Ana Lima, email: ana@example.com }\n`;
    const { server } = renderWithRegistry(<ImportPage />, { doc: baseRegistry(), path: servicesImportUrl() });
    await paste(owner);
    await screen.findByTestId(testIds.importer.preview);
    await clickAndSettle(screen.getByTestId(testIds.importer.confirm));
    const checkout = storedRegistry(server).services.find((service) => service.id === 'checkout')!;
    expect(checkout.owners.serviceOwner).toBe('ana');
    expect(checkout.ownerHistory).toEqual([{ role: 'serviceOwner', from: 'bruno', to: 'ana', at: expect.any(String) }]);
  });

  test("an Admin's import from Sloth turns Sloth's series on, and says so before saving", async () => {
    const { server } = renderWithRegistry(<ImportPage />, { doc: baseRegistry(), path: servicesImportUrl() });
    fireEvent.click(await screen.findByLabelText('Sloth prometheus/v1'));
    await paste(slothSpec);
    const preview = await screen.findByTestId(testIds.importer.preview);
    expect(preview).toHaveTextContent(/Sloth's recorded series will be turned on/);
    await clickAndSettle(screen.getByTestId(testIds.importer.confirm));
    expect(storedRegistry(server).settings.slothSeries).toBe(true);
  });

  test("an Editor's import from Sloth saves the SLOs and leaves Sloth's series off, with a warning", async () => {
    const { server } = renderWithRegistry(<ImportPage />, {
      doc: baseRegistry(),
      path: servicesImportUrl(),
      user: editorUser,
    });
    fireEvent.click(await screen.findByLabelText('Sloth prometheus/v1'));
    await paste(slothSpec);
    const preview = await screen.findByTestId(testIds.importer.preview);
    expect(preview).not.toHaveTextContent(/will be turned on/);
    expect(preview).toHaveTextContent(/Sloth's series stay off: only an Admin can turn them on/);
    await clickAndSettle(screen.getByTestId(testIds.importer.confirm));
    const stored = storedRegistry(server);
    expect(stored.slos.some((slo) => slo.serviceId === 'checkout' && slo.id.startsWith('checkout-'))).toBe(true);
    expect(stored.settings.slothSeries).toBeUndefined();
  });
});
