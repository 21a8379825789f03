/**
 * The registry store against a real sandbox server over HTTP: 50 clients, each with a token of its
 * own (so the sandbox records who wrote each version), load the registry and then save at the same
 * time. On one service Grafana's version check lets exactly one save through and every other save
 * gets the conflict; on 50 different services every save is stored, in its document and in the index.
 */
import type { OrgRole } from '@grafana/data';
import { resolve } from 'node:path';
import { RegistryDocument, Service } from '../../src/domain/model';
import { manyServices } from '../../src/domain/testing/manyServices';
import { RegistryUser } from '../../src/storage/access';
import { decodeDocument } from '../../src/storage/documents/dashboardCodec';
import { INDEX_UID, serviceUid } from '../../src/storage/documents/layout';
import { IndexPayload, ServicePayload } from '../../src/storage/documents/payloads';
import { createGrafanaApi, GrafanaApi } from '../../src/storage/grafana/api';
import { DashboardDto } from '../../src/storage/grafana/types';
import { fetchTransport } from '../../src/storage/grafana/fetchTransport';
import { LoadedRegistry, loadRegistry, saveRegistry, SaveResult } from '../../src/storage/registryStore';
import { SandboxTokens } from '../../sandbox/identity';
import { SandboxHarness } from './sandboxHarness';

const CLIENTS = 50;
const DEMO_REGISTRY = resolve(__dirname, '..', '..', 'provisioning', 'registry', 'demo-registry.yaml');

const harness = new SandboxHarness();
afterAll(() => harness.closeAll());

interface Client {
  user: RegistryUser;
  api: GrafanaApi;
}

/** Grafana decides by the token; the store only needs the login and the role it claims. */
function userOf(login: string, role: 'Admin' | 'Editor'): RegistryUser {
  return { login, orgRole: role as OrgRole, permissions: {} };
}

/** `count` Editors `editor-0`…, each with its own token, and an Admin for seeding and reading back. */
function clientsFor(count: number): {
  tokens: SandboxTokens;
  connect(base: string): { admin: Client; editors: Client[] };
} {
  const tokens: SandboxTokens = { 'token-admin': { role: 'Admin', login: 'seeder' } };
  for (let i = 0; i < count; i++) {
    tokens[`token-${i}`] = { role: 'Editor', login: `editor-${i}` };
  }
  return {
    tokens,
    connect: (base) => ({
      admin: { user: userOf('seeder', 'Admin'), api: createGrafanaApi(fetchTransport(base, 'token-admin')) },
      editors: Array.from({ length: count }, (_, i) => ({
        user: userOf(`editor-${i}`, 'Editor'),
        api: createGrafanaApi(fetchTransport(base, `token-${i}`)),
      })),
    }),
  };
}

async function load(client: Client): Promise<LoadedRegistry> {
  const loaded = await loadRegistry(client.api, client.user);
  if (!loaded.ok) {
    throw new Error(`${client.user.login} could not load: ${loaded.message}`);
  }
  return loaded;
}

async function readDocument(api: GrafanaApi, uid: string): Promise<DashboardDto> {
  const answer = await api.getDashboard(uid);
  if (!answer.ok) {
    throw new Error(`${uid}: HTTP ${answer.status} ${answer.message}`);
  }
  return answer.value;
}

async function readService(api: GrafanaApi, id: string): Promise<{ payload: ServicePayload; dto: DashboardDto }> {
  const dto = await readDocument(api, serviceUid(id));
  const decoded = decodeDocument(dto.dashboard, 'service');
  if (!decoded.ok) {
    throw new Error(decoded.message);
  }
  return { payload: decoded.payload, dto };
}

async function readIndex(api: GrafanaApi): Promise<IndexPayload> {
  const decoded = decodeDocument((await readDocument(api, INDEX_UID)).dashboard, 'index');
  if (!decoded.ok) {
    throw new Error(decoded.message);
  }
  return decoded.payload;
}

function describeService(doc: RegistryDocument, id: string, description: string): RegistryDocument {
  return {
    ...doc,
    services: doc.services.map((service) => (service.id === id ? { ...service, description } : service)),
  };
}

function counts(results: SaveResult[]) {
  return {
    ok: results.filter((result) => result.ok).length,
    okWithIndexWarning: results.filter((result) => result.ok && result.warning !== undefined).length,
    conflict: results.filter((result) => !result.ok && result.kind === 'conflict').length,
    other: results.filter((result) => !result.ok && result.kind !== 'conflict').length,
  };
}

function print(title: string, tally: ReturnType<typeof counts>): void {
  process.stdout.write(
    `${title}: ${tally.ok} ok (${tally.okWithIndexWarning} with an index warning), ${tally.conflict} conflict, ${tally.other} other\n`
  );
}

