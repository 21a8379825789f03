/**
 * A small argument parser: `--name value`, `--name=value`, boolean `--flag`, `-h`/`--help`, and
 * `--` to end the options. Anything it does not know is a usage error (exit code 2).
 */
import { EXIT_USAGE } from './io';

/** An error in how the command was called, or an input/output failure: exit code 2. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_USAGE,
    /** Print the command's usage line after the message. */
    readonly showUsage = false
  ) {
    super(message);
  }
}

/** A usage error: the message and the command's usage line, exit code 2. */
export function usageError(message: string): CliError {
  return new CliError(message, EXIT_USAGE, true);
}

export interface OptionSpec {
  /** Long name without dashes, e.g. `out`. */
  name: string;
  /** Placeholder of the value, e.g. `DIR`; absent for a flag without a value. */
  value?: string;
  description: string;
  /** Values allowed, e.g. `['openslo', 'sloth']`. */
  choices?: readonly string[];
}

export interface CommandSpec {
  name: string;
  /** One line, shown in the tool's command list. */
  summary: string;
  /** Arguments after the command name, e.g. `FILE [--out DIR]`. */
  usage: string;
  /** Paragraphs shown by `--help` after the usage line. */
  description: string;
  options: OptionSpec[];
  /** How many positional arguments the command takes. */
  positionals: { min: number; max: number; name: string };
}

export interface ParsedArgs {
  /** Option values by name; a flag without a value is `true`. The last of repeated options wins. */
  options: Record<string, string | true>;
  positionals: string[];
  help: boolean;
}

const HELP_FLAGS = new Set(['-h', '--help']);

/**
 * Parses the arguments after the command name. Throws a usage error for an unknown option, a
 * missing value, a value outside `choices` or the wrong number of positional arguments; with
 * `--help` only the help flag is reported, so help always works.
 */
export function parseArgs(argv: string[], spec: CommandSpec): ParsedArgs {
  const end = argv.indexOf('--');
  if ((end === -1 ? argv : argv.slice(0, end)).some((arg) => HELP_FLAGS.has(arg))) {
    return { options: {}, positionals: [], help: true };
  }
  const byName = new Map(spec.options.map((option) => [option.name, option]));
  const options: Record<string, string | true> = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    if (!arg.startsWith('--')) {
      throw usageError(`unknown option ${arg}`);
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const option = byName.get(name);
    if (!option) {
      throw usageError(`unknown option --${name}`);
    }
    if (!option.value) {
      if (eq !== -1) {
        throw usageError(`option --${name} takes no value`);
      }
      options[name] = true;
      continue;
    }
    let value: string | undefined;
    if (eq !== -1) {
      value = arg.slice(eq + 1);
    } else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) {
      value = argv[++i];
    }
    if (value === undefined || value === '') {
      throw usageError(`option --${name} needs a value: --${name} ${option.value}`);
    }
    if (option.choices && !option.choices.includes(value)) {
      throw usageError(`option --${name} must be one of ${option.choices.join(', ')}, got "${value}"`);
    }
    options[name] = value;
  }
  const { min, max, name } = spec.positionals;
  if (positionals.length < min) {
    throw usageError(min === 1 && max === 1 ? `missing ${name}` : `missing ${name}: give at least ${min}`);
  }
  if (positionals.length > max) {
    const extra = positionals.slice(max).join(' ');
    throw usageError(max === 0 ? `unexpected argument ${extra}` : `too many arguments: ${extra}`);
  }
  return { options, positionals, help: false };
}

/** The value of an option that takes one, or `undefined` when it was not given. */
export function optionValue(args: ParsedArgs, name: string): string | undefined {
  const value = args.options[name];
  return typeof value === 'string' ? value : undefined;
}

/** The value of a required option; a usage error when it is missing. */
export function requiredOption(args: ParsedArgs, spec: CommandSpec, name: string): string {
  const value = optionValue(args, name);
  if (value === undefined) {
    const option = spec.options.find((candidate) => candidate.name === name);
    throw usageError(`missing option --${name}${option?.value ? ` ${option.value}` : ''}`);
  }
  return value;
}

/** `Usage: <program> <command> <usage>`. */
export function usageLine(program: string, spec: CommandSpec): string {
  return `Usage: ${program} ${spec.name} ${spec.usage}`.trimEnd();
}

/** The `--help` text of a command. */
export function formatHelp(program: string, spec: CommandSpec): string {
  const lines = [usageLine(program, spec), '', spec.summary, ''];
  if (spec.description) {
    lines.push(spec.description, '');
  }
  const rows = [...spec.options, { name: 'help', description: 'Show this help.' } as OptionSpec].map((option) => {
    const left = `  --${option.name}${option.value ? ` ${option.value}` : ''}`;
    const choices = option.choices ? ` One of: ${option.choices.join(', ')}.` : '';
    return [left, `${option.description}${choices}`];
  });
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  lines.push('Options:', ...rows.map(([left, right]) => left.padEnd(width) + right));
  return lines.join('\n') + '\n';
}
