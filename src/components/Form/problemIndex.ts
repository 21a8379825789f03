import { Problem } from '../../domain/problems';

/** Looks up validation problems by path, to show each message next to its field. */
export interface ProblemIndex {
  /** Errors at exactly `path` (e.g. `links[0].url`), joined; undefined when none. */
  at(path: string): string | undefined;
  /** Errors at `path` or below it (e.g. every `onCall.escalation[2]` under `onCall.escalation`). */
  under(path: string): string | undefined;
  /** All errors, for the summary above the form. */
  all: Problem[];
}

function join(problems: Problem[]): string | undefined {
  return problems.length > 0 ? problems.map((problem) => problem.message).join('; ') : undefined;
}

/** Indexes the errors of `problems` (warnings are left out: they never block a save). */
export function indexProblems(problems: Problem[]): ProblemIndex {
  const errors = problems.filter((problem) => problem.severity !== 'warning');
  return {
    at: (path) => join(errors.filter((problem) => problem.path === path)),
    under: (path) =>
      join(
        errors.filter(
          (problem) =>
            problem.path === path || problem.path.startsWith(`${path}.`) || problem.path.startsWith(`${path}[`)
        )
      ),
    all: errors,
  };
}

/** An index with no problems, shown before the first save attempt. */
export const NO_PROBLEMS: ProblemIndex = indexProblems([]);
