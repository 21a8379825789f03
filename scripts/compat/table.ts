/** The compatibility report as a plain-text table (no terminal needed). */
import { CompatTarget } from './targets';

export interface Finding {
  target: CompatTarget;
  kind: 'removed' | 'changed';
  /** The export the plugin uses. */
  name: string;
  /** Where the plugin uses it, `file:line`. */
  file: string;
  /** False when the change does not reach what the plugin reads. */
  affected: boolean;
  detail: string;
}

function pad(cells: string[][]): string[] {
  const widths = cells[0].map((_, column) => Math.max(...cells.map((row) => row[column].length)));
  return cells.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]))
      .join('  ')
      .trimEnd()
  );
}

/** One row per target (its verdict), then one row per finding. */
export function formatTable(targets: CompatTarget[], findings: Finding[]): string[] {
  const summary = [['package', 'checked against', 'installed', 'result']];
  for (const target of targets) {
    const own = findings.filter((finding) => finding.target === target);
    const incompatible = own.filter((finding) => finding.affected).length;
    const result =
      target.version === target.installed
        ? 'same as installed'
        : incompatible > 0
          ? `${incompatible} incompatible`
          : own.length > 0
            ? `compatible (${own.length} change${own.length === 1 ? '' : 's'} not reaching the plugin)`
            : 'compatible';
    summary.push([target.name, `${target.version} (${target.role})`, target.installed, result]);
  }
  const lines = pad(summary);
  if (findings.length > 0) {
    const rows = [['verdict', 'package@version', 'export', 'used in', 'detail']];
    for (const finding of findings) {
      rows.push([
        finding.affected ? 'INCOMPATIBLE' : 'unaffected',
        `${finding.target.name}@${finding.target.version}`,
        `${finding.kind} ${finding.name}`,
        finding.file,
        finding.detail,
      ]);
    }
    lines.push('', ...pad(rows));
  }
  return lines;
}
