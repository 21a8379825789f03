import { Alerting, Sli, Slo } from '../model';
import { Problem } from '../problems';
import { checkSeriesSelector } from '../query/selector';
import { WINDOW_PLACEHOLDER } from '../query/promql';
import { Fields } from '../validation/checker';
import { WINDOW_PRESETS } from '../windows/presets';
import { newSlo } from './importResult';
import { fields, SourceDoc, text, textMap } from './sourceDoc';

const SLOTH_WINDOW = /\{\{\s*\.window\s*\}\}/g;
/** `sum(rate(<selector>[{{.window}}]))`: the only shape that maps onto a ratio SLI's counter selector. */
const SUM_RATE = /^\s*sum\s*\(\s*rate\s*\(\s*([\s\S]+?)\s*\[\s*\{\{\s*\.window\s*\}\}\s*\]\s*\)\s*\)\s*$/;

const SLO_KEYS = ['name', 'objective', 'description', 'labels', 'sli', 'alerting'];
const ALERTING_KEYS = ['name', 'labels', 'annotations', 'page_alert', 'ticket_alert'];
const ALERT_KEYS = ['labels', 'annotations', 'disable'];

/** The counter selector inside `sum(rate(SEL[{{.window}}]))`, or `undefined` for any other shape. */
function counterSelector(query: string): string | undefined {
  const selector = SUM_RATE.exec(query)?.[1];
  return selector !== undefined && checkSeriesSelector(selector).length === 0 ? selector : undefined;
}

/** Converts a Sloth SLI: events become a ratio SLI when both queries allow it, else a freeform one. */
function convertSli(
  sli: Fields | undefined,
  src: SourceDoc,
  path: Array<string | number>,
  problems: Problem[]
): Sli | undefined {
  const events = fields(sli, 'events');
  const raw = fields(sli, 'raw');
  problems.push(...src.unmapped(sli, ['events', 'raw'], path));
  if (events) {
    problems.push(...src.unmapped(events, ['error_query', 'total_query'], [...path, 'events']));
    const error = text(events, 'error_query') ?? '';
    const total = text(events, 'total_query') ?? '';
    const bad = counterSelector(error);
    const all = counterSelector(total);
    if (bad !== undefined && all !== undefined) {
      return { kind: 'ratio', bad, total: all };
    }
    return { kind: 'freeform', errorRatio: `(${error})\n/\n(${total})`.replace(SLOTH_WINDOW, WINDOW_PLACEHOLDER) };
  }
  const ratio = text(raw, 'error_ratio_query');
  if (ratio !== undefined) {
    problems.push(...src.unmapped(raw, ['error_ratio_query'], [...path, 'raw']));
    return { kind: 'freeform', errorRatio: ratio.replace(SLOTH_WINDOW, WINDOW_PLACEHOLDER) };
  }
  const why = fields(sli, 'plugin')
    ? 'SLI plugins cannot be imported; write the SLI as events or raw'
    : 'needs events or raw';
  problems.push(src.problem(path, `sli ${why}`));
  return undefined;
}

/** Converts Sloth alerting; page and ticket annotations share the one annotation set of the registry. */
function convertAlerting(
  alerting: Fields | undefined,
  src: SourceDoc,
  path: Array<string | number>,
  problems: Problem[]
): Alerting {
  const result: Alerting = { enabled: true, preset: 'google-30d' };
  if (!alerting) {
    return result;
  }
  problems.push(...src.unmapped(alerting, ALERTING_KEYS, path));
  if (text(alerting, 'name')) {
    problems.push(
      src.problem([...path, 'name'], 'not mapped: alerting.name; alert names are generated from the SLO id', 'warning')
    );
  }
  const common = textMap(alerting, 'labels');
  const page = fields(alerting, 'page_alert');
  const ticket = fields(alerting, 'ticket_alert');
  problems.push(
    ...src.unmapped(page, ALERT_KEYS, [...path, 'page_alert']),
    ...src.unmapped(ticket, ALERT_KEYS, [...path, 'ticket_alert'])
  );
  result.pageLabels = { ...common, ...textMap(page, 'labels') };
  result.ticketLabels = { ...common, ...textMap(ticket, 'labels') };
  const annotations = { ...textMap(page, 'annotations'), ...textMap(ticket, 'annotations') };
  if (Object.keys(annotations).length > 0) {
    problems.push(
      src.problem(path, 'page_alert and ticket_alert annotations are merged into one set for both alerts', 'warning')
    );
  }
  result.annotations = { ...textMap(alerting, 'annotations'), ...annotations };
  const runbook = result.annotations.runbook ?? result.annotations.runbook_url;
  if (runbook) {
    result.runbookUrl = runbook;
  }
  const disabled = (severity: 'page' | 'ticket', alert: Fields | undefined) =>
    alert?.disable === true
      ? WINDOW_PRESETS['google-30d'].windows.filter((w) => w.severity === severity).map((w) => w.tier)
      : [];
  const disabledTiers = [...disabled('page', page), ...disabled('ticket', ticket)];
  if (disabledTiers.length > 0) {
    result.disabledTiers = disabledTiers;
  }
  return result;
}

/** Converts one entry of a Sloth `slos` list; `labels` are the file's labels, which the SLO's own override. */
export function convertSlothSlo(
  value: Fields,
  serviceId: string,
  labels: Record<string, string>,
  src: SourceDoc,
  path: Array<string | number>,
  problems: Problem[]
): Slo | undefined {
  problems.push(...src.unmapped(value, SLO_KEYS, path));
  const name = text(value, 'name');
  if (!name) {
    problems.push(src.problem(path, 'a Sloth SLO needs a name'));
    return undefined;
  }
  const sli = convertSli(fields(value, 'sli'), src, [...path, 'sli'], problems);
  if (!sli) {
    return undefined;
  }
  const slo = newSlo(`${serviceId}-${name}`, serviceId, sli);
  slo.name = name;
  slo.description = text(value, 'description');
  // Keep a wrong type as it is so that validation names it.
  slo.objective = value.objective as number;
  slo.labels = { ...labels, ...textMap(value, 'labels') };
  slo.alerting = convertAlerting(fields(value, 'alerting'), src, [...path, 'alerting'], problems);
  return slo;
}
