/**
 * Helpers shared by the commands: reading files with clear errors, printing problems, loading
 * and validating a registry file.
 */
import { parseRegistryYaml } from '../domain/io/native';
import { RegistryDocument } from '../domain/model';
import { formatProblem, Problem } from '../domain/problems';
import { CliError } from './args';
import { CliIo, EXIT_USAGE } from './io';

/** Why a file could not be read or written, in words. */
function describeIoError(error: unknown): string {
  const code = (error as { code?: string })?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EISDIR':
      return 'is a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a parent is not a directory';
    default:
      return (error as Error)?.message ?? String(error);
  }
}

/** Reads a file; an I/O failure becomes a `CliError` with exit code 2. */
export async function readInput(io: CliIo, path: string): Promise<string> {
  try {
    return await io.readFile(path);
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${describeIoError(error)}`, EXIT_USAGE);
  }
}

/** Writes a file; an I/O failure becomes a `CliError` with exit code 2. */
export async function writeOutput(io: CliIo, path: string, text: string): Promise<void> {
  try {
    await io.writeFile(path, text);
  } catch (error) {
    throw new CliError(`cannot write ${path}: ${describeIoError(error)}`, EXIT_USAGE);
  }
}

/** Deletes a file this tool wrote; an I/O failure becomes a `CliError` with exit code 2. */
export async function removeOutput(io: CliIo, path: string): Promise<void> {
  try {
    await io.removeFile(path);
  } catch (error) {
    throw new CliError(`cannot remove ${path}: ${describeIoError(error)}`, EXIT_USAGE);
  }
}

/** Names of the files in `dir`; an I/O failure becomes a `CliError` with exit code 2. */
export async function listOutput(io: CliIo, dir: string): Promise<string[]> {
  try {
    return await io.listFiles(dir);
  } catch (error) {
    throw new CliError(`cannot list ${dir}: ${describeIoError(error)}`, EXIT_USAGE);
  }
}

/** Whether a problem refuses the input; warnings do not. */
export function isError(problem: Problem): boolean {
  return problem.severity !== 'warning';
}

/** Prints problems to stderr, one a line: `file:line: path: message`, warnings marked as such. */
export function printProblems(io: CliIo, problems: Problem[]): void {
  for (const problem of problems) {
    io.stderr(`${isError(problem) ? '' : 'warning: '}${formatProblem(problem)}\n`);
  }
}

/** `1 SLO`, `3 SLOs`. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** `2 services, 3 people, 5 SLOs`: what a registry holds. */
export function registryCounts(doc: Pick<RegistryDocument, 'services' | 'people' | 'slos'>): string {
  return [
    plural(doc.services.length, 'service'),
    plural(doc.people.length, 'person', 'people'),
    plural(doc.slos.length, 'SLO'),
  ].join(', ');
}

/** `2 errors, 1 warning`: the count of problems by severity, leaving out zeros. */
export function countProblems(problems: Problem[]): string {
  const errors = problems.filter(isError).length;
  const warnings = problems.length - errors;
  const parts = [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : ''];
  return parts.filter(Boolean).join(', ');
}

export type LoadedRegistry =
  { doc: RegistryDocument; problems: Problem[]; text: string } | { doc?: undefined; problems: Problem[] };

/**
 * Reads and validates a native registry file. Prints its problems (errors and warnings) to
 * stderr; `doc` is set only when none of them is an error. An unreadable file throws a `CliError`.
 */
export async function loadRegistry(io: CliIo, file: string): Promise<LoadedRegistry> {
  const text = await readInput(io, file);
  const { doc, problems } = parseRegistryYaml(text, file);
  printProblems(io, problems);
  if (!doc || problems.some(isError)) {
    io.stderr(`${file}: ${countProblems(problems)}: invalid\n`);
    return { problems };
  }
  return { doc, problems, text };
}

/**
 * Checks that the value of option `--name` is an http(s) URL; a usage error (exit code 2) names
 * the option and shows `example` otherwise.
 */
export function httpUrl(name: string, text: string, example: string): URL {
  let parsed: URL | undefined;
  try {
    parsed = new URL(text);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw new CliError(`--${name} must be an http(s) URL, e.g. ${example}, got "${text}"`, EXIT_USAGE, true);
  }
  return parsed;
}
