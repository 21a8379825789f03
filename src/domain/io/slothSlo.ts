import { Alerting, Sli, Slo } from '../model';
import { Problem } from '../problems';
import { checkSeriesSelector } from '../query/promql';
import { WINDOW_PLACEHOLDER } from '../query/sli';
import { Fields } from '../validation/checker';
import { WINDOW_PRESETS } from '../windows/presets';
import { newSlo } from './importResult';
import { entityPath } from './migrationReport';
import { fields, SourceDoc, text, textMap } from './sourceDoc';

type YamlPath = Array<string | number>;

const SLOTH_WINDOW = /\{\{\s*\.window\s*\}\}/g;
/** `sum(rate(<selector>[{{.window}}]))`: the only shape that maps onto a ratio SLI's counter selector. */
const SUM_RATE = /^\s*sum\s*\(\s*rate\s*\(\s*([\s\S]+?)\s*\[\s*\{\{\s*\.window\s*\}\}\s*\]\s*\)\s*\)\s*$/;

/**
 * Key names that differ between Sloth's two spellings: `prometheus/v1` files use snake_case, the
 * `PrometheusServiceLevel` resource camelCase. Both are read in both (Sloth's own raw example,
 * `raw-home-wifi.yml`, writes `errorRatioQuery` in a `prometheus/v1` file).
 */
const KEYS = {
  errorQuery: ['error_query', 'errorQuery'],
  totalQuery: ['total_query', 'totalQuery'],
  errorRatioQuery: ['error_ratio_query', 'errorRatioQuery'],
  pageAlert: ['page_alert', 'pageAlert'],
  ticketAlert: ['ticket_alert', 'ticketAlert'],
} as const;

const SLO_KEYS = ['name', 'objective', 'description', 'labels', 'sli', 'alerting'];
const ALERTING_KEYS = ['name', 'labels', 'annotations', ...KEYS.pageAlert, ...KEYS.ticketAlert];
const ALERT_KEYS = ['labels', 'annotations', 'disable'];

/** The key of `obj` spelled one of the ways in `names`, or the first spelling when none is present. */
function keyOf(obj: Fields | undefined, names: readonly string[]): string {
  return names.find((name) => obj?.[name] !== undefined) ?? names[0];
}

/** The counter selector inside `sum(rate(SEL[{{.window}}]))`, or `undefined` for any other shape. */
function counterSelector(query: string): string | undefined {
  const selector = SUM_RATE.exec(query)?.[1];
  return selector !== undefined && checkSeriesSelector(selector).length === 0 ? selector : undefined;
}

/** Converts a Sloth SLI: events become a ratio SLI when both queries allow it, else a freeform one. */
function convertSli(
  sli: Fields | undefined,
  src: SourceDoc,
  path: YamlPath,
  problems: Problem[]
): { sli: Sli; report: (target: string) => void } | undefined {
  const events = fields(sli, 'events');
  const raw = fields(sli, 'raw');
  problems.push(...src.unmapped(sli, ['events', 'raw'], path));
  if (events) {
    problems.push(...src.unmapped(events, [...KEYS.errorQuery, ...KEYS.totalQuery], [...path, 'events']));
    const errorKey = keyOf(events, KEYS.errorQuery);
    const totalKey = keyOf(events, KEYS.totalQuery);
    const errorPath = [...path, 'events', errorKey];
    const totalPath = [...path, 'events', totalKey];
    const error = text(events, errorKey) ?? '';
    const total = text(events, totalKey) ?? '';
    const bad = counterSelector(error);
    const all = counterSelector(total);
    if (bad !== undefined && all !== undefined) {
      return {
        sli: { kind: 'ratio', bad, total: all },
        report: (target) => {
          src.mapped(errorPath, `${target}.bad`);
          src.mapped(totalPath, `${target}.total`);
        },
      };
    }
    const errorRatio = `(${error})\n/\n(${total})`.replace(SLOTH_WINDOW, WINDOW_PLACEHOLDER);
    return {
      sli: { kind: 'freeform', errorRatio },
      report: (target) => {
        const why = 'not sum(rate(selector[{{.window}}])): the SLI is the freeform ratio error / total';
        src.mapped(errorPath, `${target}.errorRatio`, why);
        src.mapped(totalPath, `${target}.errorRatio`, why);
      },
    };
  }
  const ratioKey = keyOf(raw, KEYS.errorRatioQuery);
  const ratio = text(raw, ratioKey);
  if (ratio !== undefined) {
    problems.push(...src.unmapped(raw, KEYS.errorRatioQuery, [...path, 'raw']));
    return {
      sli: { kind: 'freeform', errorRatio: ratio.replace(SLOTH_WINDOW, WINDOW_PLACEHOLDER) },
      report: (target) => src.mapped([...path, 'raw', ratioKey], `${target}.errorRatio`),
    };
  }
  const why = fields(sli, 'plugin')
    ? 'SLI plugins cannot be imported; write the SLI as events or raw'
    : 'needs events or raw';
  problems.push(src.problem(path, `sli ${why}`));
  return undefined;
}

/** Reports the labels of `map` at `path` as kept in each of `targets` (e.g. page and ticket labels). */
function reportLabels(src: SourceDoc, map: Record<string, string>, path: YamlPath, targets: string[]): void {
  for (const name of Object.keys(map)) {
    targets.forEach((target) => src.label([...path, name], `${target}.${name}`));
  }
}

