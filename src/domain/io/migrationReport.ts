/**
 * The migration report: for each field of an import's source, where it went in the registry, or
 * why it was left out; for an export, what the target format cannot hold. Importers and the
 * exporter produce it as they convert, so it never disagrees with what they did.
 */

/** `mapped` onto a registry field, `label` kept as a label, `dropped` left out. */
export type ReportOutcome = 'mapped' | 'label' | 'dropped';

export interface ReportEntry {
  outcome: ReportOutcome;
  /** The source field as a path, e.g. `spec.slos[0].objective` or, for an export, `slos[checkout-ratio].groupBy`. */
  source: string;
  /** Where the value went, e.g. `slos[checkout-availability].objective`; absent when dropped. */
  target?: string;
  /** Why a field was dropped, or what happened to it on the way (e.g. two annotation sets merged). */
  reason?: string;
  file?: string;
  /** 1-based line of the source field. */
  line?: number;
  /** 1-based index of the YAML document in its file, when the file holds several. */
  document?: number;
}

/** `slos[checkout-availability].objective`: a registry path that names the entity by id, not by position. */
export function entityPath(list: 'services' | 'slos' | 'people', id: string, field?: string): string {
  return `${list}[${id}]${field ? `.${field}` : ''}`;
}

/** The entries that left something out: any of them makes a `--strict` import or export fail. */
export function droppedEntries(report: readonly ReportEntry[]): ReportEntry[] {
  return report.filter((entry) => entry.outcome === 'dropped');
}

/** How many entries have each outcome. */
export function countOutcomes(report: readonly ReportEntry[]): Record<ReportOutcome, number> {
  const counts: Record<ReportOutcome, number> = { mapped: 0, label: 0, dropped: 0 };
  report.forEach((entry) => counts[entry.outcome]++);
  return counts;
}

/**
 * One line per entry, as the command line prints it:
 * `mapped: sloth.yaml:9: slos[0].objective → slos[checkout-availability].objective`, or
 * `dropped: sloth.yaml:14: slos[0].alerting.foo: has no place in the registry`.
 */
export function formatReportEntry(entry: ReportEntry): string {
  const where = [entry.file, entry.line].filter((part) => part !== undefined).join(':');
  const what = [
    `${entry.outcome}: ${where ? `${where}: ` : ''}${entry.source}`,
    entry.target ? ` → ${entry.target}` : '',
    entry.reason ? `: ${entry.reason}` : '',
    entry.document !== undefined ? ` (document ${entry.document})` : '',
  ];
  return what.join('');
}
