import { join } from 'node:path';

import { decodeDocument } from '../../storage/documents/dashboardCodec';
import { INDEX_UID, PEOPLE_UID, serviceUid } from '../../storage/documents/layout';
import { runCli } from '../run';
import { fakeIo } from '../testing/fakeIo';
import {
  content,
  FIXTURES,
  GRAFANA_URL,
  grafanaCli,
  renamed,
  VALID,
  VALID_DOC as DOC,
  yamlOf,
} from '../testing/grafanaCli';

const push = (...args: string[]) => ['push', ...args, '--grafana', GRAFANA_URL];

describe('push', () => {
  it('saves a registry into an empty Grafana, recorded under the token login', async () => {
    const cli = grafanaCli();
    expect(await cli.run(push(VALID))).toBe(0);
    expect(content(cli.server.registry())).toEqual(content(DOC));
    const service = decodeDocument(cli.server.dashboard(serviceUid('checkout'))?.json, 'service');
    expect(service.ok && service.payload.changes.map((change) => change.by)).toEqual(['sa-ci']);
    expect(cli.io.stdoutText).toMatch(new RegExp(`^8 changes from ${GRAFANA_URL} to ${VALID}:\n  person ana added\n`));
    expect(cli.io.stdoutText).toContain('  SLO payments-error-logs added\n');
    expect(cli.io.stdoutText).toMatch(
      /\npushed to http:\/\/grafana\.test:3000 as sa-ci: person ana added, .* and 2 more\n$/
    );
    expect(cli.io.stderrText).toBe('');
  });

  it('writes only what changed, and nothing when the registry is already there', async () => {
    const cli = grafanaCli({ registry: DOC, files: { 'renamed.yaml': yamlOf(renamed(DOC, 'payments', 'Pay')) } });
    expect(await cli.run(push(VALID))).toBe(0);
    expect(cli.io.stdoutText).toBe(`${GRAFANA_URL} already holds the registry of ${VALID}: nothing to push\n`);
    expect(cli.server.writes()).toBe(0);

    expect(await cli.run(push('renamed.yaml'))).toBe(0);
    const saved = cli.server.requests.filter((request) => request.method === 'POST').map((request) => request.url);
    expect(saved).toEqual(['/api/dashboards/db', '/api/dashboards/db']);
    expect(cli.server.dashboard(serviceUid('payments'))?.version).toBe(2);
    expect(cli.server.dashboard(serviceUid('checkout'))?.version).toBe(1);
    expect(cli.server.registry()?.services[1].name).toBe('Pay');
  });

  it.each<[string, Parameters<typeof grafanaCli>[0], string]>([
    ['in the folder', { registry: renamed(DOC, 'checkout', 'Old') }, ''],
    [
      'still in the plugin settings',
      { jsonData: { registry: renamed(DOC, 'checkout', 'Old') } },
      `note: ${GRAFANA_URL} still keeps the registry in the plugin settings; push moves it into the registry's folder first, which needs an org Admin (plugins:write)\n`,
    ],
  ])('a dry run prints the changes to a registry %s and writes nothing', async (_name, options, note) => {
    const cli = grafanaCli(options);
    const before = cli.server.snapshot();
    expect(await cli.run(push(VALID, '--dry-run'))).toBe(0);
    expect(cli.io.stdoutText).toBe(
      `1 change from ${GRAFANA_URL} to ${VALID}:\n  service checkout changed\ndry run: nothing was written to ${GRAFANA_URL}\n`
    );
    expect(cli.io.stderrText).toBe(note);
    expect(cli.server.snapshot()).toBe(before);
  });

  it.each<[string, Parameters<typeof grafanaCli>[0], string]>([
    ['a registry in the folder', { registry: renamed(DOC, 'checkout', 'Mine') }, '2 services, 3 people, 3 SLOs'],
    [
      'an emptied registry',
      { registry: { ...DOC, people: [], services: [], slos: [] } },
      '0 services, 0 people, 0 SLOs',
    ],
    ['a registry still in the plugin settings', { jsonData: { registry: DOC } }, '2 services, 3 people, 3 SLOs'],
  ])('--if-empty leaves %s alone', async (_name, options, counts) => {
    const cli = grafanaCli(options);
    const before = cli.server.snapshot();
    expect(await cli.run(push(VALID, '--if-empty'))).toBe(0);
    expect(cli.io.stdoutText).toBe(
      `${GRAFANA_URL} already holds a registry (${counts}): nothing pushed (--if-empty)\n`
    );
    expect(cli.server.snapshot()).toBe(before);
  });

  it('--if-empty seeds a Grafana without a registry', async () => {
    const cli = grafanaCli();
    expect(await cli.run(push(VALID, '--if-empty'))).toBe(0);
    expect(content(cli.server.registry())).toEqual(content(DOC));
  });

  it('refuses an invalid file with its problems and sends nothing', async () => {
    const cli = grafanaCli();
    const file = join(FIXTURES, 'invalid.yaml');
    expect(await cli.run(push(file))).toBe(1);
    expect(cli.io.stderrText).toContain(`${file}:18: slos[0].objective: objective must be a percentage`);
    expect(cli.io.stderrText).toMatch(/: 4 errors: invalid\n$/);
    expect(cli.fetch.calls).toEqual([]);
  });

  it.each<[string, Parameters<typeof grafanaCli>[0], (cli: ReturnType<typeof grafanaCli>) => void, RegExp]>([
    [
      'a Viewer token',
      { token: 'viewer-token', registry: DOC },
      () => undefined,
      /You can view but not change the registry/,
    ],
    [
      'a provisioned registry',
      { registry: DOC },
      (cli) => cli.server.provision(INDEX_UID, 'bizowner-index.json'),
      /This registry is provisioned from files \(bizowner-index\.json\)/,
    ],
  ])('refuses to push into a read-only registry: %s', async (_name, options, prepare, message) => {
    const cli = grafanaCli({ ...options, files: { 'renamed.yaml': yamlOf(renamed(DOC, 'payments', 'Pay')) } });
    prepare(cli);
    const before = cli.server.snapshot();
    expect(await cli.run(push('renamed.yaml'))).toBe(1);
    expect(cli.io.stderrText).toMatch(new RegExp(`^${GRAFANA_URL}: ${message.source}`));
    expect(cli.server.snapshot()).toBe(before);
  });

  it('fails on a conflict and leaves the other save whole, undoing its own writes', async () => {
    const people = DOC.people.map((person) => (person.id === 'ana' ? { ...person, name: 'Ana L.' } : person));
    const cli = grafanaCli({
      registry: DOC,
      files: { 'mine.yaml': yamlOf({ ...renamed(DOC, 'checkout', 'Mine'), people }) },
    });
    const theirs = fakeIo({
      fetch: cli.fetch,
      env: { GRAFANA_TOKEN: 'editor-token' },
      files: { 'theirs.yaml': yamlOf(renamed(DOC, 'checkout', 'Theirs')) },
    });
    cli.server.beforeSave = async () => {
      cli.server.beforeSave = undefined;
      expect(await runCli(push('theirs.yaml'), theirs)).toBe(0);
    };
    expect(await cli.run(push('mine.yaml'))).toBe(1);
    expect(cli.io.stderrText).toMatch(/sa-editor saved service checkout .*Nothing was saved.*\n$/);
    expect(cli.io.stderrText).toContain('Pull to see their change, or push again to replace it with mine.yaml.');
    expect(content(cli.server.registry())).toEqual(content(renamed(DOC, 'checkout', 'Theirs')));
    // The people document was written first, then put back: version 2 is ours, version 3 the undo.
    const stored = cli.server.dashboard(PEOPLE_UID);
    expect(stored?.versions.map((version) => version.message)).toEqual([
      'seed',
      'person ana changed',
      expect.stringMatching(/^Put back/),
    ]);
    expect(decodeDocument(stored?.json, 'people')).toMatchObject({ payload: { people: DOC.people } });
  });

  it.each<[string, string[], Parameters<typeof grafanaCli>[0], RegExp]>([
    ['no --grafana', ['push', VALID], {}, /missing option --grafana URL\nUsage: bizowner push /],
    ['a URL that is not http', ['push', VALID, '--grafana', 'grafana:3000'], {}, /--grafana must be an http\(s\) URL/],
    ['no token', push(VALID), { token: null }, /set GRAFANA_TOKEN to a Grafana service account token/],
    ['a token as an option', [...push(VALID), '--token', 'x'], {}, /unknown option --token/],
    [
      'a refused token',
      push(VALID),
      { token: 'revoked' },
      /invalid API key \(check GRAFANA_TOKEN: Grafana does not accept the token\)/,
    ],
    ['no app in Grafana', push(VALID), { pluginId: 'other-app' }, /HTTP 404.*\(is the Business Owner app installed/],
  ])('exits 2 for %s', async (_name, argv, options, message) => {
    const cli = grafanaCli(options);
    expect(await cli.run(argv)).toBe(2);
    expect(cli.io.stderrText).toMatch(message);
    expect(cli.server.writes()).toBe(0);
  });

  it('exits 2 when Grafana does not answer', async () => {
    const io = fakeIo({ env: { GRAFANA_TOKEN: 'admin-token' } });
    expect(await runCli(push(VALID), io)).toBe(2);
    expect(io.stderrText).toBe(
      `bizowner push: ${GRAFANA_URL} did not answer: fetch failed (is Grafana running at this URL?)\n`
    );
  });
});
