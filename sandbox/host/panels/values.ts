import { Field } from '@grafana/data';

/** The last value of a field that is a number, or null. */
export function lastValue(field: Field): number | null {
  for (let i = field.values.length - 1; i >= 0; i--) {
    const value = field.values[i];
    if (typeof value === 'number' && !Number.isNaN(value)) {
      return value;
    }
  }
  return null;
}
