import { join, relative, resolve } from 'node:path';

import { slothSloName } from '../domain/rules/names';
import { CliFetch } from './io';
import { runCli } from './run';
import { fakeIo } from './testing/fakeIo';

const FIXTURES = relative(process.cwd(), resolve(__dirname, '../../tests/integration/fixtures/cli'));
const REGISTRY = join(FIXTURES, 'gate-registry.yaml');
const POLICY_REGISTRY = join(FIXTURES, 'gate-policy-registry.yaml');
/** Not a series: when each SLO's freeze condition last held, as the look-back query answers it. */
const LAST_FROZEN = 'last frozen';
const URL = 'http://prometheus.test:9090';

interface Series {
  labels: Record<string, string>;
  value: string;
}

// as the rules label them: sloth_slo is the name without the service prefix, so only sloth_id tells SLOs apart
const ids = (id: string, service = 'shop') => ({
  sloth_id: id,
  sloth_slo: slothSloName(id, service),
  sloth_service: service,
});

/**
 * Recorded series of the shop service: availability is healthy, latency has spent its budget. The
 * increases are the errors and events the burn rates are summed from: hourly tiles over the 3d
 * policy window (0.05% and 3.5% errors), 5-minute increases for the current burn rate (0.04% and
 * 3.5%).
 */
const SHOP: Record<string, Series[]> = {
  'slo:period_error_budget_remaining:ratio': [
    { labels: ids('shop-availability'), value: '0.8' },
    { labels: ids('shop-latency'), value: '0.1' },
  ],
  'slo:info': [
    { labels: { ...ids('shop-availability'), objective: '99.9' }, value: '1' },
    { labels: { ...ids('shop-latency'), objective: '99' }, value: '1' },
  ],
  'slo:sli_error:increase1h': [
    { labels: { ...ids('shop-availability'), sloth_window: '1h' }, value: '5' },
    { labels: { ...ids('shop-latency'), sloth_window: '1h' }, value: '350' },
  ],
  'slo:sli_total:increase1h': [
    { labels: { ...ids('shop-availability'), sloth_window: '1h' }, value: '10000' },
    { labels: { ...ids('shop-latency'), sloth_window: '1h' }, value: '10000' },
  ],
  'slo:sli_error:increase5m': [
    { labels: { ...ids('shop-availability'), sloth_window: '5m' }, value: '4' },
    { labels: { ...ids('shop-latency'), sloth_window: '5m' }, value: '350' },
  ],
  'slo:sli_total:increase5m': [
    { labels: { ...ids('shop-availability'), sloth_window: '5m' }, value: '10000' },
    { labels: { ...ids('shop-latency'), sloth_window: '5m' }, value: '10000' },
  ],
  ALERTS: [{ labels: { ...ids('shop-latency'), alertname: 'SLOReleaseFreeze', alertstate: 'firing' }, value: '1' }],
};

/** The first selector `NAME{a="b", ...}` of a query: its name and equality matchers. */
function firstSelector(text: string): { name: string; matchers: string[][] } | undefined {
  const match = /([a-zA-Z_:][\w:]*)\{([^}]*)\}/.exec(text);
  return match
    ? { name: match[1], matchers: [...match[2].matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]) }
    : undefined;
}

/** The SLO ids a query selects by `sloth_id="…"` or `sloth_id=~"a|b"`. */
function selectedIds(query: string): string[] {
  return [...query.matchAll(/sloth_id(=~?)"([^"]*)"/g)].flatMap((m) => (m[1] === '=~' ? m[2].split('|') : [m[2]]));
}

/** The answer to the policy's look-back query: when each SLO it selects last froze (unix seconds, in `LAST_FROZEN`). */
function lookbackAnswer(data: Record<string, Series[]>, query: string, time: number): string {
  const result = (data[LAST_FROZEN] ?? [])
    .filter((series) => selectedIds(query).includes(series.labels.sloth_id))
    .map((series) => ({ metric: { sloth_id: series.labels.sloth_id }, value: [time, series.value] }));
  return JSON.stringify({ status: 'success', data: { resultType: 'vector', result } });
}

