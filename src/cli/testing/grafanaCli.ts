/** Runs commands against an in-memory Grafana: the setup shared by the push, pull and provision tests. */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { stringify } from 'yaml';

import { PLUGIN_ID } from '../../constants';
import { parseRegistryYaml } from '../../domain/io/native';
import { RegistryDocument } from '../../domain/model';
import { createFakeGrafana, FakeGrafana, FakeGrafanaOptions } from '../../storage/testing/fakeGrafana';
import { runCli } from '../run';
import { fakeGrafanaFetch, FakeGrafanaFetch, ServiceAccount } from './fakeGrafanaFetch';
import { fakeIo, FakeIo } from './fakeIo';

export const GRAFANA_URL = 'http://grafana.test:3000';

/** The command-line fixtures, relative to the working directory as a user would name them. */
export const FIXTURES = relative(process.cwd(), resolve(__dirname, '../../../tests/integration/fixtures/cli'));
/** Two services, three people, three SLOs, no `settings` key. */
export const VALID = join(FIXTURES, 'valid.yaml');
/** The registry `VALID` holds. */
export const VALID_DOC = parseRegistryYaml(readFileSync(VALID, 'utf8'), VALID).doc!;

/** What a save stores: the registry without its bookkeeping fields. */
export function content(doc: RegistryDocument | undefined) {
  return doc && { settings: doc.settings, people: doc.people, services: doc.services, slos: doc.slos };
}

/** Native YAML of `doc`, without its `settings` key unless `settings` is true. */
export function yamlOf(doc: RegistryDocument, settings = false): string {
  const { schemaVersion: _v, revision: _r, settings: own, ...rest } = doc;
  return stringify(settings ? { settings: own, ...rest } : rest);
}

/** `doc` with service `id` renamed. */
export function renamed(doc: RegistryDocument, id: string, name: string): RegistryDocument {
  return { ...doc, services: doc.services.map((service) => (service.id === id ? { ...service, name } : service)) };
}

/** Service account tokens the fake Grafana knows. */
export const TOKENS: Record<string, ServiceAccount> = {
  'admin-token': { login: 'sa-ci', role: 'Admin' },
  'editor-token': { login: 'sa-editor', role: 'Editor' },
  'viewer-token': { login: 'sa-viewer', role: 'Viewer' },
};

export interface GrafanaCli {
  server: FakeGrafana;
  fetch: FakeGrafanaFetch;
  io: FakeIo;
  /** Runs one command line with this I/O and returns its exit code. */
  run(argv: string[]): Promise<number>;
}

/**
 * A fake Grafana (see `createFakeGrafana`) and I/O whose `GRAFANA_TOKEN` is `token` (none when
 * `null`) and whose files are `files` (fixtures are read from the disk).
 */
export function grafanaCli(
  options: FakeGrafanaOptions & { token?: string | null; files?: Record<string, string>; pluginId?: string } = {}
): GrafanaCli {
  const { token = 'admin-token', files, pluginId = PLUGIN_ID, ...serverOptions } = options;
  const server = createFakeGrafana(pluginId, serverOptions);
  const fetch = fakeGrafanaFetch(server, TOKENS);
  const io = fakeIo({ fetch, files, env: token === null ? {} : { GRAFANA_TOKEN: token } });
  return { server, fetch, io, run: (argv) => runCli(argv, io) };
}
