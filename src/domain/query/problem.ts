/** A problem inside one query string, with offsets the editor can underline. */
export interface QueryProblem {
  message: string;
  /** Offset of the first character, 0-based, in the text the user typed. */
  from: number;
  /** Offset after the last character. */
  to: number;
  severity?: 'error' | 'warning';
}

/**
 * Describes an offset as `column N` (1-based), or `line L, column N` for multi-line text, so that
 * messages read well outside of an editor too.
 */
export function describePosition(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  const column = offset - lineStart + 1;
  if (!text.includes('\n')) {
    return `column ${column}`;
  }
  const line = before.split('\n').length;
  return `line ${line}, column ${column}`;
}

/** Text with placeholders replaced, and a way back to offsets in the original text. */
export interface Substituted {
  text: string;
  toSource: (offset: number) => number;
}

/**
 * Replaces every `placeholder` in `text` with `value` (e.g. `{{window}}` with `5m`) so the result
 * can be parsed, keeping a map from offsets in the result back to offsets in `text`.
 */
export function substitute(text: string, placeholder: string, value: string): Substituted {
  const parts = text.split(placeholder);
  if (parts.length === 1) {
    return { text, toSource: (offset) => offset };
  }
  const growth = placeholder.length - value.length;
  // Where each replacement starts in the output.
  const starts: number[] = [];
  let output = '';
  parts.forEach((part, index) => {
    output += part;
    if (index < parts.length - 1) {
      starts.push(output.length);
      output += value;
    }
  });
  const toSource = (offset: number): number => {
    let shift = 0;
    for (const start of starts) {
      if (offset < start) {
        break;
      }
      if (offset < start + value.length) {
        // Inside a replacement: point at the start of its placeholder.
        return start + shift;
      }
      shift += growth;
    }
    return offset + shift;
  };
  return { text: output, toSource };
}

/** Moves a problem found in substituted text back onto the text the user typed. */
export function mapProblem(problem: QueryProblem, toSource: (offset: number) => number): QueryProblem {
  return { ...problem, from: toSource(problem.from), to: toSource(problem.to) };
}

/** Appends the 1-based position in `text` to a problem's message, e.g. `unexpected ")" at column 12`. */
export function withPosition(problem: QueryProblem, text: string): QueryProblem {
  return { ...problem, message: `${problem.message} at ${describePosition(text, problem.from)}` };
}
