/**
 * The error-budget burn-down from per-bucket counts: the budget is the allowed error ratio times
 * all events of the range, and each bucket's errors spend it, so the line falls from 100 % to the
 * share left at the end of the range. Without any event in the range there is no line at all
 * (not a flat 100 %).
 */
import { map } from 'rxjs';
import { DataFrame, FieldType, createDataFrame } from '@grafana/data';
import { CustomTransformOperator } from '@grafana/scenes';

export interface BurnDownPoint {
  time: number;
  budgetLeft: number | null;
}

function finite(value: number): number {
  return Number.isFinite(value) ? value : 0;
}

/** Budget left over time from errors and events per bucket (same times, same order). */
export function burnDown(times: number[], errors: number[], totals: number[], allowed: number): BurnDownPoint[] {
  const budget = allowed * totals.reduce((sum, total) => sum + finite(total), 0);
  let spent = 0;
  return times.map((time, i) => {
    spent += finite(errors[i]);
    return { time, budgetLeft: budget > 0 ? 1 - spent / budget : null };
  });
}

/** Budget left over time from the SLI per bucket, every bucket with data weighing the same (freeform SLIs). */
export function burnDownFromSli(times: number[], slis: number[], allowed: number): BurnDownPoint[] {
  const measured = slis.map((sli) => Number.isFinite(sli));
  return burnDown(
    times,
    slis.map((sli, i) => (measured[i] ? 1 - sli : 0)),
    measured.map((has) => (has ? 1 : 0)),
    allowed
  );
}

function series(frames: DataFrame[], refId: string): { times: number[]; values: number[] } | undefined {
  const frame = frames.find((item) => item.refId === refId);
  const time = frame?.fields.find((field) => field.type === FieldType.time);
  const value = frame?.fields.find((field) => field.type === FieldType.number);
  return time && value ? { times: time.values.map(Number), values: value.values.map(Number) } : undefined;
}

function toFrame(points: BurnDownPoint[], name: string): DataFrame {
  return createDataFrame({
    refId: 'budget',
    fields: [
      { name: 'Time', type: FieldType.time, values: points.map((point) => point.time) },
      { name, type: FieldType.number, values: points.map((point) => point.budgetLeft) },
    ],
  });
}

/**
 * A scene transformation from the count queries (refIds `errors` and `total`) or, without them,
 * the SLI query (`sli`), to one budget-left series. Errors align on the total's timestamps.
 */
export function burnDownTransformation(allowed: number, name: string): CustomTransformOperator {
  return () => (source) =>
    source.pipe(
      map((frames: DataFrame[]) => {
        const total = series(frames, 'total');
        const errors = series(frames, 'errors');
        if (total) {
          const byTime = new Map(errors?.times.map((time, i) => [time, errors.values[i]]) ?? []);
          const aligned = total.times.map((time) => byTime.get(time) ?? 0);
          return [toFrame(burnDown(total.times, aligned, total.values, allowed), name)];
        }
        const sli = series(frames, 'sli');
        return sli ? [toFrame(burnDownFromSli(sli.times, sli.values, allowed), name)] : [];
      })
    );
}
