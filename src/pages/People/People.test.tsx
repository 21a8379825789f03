import React from 'react';
import { fireEvent, screen, within } from '@testing-library/react';
import { locationService } from '@grafana/runtime';
import { testIds } from '../../components/testIds';
import { baseRegistry, baseService } from '../../domain/testing/builders';
import { personCreateUrl, personUrl, prefixRoute } from '../../routing';
import { ROUTES } from '../../constants';
import { viewerUser } from '../../storage/testing/users';
import { clickAndSettle, renderWithRegistry, storedRegistry, writes } from '../testing/registryHarness';
import { PeopleList } from './PeopleList';
import { PersonForm } from './PersonForm';
import { PersonLoaded } from './PersonLoaded';
import { PersonPage } from './PersonPage';

jest.setTimeout(30000);

function registry() {
  const doc = baseRegistry();
  doc.services.push(baseService({ id: 'orphan', name: 'Orphan', tier: 4, owners: {}, dependsOn: [] }));
  return doc;
}

function Person({ id }: { id: string }) {
  return <PersonLoaded personId={id}>{(person, doc) => <PersonPage person={person} doc={doc} />}</PersonLoaded>;
}

describe('people', () => {
  test('the directory shows who owns what and links to services without a business owner', async () => {
    renderWithRegistry(<PeopleList />, { doc: registry(), path: prefixRoute(ROUTES.People) });
    const list = await screen.findByTestId(testIds.people.list);
    const bruno = within(list).getByText('Bruno Costa').closest('tr')!;
    expect(bruno).toHaveTextContent('Business owner (1), Service owner (1)');
    const orphans = screen.getByText('Services without a business owner (1)').closest('a');
    expect(orphans).toHaveAttribute('href', '/a/bizowner-slo-app/services?owner=_none');
  });

  test("a person's page lists their services, roles and SLO health", async () => {
    renderWithRegistry(<Person id="ana" />, { doc: registry(), path: personUrl('ana') });
    await screen.findByTestId(testIds.people.person);
    const checkout = screen.getByText('Checkout').closest('tr')!;
    expect(checkout).toHaveTextContent('Business owner, On-call escalation');
    expect(within(checkout).getByText('No data')).toBeInTheDocument();
    expect(screen.getByText('SLO health: No data: 4')).toBeInTheDocument();
  });

  test('a person still named by services cannot be deleted until replaced', async () => {
    const { server } = renderWithRegistry(<Person id="bruno" />, { doc: registry(), path: personUrl('bruno') });
    fireEvent.click(await screen.findByTestId(testIds.people.delete));
    expect(screen.getByText('Services still name this person')).toBeInTheDocument();
    expect(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' })).toBeDisabled();
    expect(writes(server)).toBe(0);
  });

  test('create a person: invalid e-mail first, then valid', async () => {
    const { server } = renderWithRegistry(<PersonForm />, { doc: registry(), path: personCreateUrl() });
    await screen.findByTestId(testIds.people.form);
    const type = (key: string, value: string) =>
      fireEvent.change(document.getElementById(`person-${key}`)!, { target: { value } });
    type('id', 'carla');
    type('name', 'Carla Dias');
    type('email', 'carla-at-example');
    fireEvent.click(screen.getByTestId(testIds.people.save));
    expect((await screen.findAllByText(/does not look like an e-mail address/)).length).toBeGreaterThan(0);
    expect(writes(server)).toBe(0);
    type('email', 'carla@example.com');
    await clickAndSettle(screen.getByTestId(testIds.people.save));
    expect(storedRegistry(server).people.map((person) => person.id)).toEqual(['ana', 'bruno', 'carla']);
    expect(locationService.getLocation().pathname).toBe(personUrl('carla'));
  });

  test('viewers get no enabled save, edit or delete', async () => {
    renderWithRegistry(<Person id="ana" />, { doc: registry(), path: personUrl('ana'), user: viewerUser });
    await screen.findByTestId(testIds.people.person);
    expect(screen.getByTestId(testIds.people.edit)).toBeDisabled();
    expect(screen.getByTestId(testIds.people.delete)).toBeDisabled();
  });
});
