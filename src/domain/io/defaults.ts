import { SCHEMA_VERSION } from '../model';
import { defaultSettings } from '../registry';
import { Fields, isFields } from '../validation/checker';

/** Copies plain data (what YAML and JSON produce) so that filling defaults leaves the input alone. */
function copy<T>(value: T): T {
  if (Array.isArray(value)) {
    return value.map(copy) as T;
  }
  if (isFields(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, copy(item)])) as T;
  }
  return value;
}

/** Sets `obj[key]` to `value` when it is missing; a present value of the wrong type stays for validation to report. */
function fill(obj: Fields, key: string, value: unknown): void {
  if (obj[key] === undefined || obj[key] === null) {
    obj[key] = value;
  }
}

function serviceDefaults(service: Fields): void {
  for (const key of ['kpis', 'links', 'dependsOn', 'ownerHistory']) {
    fill(service, key, []);
  }
  fill(service, 'costTags', {});
  fill(service, 'owners', {});
  fill(service, 'impact', {});
  if (isFields(service.impact)) {
    for (const flag of ['revenue', 'compliance', 'customerFacing', 'sla']) {
      fill(service.impact, flag, false);
    }
  }
  if (typeof service.id === 'string') {
    // The common convention: telemetry carries a `service` label with the service id.
    fill(service, 'selector', `{service="${service.id}"}`);
  }
}

function sloDefaults(slo: Fields, settings: Fields): void {
  fill(slo, 'labels', {});
  fill(slo, 'window', settings.defaultWindow);
  fill(slo, 'alerting', { enabled: true, preset: settings.defaultAlertPreset });
}

/**
 * Fills what a hand-written registry may leave out: `revision` 0, the current `schemaVersion`,
 * default settings, empty lists and maps, a service's `{service="<id>"}` selector, and an SLO's
 * window and alerting from the settings. Works on a copy; values of the wrong type are kept so
 * that validation reports them.
 */
export function applyDefaults(raw: unknown): unknown {
  if (!isFields(raw)) {
    return raw;
  }
  const doc = copy(raw);
  fill(doc, 'schemaVersion', SCHEMA_VERSION);
  fill(doc, 'revision', 0);
  fill(doc, 'settings', {});
  const settings = isFields(doc.settings) ? doc.settings : {};
  for (const [key, value] of Object.entries(defaultSettings())) {
    fill(settings, key, value);
  }
  for (const key of ['people', 'services', 'slos']) {
    fill(doc, key, []);
  }
  if (Array.isArray(doc.services)) {
    doc.services.filter(isFields).forEach(serviceDefaults);
  }
  if (Array.isArray(doc.slos)) {
    doc.slos.filter(isFields).forEach((slo) => sloDefaults(slo, settings));
  }
  return doc;
}
