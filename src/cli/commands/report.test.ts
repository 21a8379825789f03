import { PLUGIN_ID } from '../../constants';
import { RawSeries } from '../../domain/incidents';
import { buildReport } from '../../domain/reports/compute';
import { reportCsv } from '../../domain/reports/csv';
import { answersFor, NOW, reportRegistry, SloFigures } from '../../domain/reports/fixtures';
import { planReport } from '../../domain/reports/plan';
import { reportQueries } from '../../domain/reports/queries';
import { freezeReport } from '../../storage/reports/reportStore';
import { apiAs } from '../../storage/testing/asUser';
import { createFakeGrafana } from '../../storage/testing/fakeGrafana';
import { adminUser } from '../../storage/testing/users';
import { CliFetch, CliResponse } from '../io';
import { runCli } from '../run';
import { fakeGrafanaFetch } from '../testing/fakeGrafanaFetch';
import { fakeIo } from '../testing/fakeIo';
import { TOKENS, yamlOf } from '../testing/grafanaCli';

const PROMETHEUS = 'http://prometheus.test:9090';
const GRAFANA = 'http://grafana.test:3000';
const AT = ['--time', new Date(NOW).toISOString()];
const doc = reportRegistry();
const FIGURES: Record<string, SloFigures> = {
  'checkout-availability': { period: { errors: 30, total: 100_000 }, days: [{ errors: 9, total: 3_000 }] },
  'checkout-freeform': { period: { ratio: 0.001 } },
  'payments-availability': { period: { errors: 900, total: 100_000 } },
};

function reply(status: number, body: unknown): CliResponse {
  return { ok: status < 400, status, statusText: '', text: async () => JSON.stringify(body) };
}

/** Prometheus answering the plan of `period` at NOW; `refuse` answers every query with an error. */
function fakePrometheus(period: string, refuse = false) {
  const plan = planReport(doc, period, NOW);
  if ('message' in plan) {
    throw new Error(plan.message);
  }
  const answers = answersFor(plan, FIGURES);
  const ids = new Map(reportQueries(plan).map((query) => [query.expr, query.id]));
  const posts: string[] = [];
  const fetch: CliFetch = async (url, init) => {
    const form = new URLSearchParams(init?.body ?? '');
    posts.push(`${init?.method} ${new URL(url).pathname}`);
    const id = ids.get(form.get('query') ?? '');
    if (refuse || !id) {
      return reply(400, { status: 'error', error: `unexpected query ${form.get('query')}` });
    }
    const range = new URL(url).pathname.endsWith('query_range');
    const result = (answers[id] ?? []).map((series: RawSeries) =>
      range
        ? { metric: series.labels, values: series.samples.map(([t, v]) => [t / 1000, String(v)]) }
        : { metric: series.labels, value: [series.samples[0][0] / 1000, String(series.samples[0][1])] }
    );
    return reply(200, { status: 'success', data: { resultType: range ? 'matrix' : 'vector', result } });
  };
  return { fetch, posts, plan };
}

async function report(args: string[], fetch: CliFetch, env: Record<string, string> = {}) {
  const io = fakeIo({ fetch, files: { 'registry.yaml': yamlOf(doc, true) }, env });
  const code = await runCli(['report', ...args], io);
  return { code, stdout: io.stdoutText, stderr: io.stderrText };
}

