import { stringify } from 'yaml';

import { withAdjustmentAnnotations } from '../adjustments/opensloAnnotations';
import { CalendarUnit, DEFAULT_TIME_ZONE } from '../budget/period';
import { isProblem, parseSloWindow, ruleWindowDays } from '../budget/window';
import { RegistryDocument, Service, Sli, Slo } from '../model';
import { enabledBurnWindows } from '../windows/windows';
import { ImportedRegistry, newService } from './importResult';
import { orderKeys } from './keyOrder';
import { entityPath, ReportEntry } from './migrationReport';
import { PRESET_ANNOTATION } from './opensloAlerting';
import { readSlicedErrorRatio } from './opensloTimeslices';

const API_VERSION = 'openslo/v1';
const source = (type: string, query: string) => ({ metricSource: { type, spec: { query } } });

function indicatorSpec(sli: Sli): Record<string, unknown> {
  switch (sli.kind) {
    case 'ratio':
      return {
        ratioMetric: {
          counter: true,
          ...(sli.good !== undefined
            ? { good: source('Prometheus', sli.good) }
            : { bad: source('Prometheus', sli.bad ?? '') }),
          total: source('Prometheus', sli.total),
        },
      };
    case 'logRatio':
      return { ratioMetric: { counter: true, bad: source('Loki', sli.bad), total: source('Loki', sli.total) } };
    case 'freeform':
      return { ratioMetric: { counter: false, rawType: 'failure', raw: source('Prometheus', sli.errorRatio) } };
    case 'latency':
      return { thresholdMetric: source('Prometheus', sli.histogram) };
  }
}

/** OpenSLO's duration of a calendar period, and a start on the grid of such periods (3 January 2000 was a Monday). */
const CALENDAR_DURATIONS: Record<CalendarUnit, { duration: string; startTime: string }> = {
  week: { duration: '1w', startTime: '2000-01-03 00:00:00' },
  month: { duration: '1M', startTime: '2000-01-01 00:00:00' },
  quarter: { duration: '1Q', startTime: '2000-01-01 00:00:00' },
};

function timeWindow(slo: Slo): Record<string, unknown> {
  const window = parseSloWindow(slo.window);
  if (isProblem(window) || window.kind === 'rolling') {
    return { duration: slo.window, isRolling: true };
  }
  const { duration, startTime } = CALENDAR_DURATIONS[window.unit];
  return { duration, isRolling: false, calendar: { startTime, timeZone: slo.timeZone ?? DEFAULT_TIME_ZONE } };
}

function alertPolicies(slo: Slo): Array<Record<string, unknown>> {
  const window = parseSloWindow(slo.window);
  const days = isProblem(window) ? parseInt(slo.window, 10) : ruleWindowDays(window);
  const windows = enabledBurnWindows(slo.alerting, days);
  if (windows.length === 0) {
    return [];
  }
  const conditions = windows.map((window) => ({
    kind: 'AlertCondition',
    metadata: { name: window.tier },
    spec: {
      severity: window.severity,
      // OpenSLO has no short window; `alertAfter` is the closest: how long the burn must last.
      condition: {
        kind: 'burnrate',
        op: 'gte',
        threshold: window.factor,
        lookbackWindow: window.long,
        alertAfter: window.short,
      },
    },
  }));
  const annotations =
    slo.alerting.preset === 'custom' ? {} : { annotations: { [PRESET_ANNOTATION]: slo.alerting.preset } };
  return [
    {
      kind: 'AlertPolicy',
      metadata: { name: `${slo.id}-burn-rate`, ...annotations },
      spec: { alertWhenBreaching: true, conditions },
    },
  ];
}

/**
 * Where a grouped SLO's `groupBy` labels go (comma-separated, e.g. `tenant,route`): OpenSLO has no
 * per-label grouping, so the labels ride along in an annotation for readers that know it.
 */
export const GROUP_BY_ANNOTATION = 'business-owner/group-by';

