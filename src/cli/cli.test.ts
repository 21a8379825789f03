import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse } from 'yaml';

import { COMMANDS, runCli } from './run';
import { fakeIo, FakeIo } from './testing/fakeIo';

const FIXTURES = relative(process.cwd(), resolve(__dirname, '../../tests/integration/fixtures/cli'));
const fixture = (name: string) => join(FIXTURES, name);

async function run(argv: string[], io: FakeIo = fakeIo()): Promise<{ code: number; io: FakeIo }> {
  const code = await runCli(argv, io);
  return { code, io };
}

describe('runCli', () => {
  it.each<[string, string[], number, RegExp, 'stdout' | 'stderr']>([
    ['tool help', ['--help'], 0, /^Usage: bizowner <command> \[options\]\n[\s\S]*validate[\s\S]*gate/, 'stdout'],
    ['-h', ['-h'], 0, /^Usage: bizowner <command>/, 'stdout'],
    ['help command', ['help'], 0, /^Usage: bizowner <command>/, 'stdout'],
    ['help of a command', ['help', 'rules'], 0, /^Usage: bizowner rules FILE \[--out DIR\]/, 'stdout'],
    ['no command', [], 2, /^Usage: bizowner <command>/, 'stderr'],
    ['unknown command', ['frobnicate'], 2, /unknown command "frobnicate"\nCommands: validate, rules/, 'stderr'],
    ['help of an unknown command', ['help', 'frobnicate'], 2, /unknown command "frobnicate"/, 'stderr'],
    [
      'option before the command',
      ['--verbose', 'validate'],
      2,
      /unknown option --verbose; options go after the command name/,
      'stderr',
    ],
  ])('%s', async (_name, argv, code, output, stream) => {
    const result = await run(argv);
    expect(result.code).toBe(code);
    expect(stream === 'stdout' ? result.io.stdoutText : result.io.stderrText).toMatch(output);
  });

  it.each(COMMANDS.map((command) => command.spec.name))('%s --help prints its usage and options', async (name) => {
    const { code, io } = await run([name, '--help']);
    expect(code).toBe(0);
    expect(io.stdoutText).toMatch(new RegExp(`^Usage: bizowner ${name} `));
    expect(io.stdoutText).toContain('Options:');
    expect(io.stdoutText).toContain('--help');
    expect(io.stderrText).toBe('');
  });
});

describe('validate', () => {
  it('prints a one-line summary of a valid registry', async () => {
    const { code, io } = await run(['validate', fixture('valid.yaml')]);
    expect(code).toBe(0);
    expect(io.stdoutText).toBe('2 services, 3 people, 3 SLOs: valid\n');
    expect(io.stderrText).toBe('');
  });

  it('uses singular words for one of each', async () => {
    const text = [
      'people: [{ id: ana, name: Ana, email: ana@example.com }]',
      'services: [{ id: web, name: Web, tier: 3, lifecycle: beta }]',
      'slos:',
      '  - { id: web-up, serviceId: web, name: Up, objective: 99, sli: { kind: freeform, errorRatio: "1 - avg_over_time(up[{{window}}])" } }',
    ].join('\n');
    const { code, io } = await run(['validate', 'one.yaml'], fakeIo({ files: { 'one.yaml': text } }));
    expect(io.stderrText).toBe('');
    expect(code).toBe(0);
    expect(io.stdoutText).toBe('1 service, 1 person, 1 SLO: valid\n');
  });

  it('prints every problem with its file and line, then exits 1', async () => {
    const file = fixture('invalid.yaml');
    const { code, io } = await run(['validate', file]);
    expect(code).toBe(1);
    expect(io.stdoutText).toBe('');
    expect(io.stderrText.split('\n')).toEqual([
      `${file}:9: services[0].owners.businessOwner: businessOwner "nobody" is not a person of the registry: add the person first or pick an existing id`,
      `${file}:18: slos[0].objective: objective must be a percentage strictly between 0 and 100, e.g. 99.9, got 120`,
      `${file}:21: slos[1].serviceId: serviceId "unknown-service" is not a service of the registry: add the service first or pick an existing id`,
      expect.stringMatching(
        new RegExp(`^${file}:23: slos\\[1\\]\\.sli\\.errorRatio: errorRatio must use \\{\\{window\\}\\}`)
      ),
      `${file}: 4 errors: invalid`,
      '',
    ]);
  });

  it('reports YAML syntax errors with their line', async () => {
    const file = fixture('syntax-error.yaml');
    const { code, io } = await run(['validate', file]);
    expect(code).toBe(1);
    expect(io.stderrText).toMatch(new RegExp(`^${file}:4: YAML syntax error: `));
    expect(io.stderrText).toContain(`${file}: 1 error: invalid\n`);
  });

  it('refuses an empty file', async () => {
    const { code, io } = await run(['validate', 'empty.yaml'], fakeIo({ files: { 'empty.yaml': '' } }));
    expect(code).toBe(1);
    expect(io.stderrText).toContain('empty.yaml:1: the file is empty');
  });

  it('prints warnings without failing', async () => {
    // A YAML warning (an unknown tag) is only a warning for the native parser.
    const text = '%FOO bar\n---\npeople: []\nservices: []\nslos: []\n';
    const { code, io } = await run(['validate', 'warn.yaml'], fakeIo({ files: { 'warn.yaml': text } }));
    expect(io.stderrText).toMatch(/^warning: warn\.yaml:1: YAML syntax error: /);
    expect(code).toBe(0);
    expect(io.stdoutText).toBe('0 services, 0 people, 0 SLOs: valid (1 warning)\n');
  });

  it.each<[string, string[], RegExp]>([
    [
      'missing file',
      ['validate', 'does-not-exist.yaml'],
      /^bizowner validate: cannot read does-not-exist\.yaml: no such file or directory\n$/,
    ],
    ['no file argument', ['validate'], /^bizowner validate: missing FILE\nUsage: bizowner validate FILE\n/],
    ['two files', ['validate', 'a.yaml', 'b.yaml'], /too many arguments: b\.yaml/],
    ['unknown flag', ['validate', '--strict', 'a.yaml'], /unknown option --strict/],
  ])('%s exits 2', async (_name, argv, message) => {
    const { code, io } = await run(argv, fakeIo({ disk: false }));
    expect(code).toBe(2);
    expect(io.stderrText).toMatch(message);
    expect(io.stdoutText).toBe('');
  });
});