/**
 * A fake Prometheus that understands the gate's query shapes, `min|max by (sloth_id[, objective])`
 * over a selector, or over an error ratio summed from increases (`errors / events`, one sample of
 * each standing for the window), and the policy's look-back (`max_over_time` of the freeze
 * condition), and records the queries it was asked.
 */
function fakePrometheus(data: Record<string, Series[]>, queries: URLSearchParams[] = []): CliFetch {
  return async (url) => {
    const parsed = new globalThis.URL(url);
    queries.push(parsed.searchParams);
    const query = parsed.searchParams.get('query') ?? '';
    if (query.includes('max_over_time(')) {
      const body = lookbackAnswer(data, query, Number(parsed.searchParams.get('time')));
      return { ok: true, status: 200, statusText: 'OK', text: async () => body };
    }
    const match = /^(min|max) by \((sloth_id(?:, objective)?)\) \((.*)\)$/.exec(query);
    const selector = match && firstSelector(match[3]);
    if (parsed.pathname !== '/api/v1/query' || !match || !selector) {
      return {
        ok: false,
        status: 400,
        statusText: 'Bad Request',
        text: async () => JSON.stringify({ status: 'error', error: `unexpected query ${query}` }),
      };
    }
    const [, op, by] = match;
    const { name, matchers } = selector;
    const select = (family: string) =>
      (data[family] ?? []).filter((series) => matchers.every(([label, value]) => series.labels[label] === value));
    const totals = name.startsWith('slo:sli_error:increase')
      ? new Map(select(name.replace('sli_error', 'sli_total')).map((series) => [series.labels.sloth_id, series.value]))
      : undefined;
    const byId = new Map<string, { labels: Record<string, string>; value: number }>();
    for (const series of select(name)) {
      const id = series.labels.sloth_id;
      const value = totals ? Number(series.value) / Number(totals.get(id)) : Number(series.value);
      if (totals && !totals.has(id)) {
        continue;
      }
      const labels: Record<string, string> = { sloth_id: id };
      if (by.includes('objective')) {
        labels.objective = series.labels.objective;
      }
      const seen = byId.get(id)?.value;
      const kept = seen === undefined ? value : op === 'min' ? Math.min(seen, value) : Math.max(seen, value);
      byId.set(id, { labels, value: kept });
    }
    const time = Number(parsed.searchParams.get('time'));
    const result = [...byId.values()].map(({ labels, value }) => ({ metric: labels, value: [time, String(value)] }));
    const body = JSON.stringify({ status: 'success', data: { resultType: 'vector', result } });
    return { ok: true, status: 200, statusText: 'OK', text: async () => body };
  };
}

async function gate(args: string[], fetch: CliFetch = fakePrometheus(SHOP), env: Record<string, string> = {}) {
  const io = fakeIo({ fetch, env });
  const code = await runCli(['gate', ...args], io);
  return { code, stdout: io.stdoutText, stderr: io.stderrText };
}

const AT = ['--time', '2026-11-27T10:00:00Z'];

