/**
 * PromQL literals of the demo evaluator: durations (`5m`, `1h30m`), numbers (`0x1f`, `Inf`,
 * `NaN`) and strings (double or single quotes with escapes, raw backticks).
 */
import { DemoQueryError, unsupported } from './values';

const UNITS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800, y: 31536000 };

/** Seconds of a PromQL duration such as `5m`, `1h30m` or `30d`. */
export function parseDuration(text: string): number {
  if (/^\d+(\.\d+)?$/.test(text)) {
    return Number(text);
  }
  const parts = [...text.matchAll(/(\d+)(ms|s|m|h|d|w|y)/g)];
  if (parts.length === 0 || parts.map((part) => part[0]).join('') !== text) {
    throw new DemoQueryError(`bad duration "${text}"`);
  }
  return parts.reduce((sum, part) => sum + Number(part[1]) * UNITS[part[2]], 0);
}

/** The value of a PromQL number literal. */
export function parseNumber(text: string): number {
  const lower = text.toLowerCase();
  if (lower === 'inf' || lower === '+inf') {
    return Infinity;
  }
  if (lower === 'nan') {
    return NaN;
  }
  const value = /^0x[0-9a-f]+$/.test(lower) ? parseInt(lower, 16) : Number(text);
  if (Number.isNaN(value)) {
    throw unsupported(`the number literal "${text}"`);
  }
  return value;
}

/** The value of a PromQL string literal: double or single quotes with escapes, or raw backticks. */
export function parseString(text: string): string {
  const body = text.slice(1, -1);
  if (text.startsWith('`')) {
    return body;
  }
  const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'" };
  return body.replace(/\\(.)/g, (_, char: string) => escapes[char] ?? `\\${char}`);
}
