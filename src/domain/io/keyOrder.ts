import { isFields } from '../validation/checker';

/**
 * Field names in the order they are written, following the model's declarations, so that exported
 * YAML reads top-down (id and name first, details after) and diffs stay small. Other keys, such
 * as label names, follow in alphabetical order.
 */
const FIELD_ORDER = [
  // document
  'schemaVersion',
  'revision',
  'updatedAt',
  'updatedBy',
  'settings',
  'people',
  'services',
  'slos',
  // settings
  'prometheus',
  'loki',
  'billing',
  'uid',
  'defaultWindow',
  'defaultAlertPreset',
  'slothSeries',
  // entities
  'id',
  'kind',
  'serviceId',
  'type',
  'name',
  'title',
  'email',
  'team',
  'chat',
  'description',
  'tier',
  'lifecycle',
  'impact',
  'revenue',
  'compliance',
  'customerFacing',
  'sla',
  'owners',
  'onCall',
  'decisionScope',
  'kpis',
  'links',
  'costTags',
  'selector',
  'dependsOn',
  'ownerHistory',
  // SLIs and SLOs
  'good',
  'bad',
  'total',
  'histogram',
  'threshold',
  'buckets',
  'errorRatio',
  'sli',
  'objective',
  'window',
  'groupBy',
  'alerting',
  'budgetPolicy',
  'labels',
  // nested details
  'enabled',
  'preset',
  'windows',
  'severity',
  'factor',
  'long',
  'short',
  'disabledTiers',
  'pageLabels',
  'ticketLabels',
  'annotations',
  'runbookUrl',
  'minEvents',
  'freezeBurnRate',
  'freezeBudgetLeftPercent',
  'recoverBudgetLeftPercent',
  'recoverBurnRate',
  'escalateToBusinessOwner',
  'signOff',
  'exceptions',
  'url',
  'query',
  'unit',
  'target',
  'direction',
  'role',
  'reason',
  'sloIds',
  'from',
  'to',
  'at',
  'by',
];

const RANK = new Map(FIELD_ORDER.map((name, index) => [name, index]));

function compareKeys(a: string, b: string): number {
  const rankA = RANK.get(a) ?? FIELD_ORDER.length;
  const rankB = RANK.get(b) ?? FIELD_ORDER.length;
  return rankA !== rankB ? rankA - rankB : a.localeCompare(b);
}

/** A copy of plain data with object keys in the stable export order and `undefined` fields left out. */
export function orderKeys<T>(value: T): T {
  if (Array.isArray(value)) {
    return value.map(orderKeys) as T;
  }
  if (!isFields(value)) {
    return value;
  }
  const keys = Object.keys(value)
    .filter((key) => value[key] !== undefined)
    .sort(compareKeys);
  return Object.fromEntries(keys.map((key) => [key, orderKeys(value[key])])) as T;
}
