/** A period report as a plain-text table for the terminal. */
import { PeriodReport, SloReport } from '../../domain/reports';

const percent = (value: number | undefined, digits = 2) => (value === undefined ? '-' : `${value.toFixed(digits)}%`);

function columns(rows: string[][]): string[] {
  const widths = rows[0].map((_, index) => Math.max(...rows.map((row) => row[index].length)));
  return rows.map((row) =>
    row
      .map((cell, index) => cell.padEnd(widths[index]))
      .join('  ')
      .trimEnd()
  );
}

function sloRow(service: string, slo: SloReport): string[] {
  return [
    service,
    slo.sloId,
    `${slo.objective}%`,
    `${percent(slo.attainment, 3)}${slo.weighted ? '' : ' *'}`,
    percent(slo.budgetSpent, 1),
    slo.worstDay ? `${slo.worstDay.start.slice(0, 10)} ${percent(slo.worstDay.attainment, 3)}` : '-',
    String(slo.incidents),
    slo.outcome === 'noData' ? 'no data' : slo.outcome,
  ];
}

/** The report, one block per business owner: their weighted total, then a line per SLO. */
export function reportTable(report: PeriodReport, keptNote?: string): string {
  const status = report.status === 'ended' ? 'ended' : 'in progress';
  const lines = [`Report ${report.period} (${status}), read ${report.generatedAt}${keptNote ? `; ${keptNote}` : ''}`];
  for (const owner of report.owners) {
    const { totals } = owner;
    lines.push(
      '',
      `${owner.ownerName || 'No business owner'}: ${percent(totals.attainment, 3)} of ${totals.events.total} events good; ` +
        `${totals.met} met, ${totals.missed} missed, ${totals.noData} without data; ${totals.incidents} incidents`
    );
    const rows = [['SERVICE', 'SLO', 'OBJECTIVE', 'ATTAINMENT', 'BUDGET SPENT', 'WORST DAY', 'INCIDENTS', 'OUTCOME']];
    for (const service of owner.services) {
      rows.push(...service.slos.map((slo) => sloRow(service.serviceId, slo)));
    }
    lines.push(...columns(rows).map((line) => `  ${line}`));
  }
  if (report.owners.some((owner) => owner.totals.unweighted > 0)) {
    lines.push('', '* freeform SLI: the mean of its 5-minute error ratio, not weighted by traffic');
  }
  return `${lines.join('\n')}\n`;
}
