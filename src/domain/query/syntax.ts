import { SyntaxNode, Tree } from '@lezer/common';

import { QueryProblem } from './problem';

const CLOSING: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const OPENING: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/** Skips a quoted string starting at `start`; returns the offset after its closing quote, or -1. */
function skipString(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\' && quote !== '`') {
      i++;
    } else if (text[i] === quote) {
      return i + 1;
    }
  }
  return -1;
}

/**
 * Finds the first unbalanced bracket outside of strings. The parser's own error for these is
 * usually far from the cause ("unexpected end"), so this gives the clearer message.
 */
export function bracketProblem(text: string): QueryProblem | undefined {
  const open: Array<{ char: string; at: number }> = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char === '"' || char === "'" || char === '`') {
      const end = skipString(text, i);
      if (end < 0) {
        return { message: `string started here is never closed with ${char}`, from: i, to: text.length };
      }
      i = end;
      continue;
    }
    if (CLOSING[char]) {
      open.push({ char, at: i });
    } else if (OPENING[char]) {
      const last = open.pop();
      if (!last) {
        return { message: `unexpected "${char}": nothing to close`, from: i, to: i + 1 };
      }
      if (CLOSING[last.char] !== char) {
        return { message: `expected "${CLOSING[last.char]}" but found "${char}"`, from: i, to: i + 1 };
      }
    }
    i++;
  }
  const unclosed = open.pop();
  if (unclosed) {
    return {
      message: `"${unclosed.char}" is never closed: add "${CLOSING[unclosed.char]}"`,
      from: unclosed.at,
      to: unclosed.at + 1,
    };
  }
  return undefined;
}

/** The first error node of a lezer tree, by position. */
export function firstErrorNode(tree: Tree): SyntaxNode | undefined {
  let found: SyntaxNode | undefined;
  tree.iterate({
    enter: (node) => {
      if (found) {
        return false;
      }
      if (node.type.isError) {
        found = node.node;
        return false;
      }
      return undefined;
    },
  });
  return found;
}

/** Shows the token at `from` the way a user would recognise it. */
function tokenAt(text: string, from: number): string {
  const match = /^\s*([A-Za-z_:][\w:]*|\d[\w.]*|"(?:[^"\\]|\\.)*"?|\S)/.exec(text.slice(from));
  const token = match ? match[1] : text.slice(from, from + 1);
  return token.length > 30 ? `${token.slice(0, 27)}...` : token;
}

/**
 * Describes the first syntax error of a parsed query: unbalanced brackets first, then the first
 * lezer error node. `explain` may give a language-specific message for an error node.
 */
export function syntaxProblem(
  tree: Tree,
  text: string,
  explain?: (node: SyntaxNode, text: string) => string | undefined
): QueryProblem | undefined {
  if (text.trim() === '') {
    return { message: 'the query is empty', from: 0, to: text.length };
  }
  const brackets = bracketProblem(text);
  if (brackets) {
    return brackets;
  }
  const node = firstErrorNode(tree);
  if (!node) {
    return undefined;
  }
  const specific = explain?.(node, text);
  if (specific) {
    return { message: specific, from: node.from, to: Math.max(node.to, node.from + 1) };
  }
  if (text.slice(node.from).trim() === '') {
    return { message: 'the query ends too early: something is missing at the end', from: node.from, to: text.length };
  }
  const token = tokenAt(text, node.from);
  const from = node.from + text.slice(node.from).search(/\S/);
  return { message: `unexpected ${JSON.stringify(token)}`, from, to: from + token.length };
}
