/**
 * Seeds a new sandbox with the demo registry through the sandbox's own HTTP API, the way the
 * compose stack seeds Grafana (`cli push --if-empty`): once, when no registry is stored, never on
 * a restart that finds one.
 */
import { readFileSync } from 'node:fs';
import { parseRegistryYaml } from '../src/domain/io/native';
import { formatProblem } from '../src/domain/problems';
import { createGrafanaApi } from '../src/storage/grafana/api';
import { fetchTransport } from '../src/storage/grafana/fetchTransport';
import { RegistryUser } from '../src/storage/access';
import { loadRegistry, saveRegistry } from '../src/storage/registryStore';

/** The admin the seed acts as; the sandbox records its own identity as the author of the first versions. */
const SEED_USER = { login: 'admin', orgRole: 'Admin', permissions: {} } as unknown as RegistryUser;

/** Pushes the registry in `yamlPath` to the sandbox at `baseUrl` unless it already holds one. */
export async function seedRegistry(baseUrl: string, yamlPath: string, token?: string): Promise<'seeded' | 'kept'> {
  const { doc, problems } = parseRegistryYaml(readFileSync(yamlPath, 'utf8'), yamlPath);
  if (!doc) {
    throw new Error(`the seed registry has problems:\n${problems.map(formatProblem).join('\n')}`);
  }
  const api = createGrafanaApi(fetchTransport(baseUrl, token));
  const user = SEED_USER;
  const loaded = await loadRegistry(api, user);
  if (!loaded.ok) {
    throw new Error(`seeding: ${loaded.message}`);
  }
  if (loaded.versions.index !== undefined) {
    return 'kept';
  }
  const saved = await saveRegistry(loaded, doc, { api, user });
  if (!saved.ok) {
    throw new Error(`seeding: ${saved.message}`);
  }
  return 'seeded';
}
