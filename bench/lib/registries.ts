/** Generated registries for the browser and storage benchmarks. */
import { RegistryDocument, SliKind } from '../../src/domain/model';
import { baseSlo } from '../../src/domain/testing/builders';
import { manyServices } from '../../src/domain/testing/manyServices';

/** The SLOs each service gets in `servicesWithSlos`, in order. */
const SLO_KINDS: Array<{ suffix: string; kind: SliKind }> = [
  { suffix: 'availability', kind: 'ratio' },
  { suffix: 'latency', kind: 'latency' },
  { suffix: 'errors', kind: 'freeform' },
];

/** `manyServices(count)` with `perService` SLOs (at most 3) on every service, named after it. */
export function servicesWithSlos(count: number, perService: number): RegistryDocument {
  const doc = manyServices(count);
  const slos = doc.services.flatMap((service) =>
    SLO_KINDS.slice(0, perService).map(({ suffix, kind }) =>
      baseSlo(kind, {
        id: `${service.id}-${suffix}`,
        serviceId: service.id,
        name: `${service.name} ${suffix}`,
        labels: { team: service.onCall?.team ?? 'none' },
      })
    )
  );
  return { ...doc, slos };
}

/** A registry of 2,000 SLOs: `manyServices(3000)` with SLOs named after their service. */
export function manySlos(): RegistryDocument {
  const doc = manyServices(3000);
  const names = new Map(doc.services.map((service) => [service.id, service.name]));
  return {
    ...doc,
    slos: doc.slos.map((slo) => ({
      ...slo,
      name: `${names.get(slo.serviceId)} ${slo.id.endsWith('latency') ? 'latency' : 'availability'}`,
    })),
  };
}

/** How many services and SLOs the business owner `person` has. */
export function ownedBy(doc: RegistryDocument, person: string): { services: number; slos: number } {
  const owned = new Set(doc.services.filter((service) => service.owners.businessOwner === person).map((s) => s.id));
  return { services: owned.size, slos: doc.slos.filter((slo) => owned.has(slo.serviceId)).length };
}
