/**
 * `push` as the demo stack's `seed` service runs it (docker-compose.yaml): basic auth from
 * GRAFANA_USER and GRAFANA_PASSWORD, --wait for a Grafana that is still starting, and --if-empty so
 * that the registry is seeded once and never again.
 */
import { PLUGIN_ID } from '../../constants';
import { decodeDocument } from '../../storage/documents/dashboardCodec';
import { serviceUid } from '../../storage/documents/layout';
import { createFakeGrafana, FakeGrafana } from '../../storage/testing/fakeGrafana';
import { authorizationOf, HEALTH_POLL_MS } from '../grafanaSession';
import { CliFetch } from '../io';
import { runCli } from '../run';
import { fakeGrafanaFetch, FakeGrafanaFetch } from '../testing/fakeGrafanaFetch';
import { fakeIo, FakeIo } from '../testing/fakeIo';
import { content, GRAFANA_URL, renamed, TOKENS, VALID, VALID_DOC, yamlOf } from '../testing/grafanaCli';

/** The file the compose stack seeds. */
const DEMO = 'provisioning/registry/demo-registry.yaml';
/** Grafana's admin in the compose stack. */
const ADMIN = { GRAFANA_USER: 'admin', GRAFANA_PASSWORD: 'admin' };

const seed = (file = DEMO, ...extra: string[]) => ['push', file, '--grafana', GRAFANA_URL, '--if-empty', ...extra];

interface Stack {
  server: FakeGrafana;
  fetch: FakeGrafanaFetch;
  /** Runs a command line with `env`, as a fresh process would. */
  run(argv: string[], env?: Record<string, string>): Promise<{ code: number; io: FakeIo }>;
}

/**
 * A fake Grafana that knows the admin's basic auth (login `admin`) and the test tokens, and whose
 * `/api/health` gives no answer `starting` times before it answers.
 */
function stack(starting = 0, files: Record<string, string> = {}): Stack {
  const server = createFakeGrafana(PLUGIN_ID);
  const basic = authorizationOf({ kind: 'basic', user: ADMIN.GRAFANA_USER, password: ADMIN.GRAFANA_PASSWORD });
  // The fake reads everything after `Bearer ` as the token, so the whole basic header is the key.
  const fetch = fakeGrafanaFetch(server, { ...TOKENS, [basic]: { login: 'admin', role: 'Admin' } });
  let down = starting;
  const withHealth: CliFetch = async (url, init) => {
    if (new URL(url).pathname !== '/api/health') {
      return fetch(url, init);
    }
    fetch.calls.push('GET /api/health');
    if (down-- > 0) {
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    }
    return { ok: true, status: 200, statusText: 'OK', text: async () => '{"database":"ok"}' };
  };
  return {
    server,
    fetch,
    async run(argv, env = ADMIN) {
      const io = fakeIo({ fetch: withHealth, env, files });
      return { code: await runCli(argv, io), io };
    },
  };
}

/** Runs `argv` with fake timers, letting up to `ms` of waiting pass. */
async function runWaiting(grafana: Stack, argv: string[], ms: number) {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate'] });
  try {
    const running = grafana.run(argv);
    await jest.advanceTimersByTimeAsync(ms);
    return await running;
  } finally {
    jest.useRealTimers();
  }
}

const login = (server: FakeGrafana, serviceId: string) => {
  const stored = decodeDocument(server.dashboard(serviceUid(serviceId))?.json, 'service');
  return stored.ok ? stored.payload.changes.map((change) => change.by) : [];
};

