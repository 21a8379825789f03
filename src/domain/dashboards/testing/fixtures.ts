/**
 * Registries for dashboard tests: the demo registry (four services of an online shop, the one
 * docker compose and the sandbox provision) and copies of it scaled to any number of services.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { parseRegistryYaml } from '../../io/native';
import { RegistryDocument, Service, Slo } from '../../model';

const DEMO_REGISTRY = join(__dirname, '../../../../provisioning/registry/demo-registry.yaml');

/** The demo registry, parsed and validated; throws when it has errors. */
export function demoRegistry(): RegistryDocument {
  const { doc, problems } = parseRegistryYaml(readFileSync(DEMO_REGISTRY, 'utf8'), DEMO_REGISTRY);
  if (!doc) {
    throw new Error(`demo registry is invalid: ${JSON.stringify(problems)}`);
  }
  return doc;
}

/** `count` services cycling through the demo services (`checkout-7`, …), each with copies of its SLOs. */
export function scaledRegistry(count: number): RegistryDocument {
  const demo = demoRegistry();
  const services: Service[] = [];
  const slos: Slo[] = [];
  for (let i = 0; i < count; i++) {
    const base = demo.services[i % demo.services.length];
    const id = `${base.id}-${i}`;
    services.push({ ...base, id, name: `${base.name} ${i}`, selector: `{service="${id}"}`, dependsOn: [] });
    for (const slo of demo.slos.filter((candidate) => candidate.serviceId === base.id)) {
      slos.push({ ...slo, id: `${slo.id}-${i}`, serviceId: id });
    }
  }
  return { ...demo, services, slos };
}
