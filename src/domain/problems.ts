/**
 * A problem found in user input. Parsers and validators return lists of these instead of
 * throwing, so that the UI can show each message next to its field.
 */
export interface Problem {
  /** Where in the document, e.g. `services[2].links[0].url` or `slos[0].objective`. */
  path: string;
  message: string;
  /** Source file, for imports and the command line. */
  file?: string;
  /** 1-based line in the source file, when the input was text. */
  line?: number;
  /** 1-based index of the YAML document in its file, when the file holds several (`---`). */
  document?: number;
  /** Absent means `error`: the input is refused. A `warning` (e.g. an imported field that is not mapped) is only shown. */
  severity?: 'error' | 'warning';
}

/**
 * Formats a problem as `file:line: path: message (document 2)`, leaving out what is unknown. The
 * document index comes last so that `file:line:` stays where editors and CI annotations look for it.
 */
export function formatProblem(problem: Problem): string {
  const where = [problem.file, problem.line].filter((part) => part !== undefined).join(':');
  const prefix = where ? `${where}: ` : '';
  const text = problem.path ? `${prefix}${problem.path}: ${problem.message}` : `${prefix}${problem.message}`;
  return problem.document === undefined ? text : `${text} (document ${problem.document})`;
}
