import { CommandSpec, ParsedArgs } from './args';
import { CliIo } from './io';

/** One command of the tool: its arguments and what it does. */
export interface Command {
  spec: CommandSpec;
  /** Runs the command and returns its exit code; may throw a `CliError`. */
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}
