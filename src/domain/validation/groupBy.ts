/**
 * What makes a `groupBy` label unusable beyond its syntax (validation/slo.ts checks that it is a
 * label name): a label listed twice, or one the rules, `slo:info` or `ALERTS` already write, whose
 * value would replace the group's on every recorded series and alert.
 */
import { Slo } from '../model';
import { Problem } from '../problems';
import {
  INFO_LABELS,
  LABEL_BUSINESS_OWNER,
  LABEL_SEVERITY,
  LABEL_TEAM,
  LABEL_TIER,
  RESERVED_LABELS,
} from '../rules/names';

/** Labels a group may not be named by: the rules', the owner labels, `slo:info`'s and `ALERTS`'. */
export const UNGROUPABLE_LABELS: readonly string[] = [
  ...RESERVED_LABELS,
  LABEL_BUSINESS_OWNER,
  LABEL_TEAM,
  LABEL_TIER,
  LABEL_SEVERITY,
  ...INFO_LABELS,
  'alertname',
  'alertstate',
  // a histogram's bucket bound: grouping by it would make every bucket a group
  'le',
];

/** Problems of `slo.groupBy` at `groupBy[i]` (paths relative to the SLO). */
export function groupByProblems(slo: Pick<Slo, 'groupBy' | 'labels'>): Problem[] {
  const labels = slo.groupBy ?? [];
  return labels.flatMap((label, index): Problem[] => {
    const path = `groupBy[${index}]`;
    if (labels.indexOf(label) < index) {
      return [{ path, message: `"${label}" is listed twice` }];
    }
    if (UNGROUPABLE_LABELS.includes(label)) {
      return [{ path, message: `"${label}" is a label the rules or alerts write themselves; group by another label` }];
    }
    if (label in slo.labels) {
      return [{ path, message: `"${label}" is also one of the SLO's labels, whose value would replace the group's` }];
    }
    return [];
  });
}
