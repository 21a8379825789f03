/**
 * The command-line core: picks the command, parses its arguments, runs it and turns errors into
 * exit codes. It does no I/O of its own: everything goes through `io`, so tests run commands
 * in-process with fakes.
 */
import { CliError, CommandSpec, formatHelp, parseArgs, usageLine } from './args';
import { Command } from './command';
import { dashboardsCommand } from './commands/dashboards';
import { escalationCommand } from './commands/escalation';
import { exportCommand } from './commands/export';
import { gateCommand } from './commands/gate';
import { importCommand } from './commands/import';
import { provisionCommand } from './commands/provision';
import { pullCommand } from './commands/pull';
import { pushCommand } from './commands/push';
import { reportCommand } from './commands/report';
import { rulesCommand } from './commands/rules';
import { validateCommand } from './commands/validate';
import { CliIo, EXIT_OK, EXIT_USAGE } from './io';

export { EXIT_INVALID, EXIT_OK, EXIT_USAGE, type CliIo } from './io';

/** The name shown in usage lines. */
export const PROGRAM = 'bizowner';

export const COMMANDS: Command[] = [
  validateCommand,
  rulesCommand,
  dashboardsCommand,
  escalationCommand,
  importCommand,
  exportCommand,
  gateCommand,
  reportCommand,
  pushCommand,
  pullCommand,
  provisionCommand,
];

function toolHelp(): string {
  const width = Math.max(...COMMANDS.map((command) => command.spec.name.length)) + 4;
  return [
    `Usage: ${PROGRAM} <command> [options]`,
    '',
    'Business Owner for Grafana on the command line: check the registry of services, owners and SLOs,',
    'generate Prometheus rules, convert from and to OpenSLO, Sloth and Backstage, gate releases on the',
    'error-budget policy, and push, pull or provision the registry kept in Grafana.',
    'From a checkout of the plugin: npm run -s cli -- <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((command) => `  ${command.spec.name.padEnd(width)}${command.spec.summary}`),
    `  ${'help'.padEnd(width)}Show the help of a command: ${PROGRAM} help <command>`,
    '',
    `Run \`${PROGRAM} <command> --help\` for the options of a command.`,
    'Exit codes: 0 success, 1 invalid input (or releases frozen, for gate), 2 usage or I/O error.',
    '',
  ].join('\n');
}

function findCommand(name: string): Command | undefined {
  return COMMANDS.find((command) => command.spec.name === name);
}

function unknownCommand(io: CliIo, name: string): number {
  io.stderr(`${PROGRAM}: unknown command "${name}"\n`);
  io.stderr(
    `Commands: ${COMMANDS.map((command) => command.spec.name).join(', ')}. Run \`${PROGRAM} --help\` for help.\n`
  );
  return EXIT_USAGE;
}

function reportError(io: CliIo, error: unknown, spec?: CommandSpec): number {
  if (error instanceof CliError) {
    const prefix = spec ? `${PROGRAM} ${spec.name}` : PROGRAM;
    io.stderr(`${prefix}: ${error.message}\n`);
    if (error.showUsage && spec) {
      io.stderr(`${usageLine(PROGRAM, spec)}\nRun \`${PROGRAM} ${spec.name} --help\` for details.\n`);
    }
    return error.exitCode;
  }
  // A bug rather than bad input: say so, with the stack for the report.
  io.stderr(`${PROGRAM}: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
  return EXIT_USAGE;
}

/** Runs the command line `argv` (without the node and script paths) and returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(toolHelp());
    return EXIT_USAGE;
  }
  if (name === '--help' || name === '-h') {
    io.stdout(toolHelp());
    return EXIT_OK;
  }
  if (name === 'help') {
    if (rest.length === 0) {
      io.stdout(toolHelp());
      return EXIT_OK;
    }
    const command = findCommand(rest[0]);
    if (!command || rest.length > 1) {
      return command ? reportError(io, new CliError(`help takes one command name`)) : unknownCommand(io, rest[0]);
    }
    io.stdout(formatHelp(PROGRAM, command.spec));
    return EXIT_OK;
  }
  if (name.startsWith('-')) {
    io.stderr(`${PROGRAM}: unknown option ${name}; options go after the command name\n`);
    io.stderr(`Run \`${PROGRAM} --help\` for help.\n`);
    return EXIT_USAGE;
  }
  const command = findCommand(name);
  if (!command) {
    return unknownCommand(io, name);
  }
  try {
    const args = parseArgs(rest, command.spec);
    if (args.help) {
      io.stdout(formatHelp(PROGRAM, command.spec));
      return EXIT_OK;
    }
    return await command.run(args, io);
  } catch (error) {
    return reportError(io, error, command.spec);
  }
}
