import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { runCli } from '../run';
import { fakeIo } from '../testing/fakeIo';

const DEMO = join(__dirname, '../../../provisioning/registry/demo-registry.yaml');

// The first test loads the domain's query parsers and builds every demo dashboard: well under a
// second alone, but past jest's 5 s default on a loaded 2-core machine.
jest.setTimeout(30000);

describe('dashboards', () => {
  it('writes the executive dashboard and the on-call, debug and cost dashboards of every service', async () => {
    const io = fakeIo();
    expect(await runCli(['dashboards', DEMO, '--out', 'out'], io)).toBe(0);
    const names = [...io.written.keys()];
    expect(names).toHaveLength(13);
    expect(names).toEqual(
      expect.arrayContaining(['out/executive.json', 'out/oncall-checkout.json', 'out/debug-search.json'])
    );
    const oncall = JSON.parse(io.written.get('out/oncall-checkout.json')!);
    expect(oncall).toMatchObject({ uid: 'bo-oncall-checkout', schemaVersion: 39 });
    expect(io.stdoutText).toContain('wrote out/executive.json (bo-exec: 12 panels, 16 queries)');
  });

  it('prints the executive dashboard without --out, filtered by owner and tier', async () => {
    const io = fakeIo();
    expect(await runCli(['dashboards', DEMO, '--owner', 'ana,bruno', '--tier', '1'], io)).toBe(0);
    const json = JSON.parse(io.stdoutText);
    expect(json.title).toBe('Business Owner · Executive (2 services)');
    expect(io.stdoutText).toContain('sloth_service=~\\"checkout|payments\\"');
  });

  it('refuses a tier outside 1 to 4 as a usage error', async () => {
    const io = fakeIo();
    expect(await runCli(['dashboards', DEMO, '--tier', '5'], io)).toBe(2);
    expect(io.stderrText).toContain('--tier takes tiers 1 to 4, not "5"');
  });

  it('exits 1 when a KPI query does not parse (the registry validation names it)', async () => {
    const text = readFileSync(DEMO, 'utf8').replace(
      'query: \'sum(rate(http_requests_total{service="search",route="/search"}[5m])) * 60\'',
      'query: \'sum(rate(http_requests_total{service="search"}[5m]) * 60\''
    );
    const io = fakeIo({ files: { 'broken.yaml': text } });
    const code = await runCli(['dashboards', 'broken.yaml'], io);
    expect(io.stderrText).toMatch(/^broken\.yaml:\d+: services\[2\]\.kpis\[0\]\.query: query is not valid PromQL/);
    expect(io.stdoutText).toBe('');
    expect(code).toBe(1);
  });

  it('exits 2 when the file cannot be read', async () => {
    const io = fakeIo();
    expect(await runCli(['dashboards', 'missing.yaml'], io)).toBe(2);
  });
});