function groupByMetadata(slo: Slo): Record<string, unknown> {
  return slo.groupBy?.length ? { annotations: { [GROUP_BY_ANNOTATION]: slo.groupBy.join(',') } } : {};
}

/** The time slices of an SLO imported from OpenSLO `Timeslices` or `RatioTimeslices`, if it is one. */
const slicesOf = (sli: Sli) => (sli.kind === 'freeform' ? readSlicedErrorRatio(sli.errorRatio) : undefined);

function sloDocument(slo: Slo): Record<string, unknown> {
  const labels = Object.keys(slo.labels).length > 0 ? { labels: slo.labels } : {};
  const objective = slo.sli.kind === 'latency' ? { op: 'lte', value: slo.sli.threshold } : {};
  const sliced = slicesOf(slo.sli);
  // The slice's success ratio is one query: it is written as a precomputed (raw) ratio.
  const indicator = sliced
    ? { ratioMetric: { counter: false, rawType: 'success', raw: source('Prometheus', sliced.success) } }
    : indicatorSpec(slo.sli);
  const slices = sliced ? { timeSliceTarget: sliced.slicing.target, timeSliceWindow: sliced.slicing.window } : {};
  return {
    apiVersion: API_VERSION,
    kind: 'SLO',
    metadata: { name: slo.id, displayName: slo.name, ...labels, ...groupByMetadata(slo) },
    spec: {
      description: slo.description,
      service: slo.serviceId,
      indicator: { metadata: { name: `${slo.id}-sli` }, spec: indicator },
      timeWindow: [timeWindow(slo)],
      budgetingMethod: sliced?.slicing.method ?? 'Occurrences',
      objectives: [{ displayName: slo.name, ...objective, targetPercent: slo.objective, ...slices }],
      alertPolicies: alertPolicies(slo),
    },
  };
}

function serviceDocument(service: Service): Record<string, unknown> {
  return {
    apiVersion: API_VERSION,
    kind: 'Service',
    metadata: { name: service.id, displayName: service.name },
    spec: { description: service.description },
  };
}

/**
 * Writes the registry's services and SLOs as OpenSLO v1: one Service document per service, then
 * one SLO document per SLO with its SLI inline, an AlertPolicy of its burn-rate tiers and its budget
 * adjustments as an annotation (`business-owner/budget-adjustments`). What
 * OpenSLO has no place for (owners, KPIs, links, budget policies…) is left out; `opensloExportReport`
 * names it.
 */
export function exportOpenSlo(doc: RegistryDocument | ImportedRegistry): string {
  const documents = [
    ...doc.services.map(serviceDocument),
    ...doc.slos.map((slo) => withAdjustmentAnnotations(sloDocument(slo), doc, slo.id)),
  ];
  return documents.map((document) => stringify(document, { lineWidth: 0, singleQuote: true })).join('---\n');
}

/** Service fields OpenSLO has no place for, and why; reported when they differ from what an import gives. */
const SERVICE_FIELDS: Array<[keyof Service, string]> = [
  ['tier', 'OpenSLO services have no tier'],
  ['lifecycle', 'OpenSLO services have no lifecycle'],
  ['impact', 'OpenSLO services have no impact flags'],
  ['owners', 'OpenSLO has no owners'],
  ['onCall', 'OpenSLO has no on-call team'],
  ['decisionScope', "OpenSLO has no business owner's decision scope"],
  ['kpis', 'OpenSLO has no KPIs'],
  ['links', 'OpenSLO services have no links'],
  ['costTags', 'OpenSLO has no cost tags'],
  ['selector', 'OpenSLO services have no telemetry selector'],
  ['dependsOn', 'OpenSLO services have no dependencies'],
  ['ownerHistory', 'OpenSLO has no owner history'],
  ['budgetPolicy', 'OpenSLO has no error-budget policy sign-off or exceptions'],
];

