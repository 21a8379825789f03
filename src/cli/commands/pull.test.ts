import { parseRegistryYaml, stringifyRegistryYaml } from '../../domain/io/native';
import { RegistryDocument } from '../../domain/model';
import { emptyRegistry } from '../../domain/registry';
import { authorizationOf } from '../grafanaSession';
import { runCli } from '../run';
import { fakeGrafanaFetch } from '../testing/fakeGrafanaFetch';
import { fakeIo } from '../testing/fakeIo';
import { content, GRAFANA_URL, grafanaCli, VALID_DOC as DOC } from '../testing/grafanaCli';

const SETTINGS = { ...DOC.settings, prometheus: { uid: 'prom-main', type: 'prometheus' } };

const pull = (...args: string[]) => ['pull', '--grafana', GRAFANA_URL, ...args];

/** The registry a YAML text holds, without bookkeeping fields. */
const contentOf = (yaml: string) => content(parseRegistryYaml(yaml, 'pulled.yaml').doc);

describe('pull', () => {
  it.each<[string, Parameters<typeof grafanaCli>[0], RegistryDocument]>([
    ['the folder', { registry: { ...DOC, settings: SETTINGS } }, { ...DOC, settings: SETTINGS }],
    [
      'the plugin settings, without moving it',
      { jsonData: { registry: DOC, settings: SETTINGS } },
      { ...DOC, settings: SETTINGS },
    ],
    ['a Grafana without a registry', { jsonData: { settings: SETTINGS } }, { ...emptyRegistry(), settings: SETTINGS }],
  ])('prints the registry in %s as native YAML and writes nothing', async (_name, options, expected) => {
    const cli = grafanaCli({ ...options, token: 'viewer-token' });
    const before = cli.server.snapshot();
    expect(await cli.run(pull())).toBe(0);
    expect(contentOf(cli.io.stdoutText)).toEqual(content(expected));
    expect(cli.server.snapshot()).toBe(before);
  });

  it('gives the YAML a push finds nothing to change in', async () => {
    const cli = grafanaCli({ registry: { ...DOC, settings: SETTINGS } });
    expect(await cli.run(pull('--out', 'pulled.yaml'))).toBe(0);
    expect(cli.io.stdoutText).toBe(`wrote pulled.yaml (2 services, 3 people, 3 SLOs) from ${GRAFANA_URL}\n`);
    expect(cli.io.written.get('pulled.yaml')).toBe(stringifyRegistryYaml(cli.server.registry()!));
    expect(await cli.run(['push', 'pulled.yaml', '--grafana', GRAFANA_URL])).toBe(0);
    expect(cli.io.stdoutText).toContain('nothing to push\n');
    expect(cli.server.writes()).toBe(0);
  });

  it('signs in with GRAFANA_USER and GRAFANA_PASSWORD (basic auth) when there is no token', async () => {
    const cli = grafanaCli({ registry: DOC, token: null });
    const basic = authorizationOf({ kind: 'basic', user: 'ana', password: 's3cret' });
    const io = fakeIo({
      // The fake reads everything after `Bearer ` as the token: only this basic header is known.
      fetch: fakeGrafanaFetch(cli.server, { [basic]: { login: 'ana', role: 'Viewer' } }),
      env: { GRAFANA_USER: 'ana', GRAFANA_PASSWORD: 's3cret' },
    });
    expect(await runCli(pull(), io)).toBe(0);
    expect(contentOf(io.stdoutText)).toEqual(content(DOC));
    expect(cli.server.requests.every((request) => request.login === 'ana')).toBe(true);
  });

  it('notes a registry that is still in the plugin settings', async () => {
    const cli = grafanaCli({ jsonData: { registry: DOC } });
    expect(await cli.run(pull())).toBe(0);
    expect(cli.io.stderrText).toMatch(/^note: The registry is still in the plugin settings/);
  });

  it.each<[string, string[], Parameters<typeof grafanaCli>[0], RegExp]>([
    ['a positional argument', pull('registry.yaml'), {}, /unexpected argument registry\.yaml/],
    ['no token', pull(), { token: null }, /set GRAFANA_TOKEN/],
    ['a refused token', pull(), { token: 'revoked' }, /check GRAFANA_TOKEN/],
  ])('exits 2 for %s', async (_name, argv, options, message) => {
    const cli = grafanaCli(options);
    expect(await cli.run(argv)).toBe(2);
    expect(cli.io.stderrText).toMatch(message);
    expect(cli.io.stdoutText).toBe('');
  });

  it('exits 2 when Grafana does not answer', async () => {
    const io = fakeIo({ env: { GRAFANA_TOKEN: 'admin-token' } });
    expect(await runCli(pull(), io)).toBe(2);
    expect(io.stderrText).toMatch(/did not answer: fetch failed \(is Grafana running at this URL\?\)\n$/);
  });
});