describe('gate with the registry', () => {
  it('freezes when one SLO breaks its policy and says why for each SLO', async () => {
    const { code, stdout, stderr } = await gate([
      '--prometheus',
      URL,
      '--service',
      'shop',
      '--registry',
      REGISTRY,
      ...AT,
    ]);
    expect(stderr).toBe('');
    expect(stdout).toBe(
      [
        'Release gate for service shop at 2026-11-27T10:00:00Z',
        '  shop-availability (objective 99.9%): allowed',
        '    - budget left 80% (freezes below 25%)',
        '    - burn rate 0.5x over 3d (freezes above 2x)',
        '  shop-latency (objective 99%): FROZEN',
        '    - budget left 10% is below the 25% freeze threshold',
        '    - burn rate 3.5x over 3d is above the 2x freeze threshold',
        'Releases of shop are FROZEN by the error-budget policy of shop-latency.',
        '',
      ].join('\n')
    );
    expect(code).toBe(1);
  });

  it('allows releases when the selected SLO is within its policy', async () => {
    const { code, stdout } = await gate([
      '--prometheus',
      URL,
      '--service',
      'shop',
      '--slo',
      'shop-availability',
      '--registry',
      REGISTRY,
      ...AT,
    ]);
    expect(code).toBe(0);
    expect(stdout).not.toContain('shop-latency');
    expect(stdout).toMatch(/Releases of shop may proceed: 1 SLO within the error-budget policy\.\n$/);
  });

  it('queries at --time, given as unix seconds too, with one query per series for the whole service', async () => {
    const queries: URLSearchParams[] = [];
    await gate(
      ['--prometheus', `${URL}/`, '--service', 'shop', '--registry', REGISTRY, '--time', '1795773600'],
      fakePrometheus(SHOP, queries)
    );
    expect(queries.map((q) => q.get('time'))).toEqual(['1795773600', '1795773600', '1795773600']);
    expect(queries.map((q) => q.get('query'))).toEqual([
      'min by (sloth_id) (last_over_time(slo:period_error_budget_remaining:ratio{sloth_service="shop"}[2h]))',
      'max by (sloth_id, objective) (slo:info{sloth_service="shop"})',
      'max by (sloth_id) ((max without (sloth_window) (sum_over_time(slo:sli_error:increase1h{sloth_service="shop"}[2d23h59m59s999ms]) ' +
        '/ sum_over_time(slo:sli_total:increase1h{sloth_service="shop"}[2d23h59m59s999ms])) ' +
        'or max without (sloth_window) (slo:sli_error:ratio_rate3d{sloth_service="shop"})))',
    ]);
  });

  it('keeps a path prefix of the Prometheus URL', async () => {
    const urls: string[] = [];
    const inner = fakePrometheus(SHOP);
    const fetch: CliFetch = async (url, init) => {
      urls.push(url);
      return inner(url.replace('/prom/', '/'), init);
    };
    await gate(['--prometheus', `${URL}/prom`, '--service', 'shop', '--registry', REGISTRY, ...AT], fetch);
    expect(urls[0]).toMatch(/^http:\/\/prometheus\.test:9090\/prom\/api\/v1\/query\?query=/);
  });

  it('reads the URL from PROMETHEUS_URL', async () => {
    const { code } = await gate(['--service', 'shop', '--registry', REGISTRY, ...AT], fakePrometheus(SHOP), {
      PROMETHEUS_URL: URL,
    });
    expect(code).toBe(1);
  });

  it('exits 2 and names the missing series when an SLO has no recorded data', async () => {
    const { code, stdout, stderr } = await gate([
      '--prometheus',
      URL,
      '--service',
      'quiet',
      '--registry',
      REGISTRY,
      ...AT,
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      [
        `cannot decide for service "quiet": recorded series missing in Prometheus at ${URL}/:`,
        '  slo:period_error_budget_remaining:ratio{sloth_id="quiet-availability"}: no samples at 2026-11-27T10:00:00Z',
        'Load the rules generated by `rules` into this Prometheus (or the ruler that writes to it), wait for their first evaluation, and check --service, --slo and --time.',
        '',
      ].join('\n')
    );
  });

  it('exits 2 when the series the burn rate over the policy window is summed from are missing', async () => {
    const data = { ...SHOP, 'slo:sli_error:increase1h': SHOP['slo:sli_error:increase1h'].slice(1) };
    const { code, stderr } = await gate(
      ['--prometheus', URL, '--service', 'shop', '--registry', REGISTRY, ...AT],
      fakePrometheus(data)
    );
    expect(code).toBe(2);
    expect(stderr).toContain(
      '  slo:sli_error:increase1h{sloth_id="shop-availability"} / slo:sli_total:increase1h{sloth_id="shop-availability"} summed over 3d: no samples at 2026-11-27T10:00:00Z\n'
    );
  });

  it('exits 2 when a value is NaN', async () => {
    const data = {
      ...SHOP,
      'slo:period_error_budget_remaining:ratio': [{ labels: ids('shop-availability'), value: 'NaN' }],
    };
    const { code, stderr } = await gate(
      ['--prometheus', URL, '--service', 'shop', '--slo', 'shop-availability', '--registry', REGISTRY, ...AT],
      fakePrometheus(data)
    );
    expect(code).toBe(2);
    expect(stderr).toContain(
      'slo:period_error_budget_remaining:ratio{sloth_id="shop-availability"}: NaN at 2026-11-27T10:00:00Z'
    );
  });

  it.each<[string, string[], RegExp]>([
    [
      'an unknown service',
      ['--service', 'nope'],
      /service "nope" is not in .*gate-registry\.yaml \(services: shop, quiet\)/,
    ],
    [
      'an unknown SLO',
      ['--service', 'shop', '--slo', 'nope'],
      /SLO "nope" of service "shop" is not in .* \(its SLOs: shop-availability, shop-latency\)/,
    ],
    [
      'an SLO of another service',
      ['--service', 'shop', '--slo', 'quiet-availability'],
      /SLO "quiet-availability" of service "shop" is not in/,
    ],
  ])('exits 2 for %s of the registry', async (_name, args, message) => {
    const { code, stderr } = await gate(['--prometheus', URL, '--registry', REGISTRY, ...args, ...AT]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('exits 2 for an invalid registry, after printing its problems', async () => {
    const invalid = join(FIXTURES, 'invalid.yaml');
    const { code, stderr } = await gate(['--prometheus', URL, '--service', 'checkout', '--registry', invalid, ...AT]);
    expect(code).toBe(2);
    expect(stderr).toContain(`${invalid}:18: slos[0].objective: `);
    expect(stderr).toContain(`bizowner gate: cannot decide: the registry ${invalid} is invalid\n`);
  });
});

describe('gate without the registry', () => {
  it('follows the release-freeze alert and shows budget and current burn', async () => {
    const { code, stdout } = await gate(['--prometheus', URL, '--service', 'shop', ...AT]);
    expect(stdout).toBe(
      [
        'Release gate for service shop at 2026-11-27T10:00:00Z',
        '  shop-availability (objective 99.9%): allowed',
        '    - budget left 80%',
        '    - burn rate 0.4x over 5m',
        '    - the release-freeze alert is not firing',
        '  shop-latency (objective 99%): FROZEN',
        '    - budget left 10%',
        '    - burn rate 3.5x over 5m',
        '    - the release-freeze alert is firing',
        'Releases of shop are FROZEN by the error-budget policy of shop-latency.',
        '',
      ].join('\n')
    );
    expect(code).toBe(1);
  });

  it('allows and says that the thresholds were not checked', async () => {
    const { code, stdout } = await gate([
      '--prometheus',
      URL,
      '--service',
      'shop',
      '--slo',
      'shop-availability',
      ...AT,
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /may proceed: 1 SLO within the error-budget policy \(thresholds unknown: pass --registry FILE to check them\)\.\n$/
    );
  });

  it('asks for the alert of the service only', async () => {
    const queries: URLSearchParams[] = [];
    await gate(['--prometheus', URL, '--service', 'shop', ...AT], fakePrometheus(SHOP, queries));
    expect(queries.map((q) => q.get('query'))).toContain(
      'max by (sloth_id) (ALERTS{alertname="SLOReleaseFreeze", alertstate="firing", sloth_service="shop"})'
    );
  });

  it('exits 2 when the service has no recorded data', async () => {
    const { code, stderr } = await gate(['--prometheus', URL, '--service', 'quiet', ...AT]);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^no recorded data for service "quiet": slo:period_error_budget_remaining:ratio\{sloth_service="quiet"\} has no samples at 2026-11-27T10:00:00Z in Prometheus at http:\/\/prometheus\.test:9090\/\.\nLoad the rules generated by `rules`/
    );
  });

  it('names the SLO when --slo has no data', async () => {
    const { code, stderr } = await gate(['--prometheus', URL, '--service', 'shop', '--slo', 'shop-nope', ...AT]);
    expect(code).toBe(2);
    expect(stderr).toContain(
      'no recorded data for SLO "shop-nope" of service "shop": slo:period_error_budget_remaining:ratio{sloth_id="shop-nope", sloth_service="shop"}'
    );
  });
});

describe('gate errors', () => {
  const json =
    (status: number, body: unknown): CliFetch =>
    async () => ({
      ok: status < 400,
      status,
      statusText: '',
      text: async () => (typeof body === 'string' ? body : JSON.stringify(body)),
    });

  const refused: CliFetch = async () => {
    throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
  };

  it.each<[string, string[], CliFetch | undefined, RegExp]>([
    [
      'unreachable Prometheus',
      ['--prometheus', URL, '--service', 'shop'],
      refused,
      /^bizowner gate: cannot reach Prometheus at http:\/\/prometheus\.test:9090\/: fetch failed \(ECONNREFUSED\)\n$/,
    ],
    [
      'an error answer',
      ['--prometheus', URL, '--service', 'shop'],
      json(400, { status: 'error', errorType: 'bad_data', error: 'parse error' }),
      /refused the query min by \(sloth_id\) .*: parse error/,
    ],
    [
      'a body that is not JSON',
      ['--prometheus', URL, '--service', 'shop'],
      json(200, '<html>Grafana</html>'),
      /answered HTTP 200 with a body that is not JSON \("<html>Grafana<\/html>"\); is this the Prometheus URL\?/,
    ],
    [
      'a matrix instead of a vector',
      ['--prometheus', URL, '--service', 'shop'],
      json(200, { status: 'success', data: { resultType: 'matrix', result: [] } }),
      /did not return a vector/,
    ],
    [
      'no --prometheus',
      ['--service', 'shop'],
      undefined,
      /missing option --prometheus URL \(or set PROMETHEUS_URL\)\nUsage: bizowner gate /,
    ],
    ['no --service', ['--prometheus', URL], undefined, /missing option --service ID\n/],
    [
      'a URL that is not http',
      ['--prometheus', 'ftp://x', '--service', 'shop'],
      undefined,
      /--prometheus must be an http\(s\) URL/,
    ],
    [
      'not a URL',
      ['--prometheus', 'localhost:9090:x', '--service', 'shop'],
      undefined,
      /--prometheus must be an http\(s\) URL/,
    ],
    [
      'a bad --time',
      ['--prometheus', URL, '--service', 'shop', '--time', 'yesterday'],
      undefined,
      /--time must be unix seconds or an RFC 3339 time/,
    ],
    [
      'a positional argument',
      ['--prometheus', URL, '--service', 'shop', 'extra'],
      undefined,
      /unexpected argument extra/,
    ],
    [
      'a missing registry file',
      ['--prometheus', URL, '--service', 'shop', '--registry', 'nope.yaml'],
      undefined,
      /cannot read nope\.yaml: no such file or directory/,
    ],
  ])('%s exits 2', async (_name, args, fetch, message) => {
    const { code, stdout, stderr } = await gate(args, fetch);
    expect(stderr).toMatch(message);
    expect(stdout).toBe('');
    expect(code).toBe(2);
  });
});

/**
 * Recorded series of the mend and relay services: both burn at 0.5x over the policy window; mend
 * has 30% of its budget left and froze a week ago (reliability work until 35%), relay has 5% left.
 */
function policySeries(
  mendLeft = '0.3',
  lastFrozen: Series[] = [
    { labels: ids('mend-availability', 'mend'), value: String(Date.parse('2026-11-20T14:00:00Z') / 1000) },
  ]
) {
  const both = (value: string, window?: string): Series[] =>
    (['mend', 'relay'] as const).map((service) => ({
      labels: { ...ids(`${service}-availability`, service), ...(window ? { sloth_window: window } : {}) },
      value,
    }));
  return {
    'slo:period_error_budget_remaining:ratio': [
      { labels: ids('mend-availability', 'mend'), value: mendLeft },
      { labels: ids('relay-availability', 'relay'), value: '0.05' },
    ],
    'slo:info': both('1'),
    'slo:sli_error:increase1h': both('5', '1h'),
    'slo:sli_total:increase1h': both('10000', '1h'),
    [LAST_FROZEN]: lastFrozen,
  };
}

describe('gate and the policy state', () => {
  const policyGate = (service: string, data = policySeries(), at = AT, queries: URLSearchParams[] = []) =>
    gate(
      ['--prometheus', URL, '--service', service, '--registry', POLICY_REGISTRY, ...at],
      fakePrometheus(data, queries)
    );

  it('allows releases in reliability work and says until what recovers', async () => {
    const queries: URLSearchParams[] = [];
    const { code, stdout, stderr } = await policyGate('mend', policySeries(), AT, queries);
    expect(stderr).toBe('');
    expect(stdout).toBe(
      [
        'Release gate for service mend at 2026-11-27T10:00:00Z',
        '  mend-availability (objective 99.9%): allowed (reliability work)',
        '    - budget left 30% (freezes below 25%)',
        '    - burn rate 0.5x over 3d (freezes above 2x)',
        '    - last frozen at 2026-11-20T14:00:00Z, within the 30d period',
        '    - not recovered: budget left 30% is below the 35% recovery threshold',
        'Releases of mend may proceed: 1 SLO within the error-budget policy; in reliability work until mend-availability recovers.',
        '',
      ].join('\n')
    );
    expect(code).toBe(0);
    // the gate's three queries, then one look-back at the same time
    expect(queries.map((q) => q.get('time'))).toEqual(['1795773600', '1795773600', '1795773600', '1795773600']);
    expect(queries[3].get('query')).toMatch(
      /^max by \(sloth_id\) \(max_over_time\(\(\(\(.*\{sloth_id="mend-availability"\}.*\) \* 0 \+ time\(\)\)\[30d:1h\]\)\)$/s
    );
  });

  it('is normal without a freeze in the period, and asks nothing more once recovered', async () => {
    const never = await policyGate('mend', policySeries('0.3', []));
    expect(never.stdout).toContain('  mend-availability (objective 99.9%): allowed\n');
    expect(never.stdout).toMatch(/may proceed: 1 SLO within the error-budget policy\.\n$/);
    expect(never.code).toBe(0);

    const queries: URLSearchParams[] = [];
    const recovered = await policyGate('mend', policySeries('0.35'), AT, queries);
    expect(recovered.stdout).toMatch(/may proceed: 1 SLO within the error-budget policy\.\n$/);
    expect(queries).toHaveLength(3);
  });

  it('allows releases while an exception waives the freeze, with its reason and the sign-off', async () => {
    const { code, stdout } = await policyGate('relay');
    expect(stdout).toBe(
      [
        'Release gate for service relay at 2026-11-27T10:00:00Z',
        '  relay-availability (objective 99.9%): allowed (freeze waived)',
        '    - budget left 5% is below the 25% freeze threshold',
        '    - burn rate 0.5x over 3d (freezes above 2x)',
        '    - freeze waived until 2026-12-01T00:00:00Z — dependency incident: Payments provider outage INC-12',
        'Releases of relay may proceed: the freeze of relay-availability is waived until 2026-12-01T00:00:00Z — ' +
          'dependency incident: Payments provider outage INC-12 (policy signed off by ana on 2026-11-02).',
        '',
      ].join('\n')
    );
    expect(code).toBe(0);
  });

  it('freezes again when the exception ends', async () => {
    const { code, stdout } = await policyGate('relay', policySeries(), ['--time', '2026-12-01T00:00:00Z']);
    expect(stdout).toContain('  relay-availability (objective 99.9%): FROZEN\n');
    expect(stdout).toMatch(
      /Releases of relay are FROZEN by the error-budget policy of relay-availability \(policy signed off by ana on 2026-11-02\)\.\n$/
    );
    expect(code).toBe(1);
  });
});
