/**
 * OpenSLO's time-slice budgeting, measured as such in a freeform SLI. The period is cut into
 * slices of `timeSliceWindow`; `Timeslices` counts a slice bad when its success ratio is below
 * `timeSliceTarget`, and the error ratio is the share of bad slices; `RatioTimeslices` averages the
 * slices' error ratios (it has no slice target). A subquery whose step is the slice evaluates the
 * slice's success ratio S (its ranges the slice length) at the end of each slice:
 *
 *     1 - avg_over_time(((S) >= bool 0.95)[{{window}}:1m] offset 1ms)
 *
 * Subquery steps are multiples of the step since the epoch, so the slices are the clock's.
 * Prometheus 2.x includes both ends of a range: `[1h:1m]` evaluated on a minute mark reads 61
 * slices. With `offset 1ms` the window holds exactly 60 at any evaluation time on 3.x (left-open
 * ranges) and on 2.x, except 1 ms after a slice ends, where 2.x still reads 61 (timestamps are
 * whole milliseconds: no integer offset avoids both). The price: evaluated exactly at a slice's
 * end, the window counts that slice at the next evaluation. A slice without events (no ratio) is
 * left out, neither good nor bad. tests/integration/openslo-timeslices.test.ts measures all this
 * with promtool.
 */
import { Alerting } from '../model';
import { Problem } from '../problems';
import { parsePromDuration } from '../query/duration';
import { WINDOW_PLACEHOLDER } from '../query/sli';
import { CURRENT_WINDOW } from '../rules/names';
import { Fields, isFields } from '../validation/checker';
import { distinctWindows, resolveBurnWindows } from '../windows/windows';
import { SourceDoc } from './sourceDoc';

export type SliceMethod = 'Timeslices' | 'RatioTimeslices';

/** How an SLO of a time-slice budgeting method cuts its period. */
export interface Slicing {
  method: SliceMethod;
  /** The slice length, a Prometheus duration such as `1m`. */
  window: string;
  /** `Timeslices` only: the least success ratio (0–1] of a good slice. */
  target?: number;
}

const METHODS = ['Occurrences', 'Timeslices', 'RatioTimeslices'] as const;
const isMethod = (value: unknown): value is (typeof METHODS)[number] => (METHODS as readonly unknown[]).includes(value);
const SLICE_FIELDS = ['timeSliceWindow', 'timeSliceTarget'];
const OBJECTIVE = ['spec', 'objectives', 0];
/** Moves the window back so that a range of whole slices never reads one slice more (see above). */
const SLICE_OFFSET = '1ms';

/** `timeSliceWindow`: a Prometheus duration, or a whole number of minutes as OpenSLO allows. */
function readSliceWindow(value: unknown, src: SourceDoc, method: string, problems: Problem[]): string | undefined {
  const path = [...OBJECTIVE, 'timeSliceWindow'];
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) {
    return `${value}m`;
  }
  if (typeof value === 'string' && parsePromDuration(value) !== undefined) {
    return value;
  }
  const why =
    value === undefined
      ? `budgetingMethod ${method} needs objectives[0].timeSliceWindow, the length of a slice such as 1m`
      : `timeSliceWindow ${JSON.stringify(value)} is not a Prometheus duration such as 1m or 5m (nor a whole number of minutes)`;
  problems.push(src.problem(path, why));
  return undefined;
}

function readSliceTarget(value: unknown, src: SourceDoc, problems: Problem[]): number | undefined {
  if (typeof value === 'number' && value > 0 && value <= 1) {
    return value;
  }
  const why =
    value === undefined
      ? 'budgetingMethod Timeslices needs objectives[0].timeSliceTarget, the least success ratio of a good slice'
      : `timeSliceTarget must be a ratio above 0 and at most 1 (the least success ratio of a good slice), got ${JSON.stringify(value)}`;
  problems.push(src.problem([...OBJECTIVE, 'timeSliceTarget'], why));
  return undefined;
}

/**
 * The SLO's `budgetingMethod` (absent: `Occurrences`) with the slicing of its first objective;
 * `undefined`, with a problem naming the field, when it cannot be measured. Slice fields of an
 * `Occurrences` SLO, and the slice target of a `RatioTimeslices` one, are dropped with a warning.
 */
