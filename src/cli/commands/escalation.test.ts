import { join, relative, resolve } from 'node:path';
import { parse } from 'yaml';

import { createFakeAlerting, FakeAlerting } from '../../api/testing/fakeAlerting';
import { CliFetch } from '../io';
import { runCli } from '../run';
import { fakeIo } from '../testing/fakeIo';
import { GRAFANA_URL, VALID } from '../testing/grafanaCli';

const DEMO = relative(process.cwd(), resolve(__dirname, '../../../provisioning/registry/demo-registry.yaml'));

/** A `fetch` into `grafana` that accepts one token, as Grafana accepts a service account's. */
function alertingFetch(grafana: FakeAlerting): CliFetch {
  return async (url, init = {}) => {
    const reply = (status: number, body: unknown) => ({
      ok: status < 300,
      status,
      statusText: status < 300 ? 'Accepted' : 'Error',
      text: async () => JSON.stringify(body),
    });
    if (init.headers?.authorization !== 'Bearer admin-token') {
      return reply(401, { message: 'invalid API key' });
    }
    const { pathname } = new URL(url);
    const { 'X-Disable-Provenance': provenance } = init.headers;
    const answer = grafana.handle({
      method: (init.method ?? 'GET') as 'GET',
      url: pathname,
      data: init.body === undefined ? undefined : JSON.parse(init.body),
      headers: provenance === undefined ? {} : { 'X-Disable-Provenance': provenance },
    });
    return reply(answer.status, answer.body);
  };
}

function cli(options: { token?: string; grafana?: FakeAlerting; fetch?: CliFetch } = {}) {
  const grafana = options.grafana ?? createFakeAlerting();
  const io = fakeIo({
    fetch: options.fetch ?? alertingFetch(grafana),
    env: { GRAFANA_TOKEN: options.token ?? 'admin-token' },
  });
  return { grafana, io, run: (...args: string[]) => runCli(['escalation', ...args], io) };
}