/**
 * The one annotation set of the registry's alerts: the common annotations, then the page alert's
 * and the ticket alert's, merged (with a warning when either has any).
 */
function convertAnnotations(
  [alerting, page, ticket]: Array<Fields | undefined>,
  [path, pageKey, ticketKey]: [YamlPath, string, string],
  target: string,
  src: SourceDoc,
  problems: Problem[]
): Record<string, string> {
  if (Object.keys({ ...textMap(page, 'annotations'), ...textMap(ticket, 'annotations') }).length > 0) {
    problems.push(
      src.problem(path, 'page_alert and ticket_alert annotations are merged into one set for both alerts', 'warning')
    );
  }
  const merged = 'merged into the one annotation set the registry has for both alerts';
  const sets: Array<[YamlPath, Fields | undefined, string | undefined]> = [
    [path, alerting, undefined],
    [[...path, pageKey], page, merged],
    [[...path, ticketKey], ticket, merged],
  ];
  const annotations: Record<string, string> = {};
  for (const [at, owner, why] of sets) {
    for (const [name, value] of Object.entries(textMap(owner, 'annotations'))) {
      annotations[name] = value;
      src.mapped([...at, 'annotations', name], `${target}.annotations.${name}`, why);
    }
  }
  return annotations;
}

/** Converts Sloth alerting; page and ticket annotations share the one annotation set of the registry. */
function convertAlerting(
  alerting: Fields | undefined,
  sloId: string,
  src: SourceDoc,
  path: YamlPath,
  problems: Problem[]
): Alerting {
  const result: Alerting = { enabled: true, preset: 'google-30d' };
  if (!alerting) {
    return result;
  }
  const target = entityPath('slos', sloId, 'alerting');
  problems.push(...src.unmapped(alerting, ALERTING_KEYS, path));
  const name = text(alerting, 'name');
  if (name) {
    result.name = name;
    src.mapped([...path, 'name'], `${target}.name`);
  }
  const pageKey = keyOf(alerting, KEYS.pageAlert);
  const ticketKey = keyOf(alerting, KEYS.ticketAlert);
  const common = textMap(alerting, 'labels');
  const page = fields(alerting, pageKey);
  const ticket = fields(alerting, ticketKey);
  problems.push(
    ...src.unmapped(page, ALERT_KEYS, [...path, pageKey]),
    ...src.unmapped(ticket, ALERT_KEYS, [...path, ticketKey])
  );
  result.pageLabels = { ...common, ...textMap(page, 'labels') };
  result.ticketLabels = { ...common, ...textMap(ticket, 'labels') };
  reportLabels(src, common, [...path, 'labels'], [`${target}.pageLabels`, `${target}.ticketLabels`]);
  reportLabels(src, textMap(page, 'labels'), [...path, pageKey, 'labels'], [`${target}.pageLabels`]);
  reportLabels(src, textMap(ticket, 'labels'), [...path, ticketKey, 'labels'], [`${target}.ticketLabels`]);
  result.annotations = convertAnnotations([alerting, page, ticket], [path, pageKey, ticketKey], target, src, problems);
  const runbook = result.annotations.runbook ?? result.annotations.runbook_url;
  if (runbook) {
    result.runbookUrl = runbook;
  }
  const disabled = (severity: 'page' | 'ticket', alert: Fields | undefined, key: string) => {
    if (alert?.disable !== true) {
      return [];
    }
    src.mapped([...path, key, 'disable'], `${target}.disabledTiers`);
    return WINDOW_PRESETS['google-30d'].windows.filter((w) => w.severity === severity).map((w) => w.tier);
  };
  const disabledTiers = [...disabled('page', page, pageKey), ...disabled('ticket', ticket, ticketKey)];
  if (disabledTiers.length > 0) {
    result.disabledTiers = disabledTiers;
  }
  return result;
}

/**
 * Converts one entry of a Sloth `slos` list (its id is `<service>-<name>`); `labels` are the
 * file's labels, which the SLO's own override. Reports every field it maps; the labels are
 * reported by `OwnerLabels`, which may map some onto the service.
 */
export function convertSlothSlo(
  value: Fields,
  serviceId: string,
  labels: Record<string, string>,
  src: SourceDoc,
  path: YamlPath,
  problems: Problem[]
): Slo | undefined {
  problems.push(...src.unmapped(value, SLO_KEYS, path));
  const name = text(value, 'name');
  if (!name) {
    problems.push(src.problem(path, 'a Sloth SLO needs a name'));
    return undefined;
  }
  const converted = convertSli(fields(value, 'sli'), src, [...path, 'sli'], problems);
  if (!converted) {
    return undefined;
  }
  const slo = newSlo(`${serviceId}-${name}`, serviceId, converted.sli);
  const target = (field: string) => entityPath('slos', slo.id, field);
  slo.name = name;
  src.mapped([...path, 'name'], target('name'), `the SLO id is ${slo.id}`);
  slo.description = text(value, 'description');
  if (slo.description !== undefined) {
    src.mapped([...path, 'description'], target('description'));
  }
  // Keep a wrong type as it is so that validation names it.
  slo.objective = value.objective as number;
  src.mapped([...path, 'objective'], target('objective'));
  converted.report(target('sli'));
  slo.labels = { ...labels, ...textMap(value, 'labels') };
  slo.alerting = convertAlerting(fields(value, 'alerting'), slo.id, src, [...path, 'alerting'], problems);
  return slo;
}
