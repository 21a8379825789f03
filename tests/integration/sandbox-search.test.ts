/**
 * The sandbox's `GET /api/search`: Grafana's filters, hit shape, order, paging and limits.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { call, dashboardCommand, SandboxHarness } from './sandboxHarness';

const harness = new SandboxHarness();
let base: string;

beforeAll(async () => {
  ({ base } = await harness.start(harness.stateDir('search')));
  await call(base, 'POST', '/api/folders', { uid: 'services', title: 'Services' });
  await call(base, 'POST', '/api/folders', { uid: 'people', title: 'people' });
  const saves = [
    dashboardCommand('checkout', 'Checkout', { folderUid: 'services', tags: ['business-owner', 'service'] }),
    dashboardCommand('payments', 'payments', { folderUid: 'services', tags: ['business-owner', 'service', 'pci'] }),
    dashboardCommand('team', 'Team', { folderUid: 'people', tags: ['business-owner'] }),
    dashboardCommand('home', 'Home', { tags: ['service'] }),
  ];
  for (const save of saves) {
    expect((await call(base, 'POST', '/api/dashboards/db', save)).status).toBe(200);
  }
});
afterAll(() => harness.closeAll());

const uids = async (query: string) =>
  ((await call(base, 'GET', `/api/search${query}`)).body as Array<{ uid: string }>).map((hit) => hit.uid);

test('hits are folders first, then by title whatever its case, with their folder', async () => {
  expect(await uids('')).toEqual(['people', 'services', 'checkout', 'home', 'payments', 'team']);
  const hits = (await call(base, 'GET', '/api/search?dashboardUIDs=checkout')).body;
  expect(hits).toEqual([
    {
      id: expect.any(Number),
      uid: 'checkout',
      orgId: 1,
      title: 'Checkout',
      uri: 'db/checkout',
      url: '/d/checkout/checkout',
      slug: 'checkout',
      type: 'dash-db',
      tags: ['business-owner', 'service'],
      isStarred: false,
      sortMeta: 0,
      isDeleted: false,
      folderId: expect.any(Number),
      folderUid: 'services',
      folderTitle: 'Services',
      folderUrl: '/dashboards/f/services/services',
    },
  ]);
  const root = (await call(base, 'GET', '/api/search?dashboardUIDs=home')).body[0];
  expect(root).not.toHaveProperty('folderUid');
  const folder = (await call(base, 'GET', '/api/search?type=dash-folder&query=serv')).body;
  expect(folder).toEqual([
    expect.objectContaining({ uid: 'services', type: 'dash-folder', url: '/dashboards/f/services/services', tags: [] }),
  ]);
});

test.each([
  ['?type=dash-db', ['checkout', 'home', 'payments', 'team']],
  ['?type=dash-folder', ['people', 'services']],
  ['?tag=business-owner&tag=service', ['checkout', 'payments']],
  ['?tag=pci', ['payments']],
  ['?query=PAY', ['payments']],
  ['?dashboardUIDs=team&dashboardUIDs=home', ['home', 'team']],
  // Grafana reads repeated parameters, it does not split on commas
  ['?dashboardUIDs=team,home', []],
  ['?folderUIDs=services', ['checkout', 'payments']],
  ['?folderUIDs=people&folderUIDs=services&type=dash-db', ['checkout', 'payments', 'team']],
  ['?folderUIDs=general', ['people', 'services', 'home']],
  ['?type=dash-db&folderUIDs=services&tag=pci', ['payments']],
  ['?starred=true', []],
])('%s finds %j', async (query, expected) => {
  expect(await uids(query)).toEqual(expected);
});

test('limit is the page size and page counts from 1', async () => {
  expect(await uids('?type=dash-db&limit=2')).toEqual(['checkout', 'home']);
  expect(await uids('?type=dash-db&limit=2&page=2')).toEqual(['payments', 'team']);
  expect(await uids('?type=dash-db&limit=2&page=3')).toEqual([]);
  expect(await uids('?type=dash-db&limit=nonsense')).toHaveLength(4);
});

test('a limit above 5000 is refused with 422, as Grafana does', async () => {
  expect(await call(base, 'GET', '/api/search?limit=5001')).toEqual({
    status: 422,
    body: { message: 'Limit is above maximum allowed (5000), use page parameter to access hits beyond limit' },
  });
  expect((await call(base, 'GET', '/api/search?limit=5000')).status).toBe(200);
});

test('without a limit a search answers at most 1000 hits', async () => {
  const dir = harness.stateDir('search-many');
  mkdirSync(join(dir, 'providers'));
  mkdirSync(join(dir, 'many'));
  writeFileSync(
    join(dir, 'providers', 'many.yaml'),
    ['apiVersion: 1', 'providers:', '  - name: many', '    options:', '      path: ../many'].join('\n')
  );
  for (let i = 0; i < 1001; i++) {
    writeFileSync(
      join(dir, 'many', `d${i}.json`),
      JSON.stringify({ uid: `d${i}`, title: `D ${String(i).padStart(4, '0')}` })
    );
  }
  const many = await harness.start(dir);
  const first = (await call(many.base, 'GET', '/api/search?type=dash-db')).body;
  expect(first).toHaveLength(1000);
  const second = (await call(many.base, 'GET', '/api/search?type=dash-db&page=2')).body;
  expect(second.map((hit: { uid: string }) => hit.uid)).toEqual(['d1000']);
});

test('folders are listed by GET /api/folders', async () => {
  expect((await call(base, 'GET', '/api/folders')).body).toEqual([
    { id: expect.any(Number), uid: 'people', title: 'people' },
    { id: expect.any(Number), uid: 'services', title: 'Services' },
  ]);
});
