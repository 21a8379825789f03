import { LIFECYCLES, RegistryDocument, Tier } from '../model';
import { baseRegistry, basePerson, baseService, baseSlo } from './builders';

/**
 * A registry of `count` services (for list tests and the benchmark): 50 people, services spread
 * over tiers, lifecycles and teams, one in seven without a business owner, two SLOs every third.
 */
export function manyServices(count: number): RegistryDocument {
  const people = Array.from({ length: 50 }, (_, i) =>
    basePerson({ id: `person-${i}`, name: `Person ${i}`, email: `person${i}@example.com`, team: `team-${i % 12}` })
  );
  const services = Array.from({ length: count }, (_, i) => {
    const id = `service-${String(i).padStart(5, '0')}`;
    const tier = ((i % 4) + 1) as Tier;
    const owned = i % 7 !== 0;
    return baseService({
      id,
      name: `Service ${i}`,
      tier: owned ? tier : 4,
      lifecycle: LIFECYCLES[i % LIFECYCLES.length],
      owners: owned ? { businessOwner: `person-${i % 50}` } : {},
      onCall: { team: `team-${i % 12}` },
      selector: `{service="${id}"}`,
      dependsOn: [],
    });
  });
  const slos = services
    .filter((_, i) => i % 3 === 0)
    .flatMap((service) => [
      baseSlo('ratio', { id: `${service.id}-availability`, serviceId: service.id }),
      baseSlo('latency', { id: `${service.id}-latency`, serviceId: service.id, budgetPolicy: undefined }),
    ]);
  return baseRegistry({ people, services, slos });
}
