import { BILLING_KINDS } from '../model';
import { at, Checker, Fields } from './checker';
import { checkQuery } from './queries';

function checkDataSourceRef(c: Checker, settings: Fields, key: string, path: string): Fields | undefined {
  const ref = c.object(settings, key, path);
  if (ref) {
    c.string(ref, 'uid', at(path, key), true);
    c.string(ref, 'type', at(path, key));
  }
  return ref;
}

/** Checks the app settings: data source references, billing query and defaults for new SLOs. */
export function checkSettings(c: Checker, doc: Fields, path: string): void {
  const settings = c.object(doc, 'settings', path, true);
  if (!settings) {
    return;
  }
  const where = at(path, 'settings');
  checkDataSourceRef(c, settings, 'prometheus', where);
  checkDataSourceRef(c, settings, 'loki', where);
  const billing = checkDataSourceRef(c, settings, 'billing', where);
  if (billing) {
    const billingPath = at(where, 'billing');
    const kind = c.oneOf(billing, 'kind', billingPath, BILLING_KINDS, true);
    // A PromQL template is run by the dashboards and recorded by the rules: it must parse.
    const query =
      kind === 'prometheus'
        ? checkQuery(c, billing, 'query', billingPath, 'billingPromql')
        : c.string(billing, 'query', billingPath, true);
    if (query && !query.includes('$costTags')) {
      c.add(
        at(billingPath, 'query'),
        'query does not use $costTags, so every service would get the same cost; add it where the cost labels or SQL condition go',
        'warning'
      );
    }
  }
  c.oneOf(settings, 'defaultWindow', where, ['28d', '30d'], true);
  c.oneOf(settings, 'defaultAlertPreset', where, ['google-30d', 'google-28d'], true);
  c.boolean(settings, 'slothSeries', where);
}
