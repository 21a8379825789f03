/**
 * The error-budget burn-down from per-bucket counts: at each bucket, the share of the budget left
 * if the window ended there, from the errors and events since the window began. Buckets without
 * events add nothing; before the first event there is no value (not 100 %).
 */
import { map } from 'rxjs';
import { DataFrame, FieldType, createDataFrame } from '@grafana/data';
import { CustomTransformOperator } from '@grafana/scenes';

export interface BurnDownPoint {
  time: number;
  budgetLeft: number | null;
}

/** Budget left over time from errors and events per bucket (same times, same order). */
export function burnDown(times: number[], errors: number[], totals: number[], allowed: number): BurnDownPoint[] {
  let errorSum = 0;
  let totalSum = 0;
  return times.map((time, i) => {
    errorSum += Number.isFinite(errors[i]) ? errors[i] : 0;
    totalSum += Number.isFinite(totals[i]) ? totals[i] : 0;
    return { time, budgetLeft: totalSum > 0 ? 1 - errorSum / totalSum / allowed : null };
  });
}

/** Budget left over time from the SLI per bucket, every bucket weighing the same (freeform SLIs). */
export function burnDownFromSli(times: number[], slis: number[], allowed: number): BurnDownPoint[] {
  const ratios = slis.map((sli) => (Number.isFinite(sli) ? 1 - sli : NaN));
  return burnDown(
    times,
    ratios.map((ratio) => (Number.isFinite(ratio) ? ratio : 0)),
    ratios.map((ratio) => (Number.isFinite(ratio) ? 1 : 0)),
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