describe('escalation', () => {
  test('prints the Alertmanager configuration and names what the registry lacks', async () => {
    const { io, run } = cli();
    expect(await run(VALID)).toBe(0);
    const config = parse(io.stdoutText);
    expect(config.route.routes[0].routes.map((route: { matchers: string[] }) => route.matchers)).toEqual([
      ['sloth_service="checkout"'],
      ['sloth_service="payments"'],
    ]);
    expect(io.stderrText).toBe(
      [
        `warning: ${VALID}: services[0].onCall.team: service "checkout" has no on-call team, so its page and ticket alerts go to the fallback receiver slo-default: set onCall.team to the team paged for it`,
        `warning: ${VALID}: services[1].onCall.team: service "payments" has no on-call team, so its page and ticket alerts go to the fallback receiver slo-default: set onCall.team to the team paged for it`,
        '',
      ].join('\n')
    );
  });

  test('--alertmanager writes the file with the mail relay given', async () => {
    const { io, run } = cli();
    const out = join('out', 'alertmanager.yaml');
    expect(await run(DEMO, '--alertmanager', out, '--smtp-smarthost', 'mail:25', '--smtp-from', 'slo@shop')).toBe(0);
    expect(io.stdoutText).toBe(`wrote ${out} (10 receivers, 4 services)\n`);
    const config = parse(io.written.get(out)!);
    expect(config.global).toEqual({ smtp_smarthost: 'mail:25', smtp_from: 'slo@shop' });
    expect(config.receivers.find((r: { name: string }) => r.name === 'slo-owner-ana').email_configs).toEqual([
      { to: 'ana.lima@example.com', send_resolved: true },
    ]);
  });

  test('--dry-run prints what would change in Grafana and writes nothing', async () => {
    const { grafana, io, run } = cli();
    expect(await run(DEMO, '--grafana', GRAFANA_URL, '--dry-run')).toBe(0);
    expect(grafana.writes()).toBe(0);
    const lines = io.stdoutText.split('\n');
    expect(lines[0]).toBe(`what a push would change in ${GRAFANA_URL}:`);
    expect(lines).toContain(
      '  contact point slo-owner-ana (uid bo-notify-slo-owner-ana): create, email ana.lima@example.com'
    );
    expect(lines).toContain(
      `  notification policies: add the app's route (sloth_id=~".+") as the first policy, for 4 services: catalog, checkout, payments, search; keep the other 0 policies as they are`
    );
    expect(lines[lines.length - 2]).toBe(`dry run: nothing was written to ${GRAFANA_URL}`);
  });

  test('--push writes the contact points and the policy; pushing again changes nothing', async () => {
    const { grafana, io, run } = cli();
    expect(await run(DEMO, '--grafana', GRAFANA_URL, '--push')).toBe(0);
    expect(io.stdoutText).toContain(
      '  contact point slo-owner-ana (uid bo-notify-slo-owner-ana): create, email ana.lima@example.com: done\n'
    );
    expect(grafana.contactPoints().filter((point) => point.uid.startsWith('bo-notify-'))).toHaveLength(9);
    expect(grafana.tree().routes![0].routes!.map((route) => route.object_matchers![0][2])).toEqual([
      'catalog',
      'checkout',
      'payments',
      'search',
    ]);
    expect(grafana.requests.filter((request) => request.method === 'PUT')[0].headers).toEqual({
      'X-Disable-Provenance': 'true',
    });
    const writes = grafana.writes();
    io.out.length = 0;
    expect(await run(DEMO, '--grafana', GRAFANA_URL, '--push')).toBe(0);
    expect(grafana.writes()).toBe(writes);
    expect(io.stdoutText).toContain('  notification policies: unchanged\n');
    expect(io.stdoutText).not.toContain(': done');
  });

  test('--locked leaves out the provenance opt-out', async () => {
    const { grafana, run } = cli();
    expect(await run(DEMO, '--grafana', GRAFANA_URL, '--push', '--locked')).toBe(0);
    expect(grafana.requests.filter((request) => request.method !== 'GET').map((r) => r.headers)).toEqual(
      Array(10).fill({})
    );
  });

  test('a refused write exits 1 and says which permission is needed', async () => {
    const grafana = createFakeAlerting();
    grafana.failNext('PUT', '/api/v1/provisioning/policies', 403, 'Access denied');
    const { io, run } = cli({ grafana });
    expect(await run(DEMO, '--grafana', GRAFANA_URL, '--push')).toBe(1);
    expect(io.stdoutText).toContain('  notification policies: ');
    expect(io.stdoutText).toContain(': failed (HTTP 403: Access denied)\n');
    expect(io.stderrText).toContain(
      `${GRAFANA_URL}: notification policies: the credentials need alert.notifications.provisioning:write or alert.provisioning:write (an org Admin has both)\n`
    );
  });

  test.each([
    ['a token Grafana refuses', { token: 'wrong' }, 'check GRAFANA_TOKEN: Grafana does not accept the token'],
    [
      'no Grafana at the URL',
      {
        fetch: async () => {
          throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
        },
      },
      'did not answer: fetch failed (ECONNREFUSED) (is Grafana running at this URL?)',
    ],
  ])('%s exits 2 before anything is written', async (_name, options, message) => {
    const { grafana, io, run } = cli(options);
    expect(await run(DEMO, '--grafana', GRAFANA_URL, '--dry-run')).toBe(2);
    expect(io.stderrText).toContain(message);
    expect(grafana.writes()).toBe(0);
  });

  test.each([
    [['--grafana', GRAFANA_URL], '--grafana needs --dry-run (print what would change) or --push (write it)'],
    [['--push'], '--push needs --grafana URL, the Grafana to compare with'],
    [['--grafana', GRAFANA_URL, '--push', '--dry-run'], '--dry-run and --push exclude each other'],
    [['--grafana', GRAFANA_URL, '--dry-run', '--locked'], '--locked only applies to --push'],
    [['--smtp-smarthost', 'mail'], '--smtp-smarthost must be HOST:PORT, e.g. smtp.example.com:587, got "mail"'],
  ])('%j is a usage error', async (args, message) => {
    const { io, run } = cli();
    expect(await run(DEMO, ...args)).toBe(2);
    expect(io.stderrText).toContain(`bizowner escalation: ${message}`);
  });
});
