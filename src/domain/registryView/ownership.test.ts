import { baseRegistry, baseService } from '../testing/builders';
import { peopleDirectory, servicesOf, servicesWithoutBusinessOwner } from './ownership';

describe('ownership', () => {
  test('servicesOf lists roles and escalation', () => {
    const owned = servicesOf(baseRegistry(), 'bruno').map(({ service, roles, onEscalation }) => [
      service.id,
      roles,
      onEscalation,
    ]);
    expect(owned).toEqual([
      ['checkout', ['serviceOwner'], true],
      ['payments', ['businessOwner'], true],
    ]);
  });

  test('the directory counts services per role', () => {
    const [ana, bruno] = peopleDirectory(baseRegistry());
    expect(ana).toMatchObject({ services: 1, roles: { businessOwner: 1, serviceOwner: 0 } });
    expect(bruno).toMatchObject({ services: 2, roles: { businessOwner: 1, serviceOwner: 1 } });
  });

  test('services without a business owner', () => {
    const doc = baseRegistry();
    doc.services.push(baseService({ id: 'orphan', tier: 4, owners: {} }));
    expect(servicesWithoutBusinessOwner(doc).map((service) => service.id)).toEqual(['orphan']);
  });
});
