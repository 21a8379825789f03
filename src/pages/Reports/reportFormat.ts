/** How the report's figures read on the page (and in the browser journey that checks them). */
import { formatRatioPercent } from '../../domain/budget/format';
import { wallTime } from '../../domain/budget/period';

function trimmed(value: number, digits: number): string {
  const text = value.toFixed(digits);
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/**
 * An attainment in percent with two decimals (`99.93%`), more when two decimals would make it read
 * as its objective.
 */
export function formatAttainment(value: number, objective: number): string {
  const text = trimmed(value, 2);
  return value !== objective && text === trimmed(objective, 2)
    ? formatRatioPercent(value / 100, objective / 100)
    : `${text}%`;
}

/** Budget spent in percent, one decimal: `42.5%`. */
export function formatSpent(value: number): string {
  return formatRatioPercent(value / 100);
}

/** A day's start as its date in the SLO's time zone: `2026-11-23`. */
export function formatDay(iso: string, timeZone: string): string {
  const { year, month, day } = wallTime(new Date(iso), timeZone);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