test(`${CLIENTS} clients save one service at once: one save is stored, every other gets the conflict naming it`, async () => {
  const { tokens, connect } = clientsFor(CLIENTS);
  const dir = harness.stateDir('storage-race-one');
  const { base } = await harness.start(dir, { tokens, seedRegistryPath: DEMO_REGISTRY });
  const { admin, editors } = connect(base);
  const before = await load(admin);
  const id = 'checkout';
  expect(before.doc.services.map((service) => service.id)).toContain(id);
  const seeded = await readService(admin.api, id);
  expect(seeded.dto.meta.version).toBe(1);

  const loaded = await Promise.all(editors.map(load));
  loaded.forEach((registry) => expect(registry.access.canWrite).toBe(true));
  const results = await Promise.all(
    editors.map((client, i) =>
      saveRegistry(loaded[i], describeService(loaded[i].doc, id, `edited by ${client.user.login}`), {
        api: client.api,
        user: client.user,
      })
    )
  );

  const tally = counts(results);
  print(`${CLIENTS} saves of service ${id}`, tally);
  expect(tally).toEqual({ ok: 1, okWithIndexWarning: 0, conflict: CLIENTS - 1, other: 0 });
  const winner = editors[results.findIndex((result) => result.ok)].user.login;

  // The service document holds the winner's change, recorded by the store and by the sandbox.
  const stored = await readService(admin.api, id);
  expect(stored.payload.service.description).toBe(`edited by ${winner}`);
  expect(stored.dto.meta).toMatchObject({ version: 2, updatedBy: winner });
  // the sandbox seeds the demo registry as its own `admin`
  expect(stored.payload.changes.map((change) => [change.version, change.by])).toEqual([
    [1, 'admin'],
    [2, winner],
  ]);
  const versions = await admin.api.getVersions(serviceUid(id));
  expect(versions.ok && versions.value.map((version) => [version.version, version.createdBy])).toEqual([
    [2, winner],
    [1, 'admin'],
  ]);

  // Every refused save names the winner and carries the winner's change, so nothing is lost.
  for (const result of results) {
    if (!result.ok && result.kind === 'conflict') {
      expect(result.updatedBy).toBe(winner);
      expect(result.latest.services.find((service) => service.id === id)?.description).toBe(`edited by ${winner}`);
    }
  }

  // The index and a fresh load show the registry with that one change and nothing else.
  const index = await readIndex(admin.api);
  const entry = index.services.find((candidate) => candidate.service.id === id);
  expect(entry).toMatchObject({ version: 2, service: { description: `edited by ${winner}` } });
  const after = await load(admin);
  expect(after.doc.services).toEqual(describeService(before.doc, id, `edited by ${winner}`).services);
  expect(after.doc.slos).toEqual(before.doc.slos);
  expect(after.doc.people).toEqual(before.doc.people);
});

test(`${CLIENTS} clients save ${CLIENTS} different services at once: every change is stored in its document and in the index`, async () => {
  const { tokens, connect } = clientsFor(CLIENTS);
  const dir = harness.stateDir('storage-race-many');
  const { base } = await harness.start(dir, { tokens });
  const { admin, editors } = connect(base);
  const source = manyServices(60);
  const empty = await load(admin);
  const seeded = await saveRegistry(empty, source, { api: admin.api, user: admin.user });
  if (!seeded.ok) {
    throw new Error(`seeding failed: ${seeded.message}`);
  }
  expect(seeded.warning).toBeUndefined();

  const loaded = await Promise.all(editors.map(load));
  loaded.forEach((registry) => expect(registry.doc.services).toHaveLength(60));
  const edited = (i: number) => `edited by ${editors[i].user.login}`;
  const results = await Promise.all(
    editors.map((client, i) =>
      saveRegistry(loaded[i], describeService(loaded[i].doc, source.services[i].id, edited(i)), {
        api: client.api,
        user: client.user,
      })
    )
  );

  const tally = counts(results);
  print(`${CLIENTS} saves of ${CLIENTS} different services`, tally);
  expect(tally).toMatchObject({ ok: CLIENTS, conflict: 0, other: 0 });

  const expected: Service[] = source.services.map((service, i) =>
    i < CLIENTS ? { ...service, description: edited(i) } : service
  );
  // Each service document, read back through the API: the edited ones hold their change and its
  // author, the others are as seeded.
  const documents = await Promise.all(source.services.map((service) => readService(admin.api, service.id)));
  documents.forEach(({ payload, dto }, i) => {
    expect(payload.service).toEqual(expected[i]);
    expect(payload.slos).toEqual(source.slos.filter((slo) => slo.serviceId === source.services[i].id));
    const author = i < CLIENTS ? editors[i].user.login : 'seeder';
    expect({ id: payload.service.id, version: dto.meta.version, updatedBy: dto.meta.updatedBy }).toEqual({
      id: source.services[i].id,
      version: i < CLIENTS ? 2 : 1,
      updatedBy: author,
    });
    expect(payload.changes.at(-1)?.by).toBe(author);
  });

  // The index holds every change, each entry at its document's version, in registry order.
  const index = await readIndex(admin.api);
  const lagging = index.services.filter((entry, i) => entry.service.description !== expected[i].description);
  expect(lagging.map((entry) => `${entry.service.id} at version ${entry.version}`)).toEqual([]);
  expect(index.services.map((entry) => entry.service)).toEqual(expected);
  expect(index.services.map((entry) => entry.version)).toEqual(documents.map(({ dto }) => dto.meta.version));
  const after = await load(admin);
  expect(after.doc.services).toEqual(expected);
  expect(after.doc.slos).toEqual(source.slos);
  // A save whose index update gave up says so ("pages may lag until the next save"): none may.
  expect(results.filter((result) => result.ok && result.warning).map((result) => result.ok && result.warning)).toEqual(
    []
  );
});
