import { join, relative, resolve } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

import { parseRegistryYaml } from '../domain/io/native';
import { runCli } from './run';
import { fakeIo, FakeIo } from './testing/fakeIo';

const FIXTURES = relative(process.cwd(), resolve(__dirname, '../../tests/integration/fixtures/cli'));
const fixture = (name: string) => join(FIXTURES, name);

async function run(argv: string[], io: FakeIo = fakeIo()) {
  const code = await runCli(argv, io);
  return { code, stdout: io.stdoutText, stderr: io.stderrText, io };
}

/** The printed registry, which must itself be a valid native registry. */
function registryOf(stdout: string) {
  const { doc, problems } = parseRegistryYaml(stdout, 'stdout');
  expect(problems).toEqual([]);
  return doc!;
}

describe('import', () => {
  it.each<[string, string, string[], string[]]>([
    ['sloth', 'sloth-shop.yaml', ['shop'], ['shop-availability']],
    ['openslo', 'openslo-shop.yaml', ['shop'], ['shop-availability']],
  ])('--from %s prints a valid native registry', async (format, file, services, slos) => {
    const { code, stdout, stderr } = await run(['import', '--from', format, fixture(file)]);
    expect(code).toBe(0);
    const doc = registryOf(stdout);
    expect(doc.services.map((service) => service.id)).toEqual(services);
    expect(doc.slos.map((slo) => slo.id)).toEqual(slos);
    expect(stderr).toMatch(/imported 1 service, 0 people, 1 SLO from 1 file\n$/);
  });

  it('--from pyrra reads Pyrra resources through the same importer table, report included', async () => {
    const file = relative(process.cwd(), resolve(__dirname, '../domain/io/__fixtures__/pyrra/checkout.yaml'));
    const { code, stdout, stderr } = await run(['import', '--from', 'pyrra', '--report', file]);
    expect(code).toBe(0);
    expect(registryOf(stdout).slos.length).toBeGreaterThan(0);
    expect(stderr).toMatch(/^migration report: [1-9]\d* mapped/m);
  });

  it('maps the SLI and objective of an OpenSLO SLO', async () => {
    const { stdout } = await run(['import', '--from', 'openslo', fixture('openslo-shop.yaml')]);
    const [slo] = registryOf(stdout).slos;
    expect(slo).toMatchObject({
      serviceId: 'shop',
      name: 'Shop availability',
      objective: 99.5,
      window: '28d',
      sli: {
        kind: 'ratio',
        bad: 'http_requests_total{service="shop",code=~"5.."}',
        total: 'http_requests_total{service="shop"}',
      },
    });
  });

  it('--from backstage imports components and users, with --grafana-url for dashboard selectors', async () => {
    const file = fixture('backstage-shop.yaml');
    const without = await run(['import', '--from', 'backstage', file]);
    expect(without.code).toBe(0);
    expect(without.stderr).toContain(
      `warning: ${file}:12: metadata.annotations.grafana/dashboard-selector: not mapped: `
    );
    expect(without.stderr).toContain(`warning: ${file}:28: kind: not mapped: kind System is skipped (document 3)\n`);
    expect(without.stderr).toMatch(/imported 1 service, 1 person, 0 SLOs from 1 file\n$/);

    const { code, stdout, stderr } = await run([
      'import',
      '--from',
      'backstage',
      '--grafana-url',
      'https://grafana.example.com',
      file,
    ]);
    expect(code).toBe(0);
    expect(stderr).not.toContain('dashboard-selector');
    const doc = registryOf(stdout);
    expect(doc.people).toEqual([{ id: 'ana', name: 'Ana Lima', email: 'ana.lima@example.com' }]);
    expect(doc.services[0]).toMatchObject({
      id: 'shop',
      owners: { serviceOwner: 'ana' },
      links: [
        { type: 'runbook', url: 'https://runbooks.example.com/shop' },
        { type: 'dashboard', url: 'https://grafana.example.com/dashboards?tag=shop' },
      ],
    });
  });

  it('reads several files', async () => {
    const other = [
      'version: prometheus/v1',
      'service: cart',
      'slos:',
      '  - name: up',
      '    objective: 99',
      '    sli:',
      '      raw:',
      '        error_ratio_query: 1 - avg_over_time(up{job="cart"}[{{.window}}])',
    ].join('\n');
    const io = fakeIo({ files: { 'cart.yaml': other } });
    const { code, stdout, stderr } = await run(
      ['import', '--from', 'sloth', fixture('sloth-shop.yaml'), 'cart.yaml'],
      io
    );
    expect(stderr).toMatch(/imported 2 services, 0 people, 2 SLOs from 2 files\n$/);
    expect(code).toBe(0);
    expect(registryOf(stdout).slos.map((slo) => [slo.id, slo.sli.kind])).toEqual([
      ['shop-availability', 'ratio'],
      ['cart-up', 'freeform'],
    ]);
  });

  const unmapped = [
    'version: prometheus/v1',
    'service: shop',
    'slos:',
    '  - name: up',
    '    objective: 99',
    '    sli:',
    '      raw:',
    '        error_ratio_query: 1 - avg_over_time(up[{{.window}}])',
    '    alerting:',
    '      name: ShopDown',
    '      for: 5m',
  ].join('\n');

  it('prints warnings for fields it does not map, without failing, and keeps the alert name', async () => {
    const { code, stdout, stderr } = await run(
      ['import', '--from', 'sloth', 'shop.yaml'],
      fakeIo({ files: { 'shop.yaml': unmapped } })
    );
    expect(code).toBe(0);
    expect(stderr).toMatch(/^warning: shop\.yaml:11: slos\[0\]\.alerting\.for: not mapped: /);
    expect(registryOf(stdout).slos[0].alerting.name).toBe('ShopDown');
  });

  it('--report prints where each field went on stderr; --strict refuses a drop with exit 1 and no output', async () => {
    const io = () => fakeIo({ files: { 'shop.yaml': unmapped } });
    const reported = await run(['import', '--from', 'sloth', '--report', 'shop.yaml'], io());
    expect(reported.code).toBe(0);
    expect(reported.stderr).toContain('migration report: 5 mapped, 0 kept as labels, 1 dropped\n');
    expect(reported.stderr).toContain('  mapped: shop.yaml:10: slos[0].alerting.name → slos[shop-up].alerting.name\n');
    expect(reported.stderr).toContain(
      '  dropped: shop.yaml:11: slos[0].alerting.for: slos[0].alerting.for has no place in the registry and is left out\n'
    );

    const strict = await run(['import', '--from', 'sloth', '--strict', 'shop.yaml'], io());
    expect(strict.code).toBe(1);
    expect(strict.stdout).toBe('');
    expect(strict.stderr).toContain('dropped:\n  dropped: shop.yaml:11: slos[0].alerting.for: ');
    expect(strict.stderr).toMatch(/1 file not imported \(--strict\): 1 error, 1 warning\n$/);

    const clean = unmapped.replace('\n      for: 5m', '');
    const accepted = await run(
      ['import', '--from', 'sloth', '--strict', 'shop.yaml'],
      fakeIo({ files: { 'shop.yaml': clean } })
    );
    expect(accepted.code).toBe(0);
  });

  it('records the owners an import changes in the owner history', async () => {
    const catalog = (owner: string) =>
      `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: checkout\nspec:\n  owner: user:default/${owner}\n---\napiVersion: backstage.io/v1alpha1\nkind: User\nmetadata:\n  name: ${owner}\nspec:\n  profile: { email: ${owner}@example.com }\n`;
    const { code, stdout } = await run(
      ['import', '--from', 'backstage', '--into', fixture('valid.yaml'), 'catalog.yaml'],
      fakeIo({ files: { 'catalog.yaml': catalog('diego') } })
    );
    expect(code).toBe(0);
    const checkout = registryOf(stdout).services.find((service) => service.id === 'checkout')!;
    expect(checkout.owners).toEqual({ businessOwner: 'ana', sreLead: 'diego', serviceOwner: 'diego' });
    expect(checkout.ownerHistory).toEqual([
      { role: 'serviceOwner', to: 'diego', at: expect.any(String), by: 'bizowner import' },
    ]);
  });

  it.each<[string, string, string[]]>([
    [
      'sloth',
      'sloth-invalid.yaml',
      [
        ':9: slos[0].objective: objective must be a percentage strictly between 0 and 100, e.g. 99.9, got 150',
        ':10: slos[1].sli: sli needs events or raw',
      ],
    ],
    [
      'openslo',
      'openslo-invalid.yaml',
      [':11: spec.indicatorRef: indicatorRef "missing-sli" names no SLI of the imported files'],
    ],
  ])('--from %s refuses invalid input with file:line problems and exit 1', async (format, file, expected) => {
    const { code, stdout, stderr } = await run(['import', '--from', format, fixture(file)]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    for (const line of expected) {
      expect(stderr).toContain(`${fixture(file)}${line}\n`);
    }
    expect(stderr).toMatch(/1 file not imported: \d errors?\n$/);
  });

  it('merges into an existing registry with --into and lists the changes', async () => {
    const { code, stdout, stderr } = await run([
      'import',
      '--from',
      'sloth',
      '--into',
      fixture('valid.yaml'),
      fixture('sloth-shop.yaml'),
    ]);
    expect(code).toBe(0);
    const doc = registryOf(stdout);
    expect(doc.services.map((service) => service.id)).toEqual(['checkout', 'payments', 'shop']);
    expect(doc.people).toHaveLength(3);
    expect(doc.slos.map((slo) => slo.id)).toContain('shop-availability');
    expect(doc.settings.slothSeries).toBe(true);
    expect(stderr).toBe(
      `added service shop\nadded slo shop-availability\nturned on settings.slothSeries: Sloth's series will be recorded too\n` +
        `imported 1 service, 0 people, 1 SLO from 1 file into ${fixture('valid.yaml')}\n`
    );
  });

  it('keeps what the source does not know when it updates an existing service', async () => {
    const sloth = [
      'version: prometheus/v1',
      'service: checkout',
      'slos:',
      '  - name: up',
      '    objective: 99',
      '    sli:',
      '      raw:',
      '        error_ratio_query: 1 - avg_over_time(up{job="checkout"}[{{.window}}])',
    ].join('\n');
    const io = fakeIo({ files: { 'checkout.yaml': sloth } });
    const { code, stdout } = await run(
      ['import', '--from', 'sloth', '--into', fixture('valid.yaml'), 'checkout.yaml'],
      io
    );
    expect(code).toBe(0);
    const checkout = registryOf(stdout).services.find((service) => service.id === 'checkout')!;
    expect(checkout).toMatchObject({ name: 'Checkout', tier: 1, owners: { businessOwner: 'ana', sreLead: 'diego' } });
  });

  it('refuses to merge into an invalid registry', async () => {
    const { code, stdout, stderr } = await run([
      'import',
      '--from',
      'sloth',
      '--into',
      fixture('invalid.yaml'),
      fixture('sloth-shop.yaml'),
    ]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${fixture('invalid.yaml')}: 4 errors: invalid`);
  });

  it.each<[string, string[], FakeIo, RegExp]>([
    ['no --from', ['import', 'x.yaml'], fakeIo(), /missing option --from FORMAT\nUsage: bizowner import /],
    [
      'an unknown format',
      ['import', '--from', 'nagios', 'x.yaml'],
      fakeIo(),
      /option --from must be one of backstage, openslo, pyrra, sloth, got "nagios"/,
    ],
    ['no file', ['import', '--from', 'sloth'], fakeIo(), /missing FILE: give at least 1/],
    [
      'a missing file',
      ['import', '--from', 'sloth', 'nope.yaml'],
      fakeIo({ disk: false }),
      /cannot read nope\.yaml: no such file or directory/,
    ],
    [
      'a missing --into registry',
      ['import', '--from', 'sloth', '--into', 'nope.yaml', fixture('sloth-shop.yaml')],
      fakeIo(),
      /cannot read nope\.yaml: no such file or directory/,
    ],
  ])('%s exits 2', async (_name, argv, io, message) => {
    const { code, stdout, stderr } = await run(argv, io);
    expect(stderr).toMatch(message);
    expect(stdout).toBe('');
    expect(code).toBe(2);
  });
});

describe('export', () => {
  it('prints OpenSLO v1 documents and says what OpenSLO cannot hold', async () => {
    const { code, stdout, stderr } = await run(['export', '--to', 'openslo', fixture('valid.yaml')]);
    expect(code).toBe(0);
    const documents = parseAllDocuments(stdout).map((document) => document.toJS());
    expect(documents.map((document) => `${document.kind}/${document.metadata.name}`)).toEqual([
      'Service/checkout',
      'Service/payments',
      'SLO/checkout-availability',
      'SLO/checkout-latency',
      'SLO/payments-error-logs',
    ]);
    documents.forEach((document) => expect(document.apiVersion).toBe('openslo/v1'));
    expect(stderr.split('\n')[0]).toBe('note: OpenSLO has no place for 10 fields; they are not exported:');
    expect(stderr).toContain('  dropped: people[ana]: OpenSLO has no people\n');
    expect(stderr).toContain('  dropped: services[checkout].owners: OpenSLO has no owners\n');
    expect(stderr).toContain(
      '  dropped: slos[checkout-availability].budgetPolicy: OpenSLO has no error-budget policy\n'
    );
  });

  it('--strict refuses an export that would leave something out, and prints nothing on stdout', async () => {
    const { code, stdout, stderr } = await run(['export', '--to', 'openslo', '--strict', fixture('valid.yaml')]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/valid\.yaml not exported \(--strict\)\n$/);
  });

  it('round-trips the SLOs through import --from openslo', async () => {
    const exported = await run(['export', '--to', 'openslo', fixture('valid.yaml')]);
    const io = fakeIo({ files: { 'exported.yaml': exported.stdout } });
    const { code, stdout } = await run(['import', '--from', 'openslo', 'exported.yaml'], io);
    expect(code).toBe(0);
    const original = parse(await fakeIo().readFile(fixture('valid.yaml')));
    const imported = registryOf(stdout);
    expect(imported.slos.map((slo) => [slo.id, slo.serviceId, slo.objective, slo.sli.kind])).toEqual(
      original.slos.map((slo: { id: string; serviceId: string; objective: number; sli: { kind: string } }) => [
        slo.id,
        slo.serviceId,
        slo.objective,
        slo.sli.kind,
      ])
    );
  });

  it('refuses an invalid registry with exit 1', async () => {
    const { code, stdout, stderr } = await run(['export', '--to', 'openslo', fixture('invalid.yaml')]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(':18: slos[0].objective: ');
  });

  it.each<[string, string[], FakeIo, RegExp]>([
    ['no --to', ['export', 'x.yaml'], fakeIo(), /missing option --to FORMAT/],
    [
      'an unknown format',
      ['export', '--to', 'sloth', 'x.yaml'],
      fakeIo(),
      /option --to must be one of openslo, got "sloth"/,
    ],
    [
      'a missing file',
      ['export', '--to', 'openslo', 'nope.yaml'],
      fakeIo({ disk: false }),
      /cannot read nope\.yaml: no such file or directory/,
    ],
  ])('%s exits 2', async (_name, argv, io, message) => {
    const { code, stderr } = await run(argv, io);
    expect(stderr).toMatch(message);
    expect(code).toBe(2);
  });
});