describe('cli report', () => {
  test('prints each owner’s weighted total and each SLO’s line, in five queries', async () => {
    const { fetch, posts } = fakePrometheus('2026-11');
    const { code, stdout, stderr } = await report(
      ['registry.yaml', '--month', '2026-11', '--prometheus', PROMETHEUS, ...AT],
      fetch
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(posts).toEqual([
      'POST /api/v1/query',
      'POST /api/v1/query_range',
      'POST /api/v1/query',
      'POST /api/v1/query_range',
      'POST /api/v1/query',
    ]);
    expect(stdout).toContain('Report 2026-11 (ended), read 2026-12-06T12:00:00.000Z');
    expect(stdout).toContain('Ana Lima: 99.970% of 100000 events good; 2 met, 0 missed, 1 without data; 0 incidents');
    expect(stdout).toMatch(
      /checkout\s+checkout-availability\s+99\.9%\s+99\.970%\s+30\.0%\s+2026-11-01 99\.700%\s+0\s+met/
    );
    expect(stdout).toMatch(/checkout\s+checkout-freeform\s+99\.5%\s+99\.900% \*\s+20\.0%\s+-\s+0\s+met/);
    expect(stdout).toMatch(/payments\s+payments-availability\s+99\.9%\s+99\.100%\s+900\.0%\s+-\s+0\s+missed/);
    expect(stdout).toContain('* freeform SLI: the mean of its 5-minute error ratio, not weighted by traffic');
  });

  test('--format csv prints the report as CSV and --format json as JSON', async () => {
    const { fetch, plan } = fakePrometheus('2026-11');
    const csv = await report(
      ['registry.yaml', '--month', '2026-11', '--prometheus', PROMETHEUS, '--format', 'csv', ...AT],
      fetch
    );
    expect(csv.stdout).toBe(reportCsv(buildReport(doc, plan, answersFor(plan, FIGURES))));
    const json = await report(['registry.yaml', '--month', '2026-11', '--format', 'json', ...AT], fetch, {
      PROMETHEUS_URL: PROMETHEUS,
    });
    expect(JSON.parse(json.stdout).owners.map((owner: { ownerId: string }) => owner.ownerId)).toEqual(['ana', 'bruno']);
  });

  test.each([
    ['no period', ['registry.yaml', '--prometheus', PROMETHEUS], 'name the period: --month 2026-11'],
    [
      'two periods',
      ['registry.yaml', '--month', '2026-11', '--week', '2026-W48', '--prometheus', PROMETHEUS],
      'name one period, not --month and --week',
    ],
    [
      'a quarter as a month',
      ['registry.yaml', '--month', '2026-Q4', '--prometheus', PROMETHEUS],
      '--month takes a month such as 2026-11, got "2026-Q4"',
    ],
    [
      'a month that is none',
      ['registry.yaml', '--month', '2026-13', '--prometheus', PROMETHEUS],
      '"2026-13" is not a period',
    ],
    [
      'no registry',
      ['--month', '2026-11', '--prometheus', PROMETHEUS],
      'read the registry from a FILE or from --grafana URL',
    ],
    ['no Prometheus', ['registry.yaml', '--month', '2026-11'], 'missing option --prometheus URL'],
  ])('%s is a usage error', async (_name, args, message) => {
    const { code, stderr } = await report([...args, ...AT], fakePrometheus('2026-11').fetch);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  test('a Prometheus that refuses the queries exits 2, naming what could not be read', async () => {
    const { fetch } = fakePrometheus('2026-11', true);
    const { code, stderr } = await report(
      ['registry.yaml', '--week', '2026-W48', '--prometheus', PROMETHEUS, ...AT],
      fetch
    );
    expect(code).toBe(2);
    expect(stderr).toContain(
      'could not read the figures of 2026-W48: Prometheus at http://prometheus.test:9090/ refused the query: unexpected query'
    );
    expect(stderr).toContain('could not read the incidents of 2026-W48');
  });

  test('with --grafana, an ended period the app kept is printed as kept, without asking Prometheus', async () => {
    const server = createFakeGrafana(PLUGIN_ID, { registry: doc });
    const { fetch: prometheus, posts, plan } = fakePrometheus('2026-11');
    const kept = buildReport(
      doc,
      plan,
      answersFor(plan, { 'checkout-availability': { period: { errors: 1, total: 10 } } })
    );
    await freezeReport(apiAs(server, adminUser), kept, 'ana', new Date(NOW));
    const grafana = fakeGrafanaFetch(server, TOKENS);
    const fetch: CliFetch = (url, init) => (url.startsWith(GRAFANA) ? grafana(url, init) : prometheus(url, init));
    const { code, stdout } = await report(
      ['--grafana', GRAFANA, '--month', '2026-11', '--prometheus', PROMETHEUS, ...AT],
      fetch,
      { GRAFANA_TOKEN: 'viewer-token' }
    );
    expect(code).toBe(0);
    expect(posts).toEqual([]);
    expect(stdout).toContain('kept on 2026-12-06T12:00:00.000Z by ana');
    expect(stdout).toMatch(/checkout-availability\s+99\.9%\s+90\.000%/);
    const json = await report(
      ['--grafana', GRAFANA, '--month', '2026-11', '--prometheus', PROMETHEUS, '--format', 'json', ...AT],
      fetch,
      { GRAFANA_TOKEN: 'viewer-token' }
    );
    expect(JSON.parse(json.stdout)).toMatchObject({ period: '2026-11', kept: { by: 'ana', signOffs: {} } });
  });
});
