import { CliError, CommandSpec, formatHelp, parseArgs, ParsedArgs } from './args';

const spec: CommandSpec = {
  name: 'demo',
  summary: 'A command for the tests.',
  usage: 'FILE... [--out DIR] [--from FORMAT] [--force]',
  description: 'Longer words.',
  options: [
    { name: 'out', value: 'DIR', description: 'Where to write.' },
    { name: 'from', value: 'FORMAT', description: 'Input format.', choices: ['a', 'b'] },
    { name: 'force', description: 'Overwrite.' },
  ],
  positionals: { min: 1, max: 2, name: 'FILE' },
};

describe('parseArgs', () => {
  it.each<[string, string[], Partial<ParsedArgs>]>([
    ['one positional', ['x.yaml'], { positionals: ['x.yaml'], options: {} }],
    ['option with a separate value', ['x.yaml', '--out', 'dir'], { options: { out: 'dir' } }],
    ['option with =value', ['--out=dir', 'x.yaml'], { options: { out: 'dir' }, positionals: ['x.yaml'] }],
    ['value containing =', ['--out=a=b', 'x'], { options: { out: 'a=b' } }],
    ['flag', ['x', '--force'], { options: { force: true } }],
    ['choice', ['x', '--from', 'b'], { options: { from: 'b' } }],
    ['the last repeated option wins', ['x', '--out', 'a', '--out', 'b'], { options: { out: 'b' } }],
    ['-- ends the options', ['--', '--out'], { positionals: ['--out'], options: {} }],
    ['a lone dash is a positional', ['-'], { positionals: ['-'] }],
    ['--help wins over errors', ['--bogus', '--help'], { help: true }],
    ['-h', ['-h'], { help: true }],
  ])('%s', (_name, argv, expected) => {
    expect(parseArgs(argv, spec)).toMatchObject({ help: false, ...expected });
  });

  it.each<[string, string[], string]>([
    ['unknown long option', ['x', '--bogus'], 'unknown option --bogus'],
    ['unknown short option', ['x', '-q'], 'unknown option -q'],
    ['missing value at the end', ['x', '--out'], 'option --out needs a value: --out DIR'],
    ['missing value before another option', ['x', '--out', '--force'], 'option --out needs a value: --out DIR'],
    ['empty =value', ['x', '--out='], 'option --out needs a value: --out DIR'],
    ['value for a flag', ['x', '--force=yes'], 'option --force takes no value'],
    ['value outside the choices', ['x', '--from', 'c'], 'option --from must be one of a, b, got "c"'],
    ['no positional', [], 'missing FILE: give at least 1'],
    ['too many positionals', ['a', 'b', 'c'], 'too many arguments: c'],
    ['--help after -- is a positional', ['a', '--', '--help', 'c'], 'too many arguments: c'],
  ])('%s is a usage error', (_name, argv, message) => {
    let error: unknown;
    try {
      parseArgs(argv, spec);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).message).toBe(message);
    expect((error as CliError).exitCode).toBe(2);
    expect((error as CliError).showUsage).toBe(true);
  });
});

describe('formatHelp', () => {
  it('lists the usage, description and aligned options with their choices', () => {
    expect(formatHelp('tool', spec)).toBe(
      [
        'Usage: tool demo FILE... [--out DIR] [--from FORMAT] [--force]',
        '',
        'A command for the tests.',
        '',
        'Longer words.',
        '',
        'Options:',
        '  --out DIR      Where to write.',
        '  --from FORMAT  Input format. One of: a, b.',
        '  --force        Overwrite.',
        '  --help         Show this help.',
        '',
      ].join('\n')
    );
  });
});
