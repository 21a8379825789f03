import { countOutcomes, formatReportEntry, ReportEntry } from '../domain/io/migrationReport';
import { CliIo } from './io';

/** `12 mapped, 3 kept as labels, 1 dropped`. */
export function outcomeCounts(report: readonly ReportEntry[]): string {
  const { mapped, label, dropped } = countOutcomes(report);
  return `${mapped} mapped, ${label} kept as labels, ${dropped} dropped`;
}

/**
 * Prints report entries to stderr (stdout carries the converted YAML) under `heading`, one a line:
 * `  mapped: a.yaml:9: slos[0].objective → slos[a-b].objective`.
 */
export function printReport(io: CliIo, heading: string, report: readonly ReportEntry[]): void {
  io.stderr(`${heading}\n`);
  for (const entry of report) {
    io.stderr(`  ${formatReportEntry(entry)}\n`);
  }
}
