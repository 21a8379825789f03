/** Aggregation operators (`sum`, `avg`, `min`, `max`, `count`, `group`, `topk`, `bottomk`) with `by`/`without`. */
import { DemoQueryError, Labels, NAME, Sample, labelsKey } from './values';

function groupLabels(labels: Labels, without: boolean, grouping: string[] | undefined): Labels {
  if (!grouping) {
    return {};
  }
  return Object.fromEntries(
    Object.entries(labels).filter(([name]) =>
      without ? name !== NAME && !grouping.includes(name) : grouping.includes(name)
    )
  );
}

function reduce(op: string, values: number[]): number {
  switch (op) {
    case 'sum':
      return values.reduce((sum, value) => sum + value, 0);
    case 'avg':
      return values.reduce((sum, value) => sum + value, 0) / values.length;
    case 'count':
      return values.length;
    case 'group':
      return 1;
    case 'min':
      return values.reduce((min, value) => (value < min || Number.isNaN(min) ? value : min));
    case 'max':
      return values.reduce((max, value) => (value > max || Number.isNaN(max) ? value : max));
    default:
      throw new DemoQueryError(`unknown aggregation ${op}`);
  }
}

/** Orders for topk: larger first, NaN last; bottomk: smaller first, NaN last. */
function ranking(op: string): (a: Sample, b: Sample) => number {
  return (a, b) => {
    if (Number.isNaN(a.value) || Number.isNaN(b.value)) {
      return Number(Number.isNaN(a.value)) - Number(Number.isNaN(b.value));
    }
    return op === 'topk' ? b.value - a.value : a.value - b.value;
  };
}

/**
 * Aggregates a vector. `grouping` undefined means one group; `without` drops the listed labels
 * and the metric name, `by` keeps only the listed ones. `topk`/`bottomk` keep whole samples.
 */
export function aggregate(
  op: string,
  samples: Sample[],
  without: boolean,
  grouping: string[] | undefined,
  param?: number
): Sample[] {
  const groups = new Map<string, { labels: Labels; members: Sample[] }>();
  for (const sample of samples) {
    // `by` groups are keyed by the listed values alone: cheaper than building their label set first
    const key =
      grouping && without
        ? labelsKey(groupLabels(sample.labels, true, grouping))
        : (grouping ?? []).map((name) => sample.labels[name] ?? '').join('\u0000');
    const group = groups.get(key) ?? { labels: groupLabels(sample.labels, without, grouping), members: [] };
    group.members.push(sample);
    groups.set(key, group);
  }
  if (op === 'topk' || op === 'bottomk') {
    const k = Math.floor(param ?? NaN);
    if (!(k >= 1)) {
      return [];
    }
    return [...groups.values()].flatMap((group) => [...group.members].sort(ranking(op)).slice(0, k));
  }
  return [...groups.values()].map((group) => ({
    labels: group.labels,
    value: reduce(
      op,
      group.members.map((s) => s.value)
    ),
  }));
}
