import { stringify } from 'yaml';

import { RegistryDocument, Service, Sli, Slo } from '../model';
import { enabledBurnWindows } from '../windows/windows';
import { ImportedRegistry } from './importResult';
import { PRESET_ANNOTATION } from './opensloAlerting';

const API_VERSION = 'openslo/v1';
/** Days used to scale preset burn rates for a calendar-month SLO. */
const CALENDAR_MONTH_DAYS = 30;

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

function timeWindow(window: string): Record<string, unknown> {
  return window === 'calendar-month'
    ? { duration: '1M', isRolling: false, calendar: { startTime: '2000-01-01 00:00:00', timeZone: 'UTC' } }
    : { duration: window, isRolling: true };
}

function alertPolicies(slo: Slo): Array<Record<string, unknown>> {
  const days = slo.window === 'calendar-month' ? CALENDAR_MONTH_DAYS : parseInt(slo.window, 10);
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

function sloDocument(slo: Slo): Record<string, unknown> {
  const labels = Object.keys(slo.labels).length > 0 ? { labels: slo.labels } : {};
  const objective = slo.sli.kind === 'latency' ? { op: 'lte', value: slo.sli.threshold } : {};
  return {
    apiVersion: API_VERSION,
    kind: 'SLO',
    metadata: { name: slo.id, displayName: slo.name, ...labels },
    spec: {
      description: slo.description,
      service: slo.serviceId,
      indicator: { metadata: { name: `${slo.id}-sli` }, spec: indicatorSpec(slo.sli) },
      timeWindow: [timeWindow(slo.window)],
      budgetingMethod: 'Occurrences',
      objectives: [{ displayName: slo.name, ...objective, targetPercent: slo.objective }],
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
 * one SLO document per SLO with its SLI inline and an AlertPolicy of its burn-rate tiers. Owners,
 * KPIs, links and budget policies have no place in OpenSLO and are left out.
 */
export function exportOpenSlo(doc: RegistryDocument | ImportedRegistry): string {
  const documents = [...doc.services.map(serviceDocument), ...doc.slos.map(sloDocument)];
  return documents.map((document) => stringify(document, { lineWidth: 0, singleQuote: true })).join('---\n');
}
