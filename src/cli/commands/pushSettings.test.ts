import { content, GRAFANA_URL, grafanaCli, renamed, VALID, VALID_DOC as DOC, yamlOf } from '../testing/grafanaCli';

const PROMETHEUS = { uid: 'prom-main', type: 'prometheus' };

const push = (...args: string[]) => ['push', ...args, '--grafana', GRAFANA_URL];

describe('push: settings and a registry in the plugin settings', () => {
  it.each<[string, string, string, number, unknown]>([
    ['an Admin token pushes settings that differ', 'admin-token', 'own settings', 0, PROMETHEUS],
    ['settings are left alone without a settings key', 'editor-token', 'no settings', 0, { uid: 'stored' }],
  ])('%s', async (_name, token, file, code, prometheus) => {
    const files = {
      'own settings': yamlOf({ ...DOC, settings: { ...DOC.settings, prometheus: PROMETHEUS } }, true),
      'no settings': yamlOf(DOC),
    };
    const cli = grafanaCli({
      token,
      files,
      jsonData: { settings: { ...DOC.settings, prometheus: { uid: 'stored' } } },
    });
    expect(await cli.run(push(file))).toBe(code);
    expect((cli.server.settings().jsonData?.settings as { prometheus: unknown }).prometheus).toEqual(prometheus);
    expect(content(cli.server.registry())?.services).toEqual(DOC.services);
  });

  it('names plugins:write when the token may not push settings, and writes nothing', async () => {
    const files = { 'own.yaml': yamlOf({ ...DOC, settings: { ...DOC.settings, prometheus: PROMETHEUS } }, true) };
    const cli = grafanaCli({ token: 'editor-token', files });
    const before = cli.server.snapshot();
    expect(await cli.run(push('own.yaml'))).toBe(1);
    expect(cli.io.stderrText).toBe(
      `${GRAFANA_URL}: pushing the app's settings needs an org Admin (plugins:write); nothing was written. Remove \`settings\` from own.yaml to push people, services and SLOs only\n`
    );
    expect(cli.server.snapshot()).toBe(before);
  });

  it('moves a registry out of the plugin settings first, then pushes', async () => {
    const cli = grafanaCli({ jsonData: { registry: renamed(DOC, 'checkout', 'Legacy') } });
    expect(await cli.run(push(VALID))).toBe(0);
    expect(cli.io.stderrText).toMatch(/^note: The registry was moved from the plugin settings/);
    expect(cli.io.stdoutText).toContain('  service checkout changed\n');
    expect(cli.server.settings().jsonData?.registry).toBeUndefined();
    expect(content(cli.server.registry())).toEqual(content(DOC));
  });
});