/** Alerting fields the AlertPolicy written by the export cannot hold. */
const ALERTING_FIELDS: Array<[keyof Slo['alerting'], string]> = [
  ['name', 'OpenSLO alert policies do not name the alert'],
  ['pageLabels', 'OpenSLO alert conditions have no labels'],
  ['ticketLabels', 'OpenSLO alert conditions have no labels'],
  ['annotations', 'OpenSLO alert conditions have no annotations'],
  ['runbookUrl', 'OpenSLO alert conditions have no runbook'],
  ['minEvents', 'OpenSLO burn-rate conditions have no minimum event count'],
];

const differs = (a: unknown, b: unknown) => JSON.stringify(orderKeys(a)) !== JSON.stringify(orderKeys(b));
/** Whether a field holds something: it is there, and not an empty list or map. */
const holdsValue = (value: unknown) =>
  value !== undefined && !(typeof value === 'object' && value !== null && Object.keys(value).length === 0);

function sloDrops(slo: Slo): Array<[string, string]> {
  const drops: Array<[string, string]> = [];
  if (slo.groupBy?.length) {
    drops.push([
      'groupBy',
      `OpenSLO SLOs have no per-label grouping: other tools measure the SLO as one; the labels are kept in the annotation ${GROUP_BY_ANNOTATION}`,
    ]);
  }
  if (slo.budgetPolicy) {
    drops.push(['budgetPolicy', 'OpenSLO has no error-budget policy']);
  }
  if (slo.sli.kind === 'latency' && slo.sli.buckets) {
    drops.push(['sli.buckets', 'OpenSLO threshold metrics have no histogram buckets']);
  }
  if (!slo.alerting.enabled && slo.alerting.preset !== 'google-30d') {
    drops.push(['alerting.preset', 'with alerting off, no alert policy is written to carry the preset']);
  }
  for (const [field, reason] of ALERTING_FIELDS) {
    if (holdsValue(slo.alerting[field])) {
      drops.push([`alerting.${field}`, reason]);
    }
  }
  return drops;
}

/**
 * An SLO whose freeform SLI is exactly what an import of OpenSLO time slices writes is exported
 * with its budgeting method again: the registry keeps no marker (a label would change its alerts'
 * labels), the expression is recognised by rebuilding it. Its slice's success ratio goes out as
 * one raw query, not as the good and total queries it was imported from; an SLI edited since is
 * exported as a raw error ratio with budgetingMethod Occurrences, as any freeform SLI.
 */
function slicedEntry(slo: Slo): ReportEntry[] {
  const sliced = slicesOf(slo.sli);
  if (!sliced) {
    return [];
  }
  const { method, window, target } = sliced.slicing;
  const good = target === undefined ? '' : `, good when their success ratio is at least ${target}`;
  const reason = `${method} of ${window} slices${good}; the slice's success ratio is written as a raw success ratio`;
  return [{ outcome: 'mapped', source: entityPath('slos', slo.id, 'sli'), target: 'spec.budgetingMethod', reason }];
}

/**
 * What `exportOpenSlo` cannot express, in the form of an import's migration report: one `dropped`
 * entry per person, and per service or SLO field that holds something OpenSLO has no place for
 * (a value an import of the export would not give back); a `mapped` entry per SLO exported as
 * time slices (see `slicedEntry`).
 */
export function opensloExportReport(doc: RegistryDocument | ImportedRegistry): ReportEntry[] {
  const dropped = (source: string, reason: string): ReportEntry => ({ outcome: 'dropped', source, reason });
  return [
    ...doc.people.map((person) => dropped(entityPath('people', person.id), 'OpenSLO has no people')),
    ...doc.services.flatMap((service) => {
      const imported = newService(service.id);
      return SERVICE_FIELDS.filter(([field]) => differs(service[field], imported[field])).map(([field, reason]) =>
        dropped(entityPath('services', service.id, field), reason)
      );
    }),
    ...doc.slos.flatMap((slo) => [
      ...slicedEntry(slo),
      ...sloDrops(slo).map(([field, reason]) => dropped(entityPath('slos', slo.id, field), reason)),
    ]),
  ];
}