export function readBudgetingMethod(
  spec: Fields,
  src: SourceDoc,
  problems: Problem[]
): Slicing | 'Occurrences' | undefined {
  const method = spec.budgetingMethod ?? 'Occurrences';
  if (!isMethod(method)) {
    const why = `budgetingMethod ${JSON.stringify(method)} is none of ${METHODS.join(', ')}`;
    problems.push(src.problem(['spec', 'budgetingMethod'], why));
    return undefined;
  }
  const objective = Array.isArray(spec.objectives) && isFields(spec.objectives[0]) ? spec.objectives[0] : {};
  const unused = method === 'Occurrences' ? SLICE_FIELDS : method === 'RatioTimeslices' ? ['timeSliceTarget'] : [];
  for (const key of unused.filter((field) => objective[field] !== undefined)) {
    problems.push(src.drop([...OBJECTIVE, key], `${key} has no use with budgetingMethod ${method}`));
  }
  if (method === 'Occurrences') {
    return method;
  }
  const window = readSliceWindow(objective.timeSliceWindow, src, method, problems);
  if (method === 'RatioTimeslices') {
    return window === undefined ? undefined : { method, window };
  }
  const target = readSliceTarget(objective.timeSliceTarget, src, problems);
  return window === undefined || target === undefined ? undefined : { method, window, target };
}

/** The freeform error ratio of an SLO sliced by `slicing`, given the success ratio of one slice. */
export function slicedErrorRatio(success: string, slicing: Slicing): string {
  const slice = slicing.target === undefined ? `(${success})` : `((${success}) >= bool ${slicing.target})`;
  return `1 - avg_over_time(${slice}[${WINDOW_PLACEHOLDER}:${slicing.window}] offset ${SLICE_OFFSET})`;
}

// Loose on purpose: the rebuilt expression must equal the given one.
const SLICED = /^1 - avg_over_time\((.+)\[\{\{window\}\}:([^\]]+)\] offset \S+\)$/s;
const TARGETED = /^\(\((.+)\) >= bool ([^\s()]+)\)$/s;
const PLAIN = /^\((.+)\)$/s;

/**
 * The slicing and slice success ratio of an error ratio written by {@link slicedErrorRatio}, for
 * the export; `undefined` for any other expression (it must be rebuilt character for character).
 */
export function readSlicedErrorRatio(errorRatio: string): { slicing: Slicing; success: string } | undefined {
  const [, slice, window] = SLICED.exec(errorRatio) ?? [];
  if (slice === undefined || parsePromDuration(window) === undefined) {
    return undefined;
  }
  const [, targeted, target] = TARGETED.exec(slice) ?? [];
  const candidates: Array<{ slicing: Slicing; success: string }> = [];
  if (targeted !== undefined && Number(target) > 0 && Number(target) <= 1) {
    candidates.push({ slicing: { method: 'Timeslices', window, target: Number(target) }, success: targeted });
  }
  const [, plain] = PLAIN.exec(slice) ?? [];
  if (plain !== undefined) {
    candidates.push({ slicing: { method: 'RatioTimeslices', window }, success: plain });
  }
  return candidates.find(({ slicing, success }) => slicedErrorRatio(success, slicing) === errorRatio);
}

/**
 * Whether every window the SLO's rules measure (the 5-minute ratio and each burn window) holds a
 * whole number of slices; otherwise a problem at `timeSliceWindow` names the windows. A window
 * shorter than a slice would hold none at most evaluations, and a 30m window of 7m slices 4 or 5.
 */
export function checkSliceWindows(alerting: Alerting, slicing: Slicing, src: SourceDoc, problems: Problem[]): boolean {
  const slice = parsePromDuration(slicing.window)!;
  // As the rules record them (buildSloContext); the factors do not matter here, only the windows.
  const burnWindows = resolveBurnWindows(alerting, 30).flatMap((window) => [window.short, window.long]);
  // Validation names a window that is no duration.
  const windows = [...burnWindows, CURRENT_WINDOW].filter((window) => parsePromDuration(window) !== undefined);
  const uneven = distinctWindows(windows).filter((window) => parsePromDuration(window)! % slice !== 0);
  if (uneven.length > 0) {
    const why =
      `a ${slicing.window} slice does not divide the ${uneven.join(', ')} window${uneven.length > 1 ? 's' : ''} ` +
      `the rules measure: each window must hold whole slices (1m or 5m slices fit the presets)`;
    problems.push(src.problem([...OBJECTIVE, 'timeSliceWindow'], why));
  }
  return uneven.length === 0;
}

/** Reports where the slicing went: into the SLO's freeform SLI (`target`). */
export function reportSlicing(slicing: Slicing, src: SourceDoc, target: string): void {
  const measured =
    slicing.target === undefined
      ? `the mean error ratio of its ${slicing.window} slices`
      : `the share of bad ${slicing.window} slices`;
  src.mapped(
    ['spec', 'budgetingMethod'],
    target,
    `budgetingMethod ${slicing.method} measured as ${measured} (freeform SLI)`
  );
  const slices = `slices of ${slicing.window} on the clock; a slice without a value (no events) is left out`;
  src.mapped([...OBJECTIVE, 'timeSliceWindow'], target, slices);
  if (slicing.target !== undefined) {
    const why = `a slice is bad when its success ratio is below ${slicing.target}`;
    src.mapped([...OBJECTIVE, 'timeSliceTarget'], target, why);
  }
}