describe('rules', () => {
  it('prints the Prometheus rules of every service as one rule file', async () => {
    const { code, io } = await run(['rules', fixture('valid.yaml')]);
    expect(code).toBe(0);
    const file = parse(io.stdoutText);
    const names: string[] = file.groups.map((group: { name: string }) => group.name);
    // the two SLOs of checkout share their groups; with the alerts registry-wide, none runs every cycle
    expect(names).not.toContain('service-checkout.slos');
    expect(names).toContain('service-checkout.slos-1m');
    expect(names).toContain('service-checkout.slos-1h');
    expect(names).not.toContain('slo-checkout-availability');
    // The log SLI's ratios are recorded by the Loki ruler; its meta rules stay in Prometheus.
    expect(names).toContain('slo-payments-error-logs-1m');
    expect(names).not.toContain('slo-payments-error-logs-sli');
    // the alerts of every service, registry-wide
    expect(names).toContain('registry.alerts');
    expect(names).toContain('registry.alerts-1m');
    expect(new Set(names).size).toBe(names.length);
    expect(io.stderrText).toBe(
      'note: the log-ratio SLIs of payments also need Loki ruler files; write them with --out DIR or --loki-out DIR\n'
    );
  });

  it('writes one file per service and a Loki file for log SLIs with --out', async () => {
    const io = fakeIo();
    const { code } = await run(['rules', fixture('valid.yaml'), '--out', 'out/rules'], io);
    expect(code).toBe(0);
    expect([...io.written.keys()]).toEqual([
      'out/rules/checkout.rules.yaml',
      'out/rules/payments.rules.yaml',
      'out/rules/registry.alerts.rules.yaml',
      'out/rules/payments.loki.rules.yaml',
    ]);
    expect(io.stdoutText).toMatch(
      /^wrote out\/rules\/checkout\.rules\.yaml \(\d+ groups, \d+ rules\)\nwrote out\/rules\/payments\.rules\.yaml \(.*\)\nwrote out\/rules\/registry\.alerts\.rules\.yaml \(2 groups, \d+ rules\)\nwrote out\/rules\/payments\.loki\.rules\.yaml \(2 groups, \d+ rules\)\n$/
    );
    const alerts = parse(io.written.get('out/rules/registry.alerts.rules.yaml')!);
    expect(alerts.groups.map((group: { name: string }) => group.name)).toEqual([
      'registry.alerts',
      'registry.alerts-1m',
    ]);
    const loki = parse(io.written.get('out/rules/payments.loki.rules.yaml')!);
    expect(loki.groups[0].name).toBe('slo-payments-error-logs-sli');
    // the events first, then the errors
    expect(loki.groups[0].rules[0].expr).toContain('count_over_time({service="payments"} [5m])');
    expect(loki.groups[0].rules[1].expr).toContain('{service="payments", level="error"}');
    const checkout = parse(io.written.get('out/rules/checkout.rules.yaml')!);
    expect(checkout.groups.map((group: { name: string }) => group.name)).toEqual([
      'service-checkout.slos-1m',
      'service-checkout.slos-1h',
    ]);
  });

  it("writes the shared file of Sloth's series when the registry records them", async () => {
    const text = `${readFileSync(fixture('valid.yaml'), 'utf8')}settings:\n  slothSeries: true\n`;
    const io = fakeIo({ files: { 'sloth.yaml': text } });
    const { code } = await run(['rules', 'sloth.yaml', '--out', 'out/rules'], io);
    expect(io.stderrText).toBe('');
    expect(code).toBe(0);
    expect([...io.written.keys()]).toEqual([
      'out/rules/checkout.rules.yaml',
      'out/rules/payments.rules.yaml',
      'out/rules/registry.alerts.rules.yaml',
      'out/rules/registry.shared.rules.yaml',
      'out/rules/payments.loki.rules.yaml',
    ]);
    expect(io.stdoutText).toContain('wrote out/rules/registry.shared.rules.yaml (3 groups, ');
    const shared = parse(io.written.get('out/rules/registry.shared.rules.yaml')!);
    expect(shared.groups.map((group: { name: string }) => group.name)).toEqual([
      'slo-shared.ratios',
      'slo-shared.tiled',
      'slo-shared.budget',
    ]);
  });

  it('writes the Loki ruler files into their own folder with --loki-out', async () => {
    const io = fakeIo();
    const { code } = await run(['rules', fixture('valid.yaml'), '--out', 'prometheus', '--loki-out', 'loki/fake'], io);
    expect(code).toBe(0);
    expect([...io.written.keys()]).toEqual([
      'prometheus/checkout.rules.yaml',
      'prometheus/payments.rules.yaml',
      'prometheus/registry.alerts.rules.yaml',
      'loki/fake/payments.rules.yaml',
    ]);
    expect(parse(io.written.get('loki/fake/payments.rules.yaml')!).groups[0].name).toBe('slo-payments-error-logs-sli');
    expect(parse(io.written.get('prometheus/payments.rules.yaml')!).groups[0].name).not.toBe(
      'slo-payments-error-logs-sli'
    );
  });

  it('prints the Prometheus rules and writes only the Loki files with --loki-out alone', async () => {
    const io = fakeIo();
    const { code } = await run(['rules', fixture('valid.yaml'), '--loki-out', 'loki'], io);
    expect(code).toBe(0);
    expect([...io.written.keys()]).toEqual(['loki/payments.rules.yaml']);
    const names = parse(io.stdoutText).groups.map((group: { name: string }) => group.name);
    expect(names).toContain('service-checkout.slos-1m');
    expect(names).not.toContain('slo-payments-error-logs-sli');
    expect(io.stderrText).toMatch(/^wrote loki\/payments\.rules\.yaml \(2 groups, \d+ rules\)\n$/);
  });

  it('prints an empty rule file for a registry without SLOs', async () => {
    const io = fakeIo({ files: { 'none.yaml': 'people: []\nservices: []\nslos: []\n' } });
    const { code } = await run(['rules', 'none.yaml'], io);
    expect(code).toBe(0);
    expect(parse(io.stdoutText)).toEqual({ groups: [] });
    expect(io.stderrText).toBe('none.yaml: no SLOs, so the rule file has no groups\n');
  });

  it('refuses an invalid registry with its problems and exit code 1', async () => {
    const { code, io } = await run(['rules', fixture('invalid.yaml')]);
    expect(code).toBe(1);
    expect(io.stdoutText).toBe('');
    expect(io.stderrText).toContain(':18: slos[0].objective: ');
  });

  it.each<[string, string[], FakeIo, RegExp]>([
    [
      'missing file',
      ['rules', 'nope.yaml'],
      fakeIo({ disk: false }),
      /cannot read nope\.yaml: no such file or directory/,
    ],
    ['--out without a directory', ['rules', 'x.yaml', '--out'], fakeIo(), /option --out needs a value: --out DIR/],
    ['unknown flag', ['rules', 'x.yaml', '--format', 'json'], fakeIo(), /unknown option --format/],
    [
      '--loki-out in the --out folder',
      ['rules', fixture('valid.yaml'), '--out', 'rules', '--loki-out', 'rules/'],
      fakeIo(),
      /--loki-out rules\/ is the --out folder: Loki files there would replace the Prometheus files/,
    ],
    [
      'unwritable output',
      ['rules', fixture('valid.yaml'), '--out', '/root/x'],
      fakeIo({ failWrites: true }),
      /cannot write \/root\/x\/checkout\.rules\.yaml: permission denied/,
    ],
  ])('%s exits 2', async (_name, argv, io, message) => {
    const { code } = await run(argv, io);
    expect(code).toBe(2);
    expect(io.stderrText).toMatch(message);
  });
});
