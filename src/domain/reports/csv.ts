/**
 * A period report as CSV (RFC 4180): one row per SLO, then one total row per business owner.
 * Numbers are written in full precision with a dot; text cells that a spreadsheet would run as a
 * formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) get a leading `'`.
 */
import { PeriodReport } from './types';

const HEADER = [
  'period',
  'status',
  'row',
  'business_owner',
  'service',
  'slo_id',
  'slo_name',
  'time_zone',
  'start',
  'end',
  'objective_percent',
  'attainment_percent',
  'budget_spent_percent',
  'worst_day',
  'worst_day_attainment_percent',
  'incidents',
  'outcome',
  'weighted',
  'events',
  'good_events',
];

type Cell = string | number | boolean | undefined;

/** Quotes a cell when it holds a comma, a quote or a line break; doubles its quotes. */
export function csvCell(value: Cell): string {
  if (value === undefined) {
    return '';
  }
  if (typeof value !== 'string') {
    return String(value);
  }
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function line(cells: Cell[]): string {
  return cells.map(csvCell).join(',');
}

/** The report as CSV text, lines ending in CRLF as RFC 4180 writes them. */
export function reportCsv(report: PeriodReport): string {
  const rows: Cell[][] = [HEADER];
  for (const owner of report.owners) {
    for (const service of owner.services) {
      for (const slo of service.slos) {
        rows.push([
          report.period,
          report.status,
          'slo',
          owner.ownerName,
          service.name,
          slo.sloId,
          slo.name,
          slo.timeZone,
          slo.start,
          slo.end,
          slo.objective,
          slo.attainment,
          slo.budgetSpent,
          slo.worstDay?.start,
          slo.worstDay?.attainment,
          slo.incidents,
          slo.outcome,
          slo.weighted,
          slo.events?.total,
          slo.events?.good,
        ]);
      }
    }
    const { totals } = owner;
    rows.push([
      report.period,
      report.status,
      'owner total',
      owner.ownerName,
      '',
      '',
      '',
      '',
      '',
      '',
      undefined,
      totals.attainment,
      undefined,
      undefined,
      undefined,
      totals.incidents,
      `${totals.met} met, ${totals.missed} missed, ${totals.noData} no data`,
      true,
      totals.events.total,
      totals.events.good,
    ]);
  }
  return rows.map(line).join('\r\n') + '\r\n';
}

/** The download's file name: `slo-report-2026-11.csv`. */
export function reportFileName(report: Pick<PeriodReport, 'period'>): string {
  return `slo-report-${report.period}.csv`;
}