describe('push: seeding the demo stack', () => {
  it('waits for Grafana to start, then seeds the demo registry as the basic-auth user', async () => {
    const grafana = stack(3);
    const { code, io } = await runWaiting(grafana, seed(DEMO, '--wait', '120'), 10 * HEALTH_POLL_MS);
    expect(code).toBe(0);
    expect(grafana.fetch.calls.slice(0, 5)).toEqual([
      'GET /api/health',
      'GET /api/health',
      'GET /api/health',
      'GET /api/health',
      'GET /api/user',
    ]);
    expect(io.stderrText).toBe(
      `waiting up to 120 s for ${GRAFANA_URL} to answer GET /api/health (fetch failed (ECONNREFUSED))\n` +
        `${GRAFANA_URL} answered after 3 s\n`
    );
    expect(io.stdoutText).toMatch(new RegExp(`\npushed to ${GRAFANA_URL.replace(/\./g, '\\.')} as admin: `));
    const services = grafana.server.registry()?.services.map((service) => service.id);
    expect(services).toEqual(['checkout', 'payments', 'search', 'catalog']);
    expect(login(grafana.server, 'checkout')).toEqual(['admin']);
  });

  it('seeds once: a second push with --if-empty writes nothing and keeps what was changed since', async () => {
    const grafana = stack(0, { 'mine.yaml': yamlOf(renamed(VALID_DOC, 'checkout', 'Shop')) });
    expect((await grafana.run(seed(VALID))).code).toBe(0);
    // Someone renames a service after the first start.
    expect((await grafana.run(['push', 'mine.yaml', '--grafana', GRAFANA_URL])).code).toBe(0);
    const writes = grafana.server.writes();
    const before = grafana.server.snapshot();

    // Grafana restarts; the seed runs again.
    const again = await grafana.run(seed(VALID, '--wait', '30'));
    expect(again.code).toBe(0);
    expect(again.io.stdoutText).toBe(
      `${GRAFANA_URL} already holds a registry (2 services, 3 people, 3 SLOs): nothing pushed (--if-empty)\n`
    );
    expect(grafana.server.writes()).toBe(writes);
    expect(grafana.server.snapshot()).toBe(before);
    expect(content(grafana.server.registry())).toEqual(content(renamed(VALID_DOC, 'checkout', 'Shop')));
  });

  it('gives up when Grafana does not answer within --wait, with exit code 2 and nothing sent', async () => {
    const grafana = stack(Infinity);
    const { code, io } = await runWaiting(grafana, seed(DEMO, '--wait', '3'), 10 * HEALTH_POLL_MS);
    expect(code).toBe(2);
    expect(io.stderrText).toMatch(
      new RegExp(
        `\nbizowner push: ${GRAFANA_URL.replace(/\./g, '\\.')} did not answer GET /api/health within 3 s: fetch failed \\(ECONNREFUSED\\)\n$`
      )
    );
    expect(new Set(grafana.fetch.calls)).toEqual(new Set(['GET /api/health']));
    expect(grafana.server.writes()).toBe(0);
  });

  it('does not look at /api/health without --wait', async () => {
    const grafana = stack();
    expect((await grafana.run(seed(VALID))).code).toBe(0);
    expect(grafana.fetch.calls).not.toContain('GET /api/health');
  });

  it('signs with the token when both a token and a user are set', async () => {
    const grafana = stack();
    expect((await grafana.run(seed(VALID), { ...ADMIN, GRAFANA_TOKEN: 'editor-token' })).code).toBe(0);
    expect(login(grafana.server, 'checkout')).toEqual(['sa-editor']);
  });

  it.each<[string, string[], Record<string, string>, RegExp]>([
    [
      'a wrong password',
      seed(VALID),
      { GRAFANA_USER: 'admin', GRAFANA_PASSWORD: 'nope' },
      /check GRAFANA_USER and GRAFANA_PASSWORD/,
    ],
    [
      'a user without a password',
      seed(VALID),
      { GRAFANA_USER: 'admin' },
      /set GRAFANA_PASSWORD too: basic auth needs both/,
    ],
    ['a password without a user', seed(VALID), { GRAFANA_PASSWORD: 'admin' }, /set GRAFANA_USER too/],
    ['no credentials', seed(VALID), {}, /set GRAFANA_TOKEN .*, or GRAFANA_USER and GRAFANA_PASSWORD for a local/],
    ['a password as an option', [...seed(VALID), '--password', 'admin'], ADMIN, /unknown option --password/],
    [
      '--wait that is not a number',
      seed(VALID, '--wait', 'soon'),
      ADMIN,
      /--wait must be a whole number of seconds from 0 to 3600, got "soon"/,
    ],
    ['--wait over an hour', seed(VALID, '--wait', '3601'), ADMIN, /--wait must be .* got "3601"/],
  ])('exits 2 for %s', async (_name, argv, env, message) => {
    const grafana = stack();
    const { code, io } = await grafana.run(argv, env);
    expect(code).toBe(2);
    expect(io.stderrText).toMatch(message);
    expect(grafana.server.writes()).toBe(0);
  });
});
