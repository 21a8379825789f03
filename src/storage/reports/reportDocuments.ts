/**
 * A frozen period report as a Grafana dashboard in the registry's folder: one document per period
 * (`bizowner-report-2026-11`), its JSON in a text panel in code mode like the registry's documents.
 * Report documents carry their own tag, not the registry's, so the registry's searches and its
 * storage check never meet them. Pure: no HTTP here.
 */
import { ROUTES } from '../../constants';
import { FrozenReport } from '../../domain/reports';
import { prefixRoute } from '../../domain/urls';
import { dataDashboard } from '../documents/dashboardCodec';

export const REPORT_FORMAT = 'bizowner-report/v1';
export const REPORT_TAG = 'bizowner-report';
const REPORT_PREFIX = 'bizowner-report-';

/** The uid of a period's report: `bizowner-report-2026-11` (period names are at most 8 characters). */
export function reportUid(period: string): string {
  return `${REPORT_PREFIX}${period}`;
}

interface ReportPayload extends FrozenReport {
  format: typeof REPORT_FORMAT;
  kind: 'report';
}

/** The dashboard holding `frozen`; `version` is the one read, absent for a new document. */
export function encodeReport(frozen: FrozenReport, version?: number): Record<string, unknown> {
  const payload: ReportPayload = { format: REPORT_FORMAT, kind: 'report', ...frozen };
  const period = frozen.report.period;
  return dataDashboard({
    uid: reportUid(period),
    title: `Report · ${period}`,
    tags: [REPORT_TAG],
    version,
    note: [
      `This dashboard keeps the SLO report of ${period} as it was computed once the period ended, and its sign-offs.`,
      '',
      `Read it in the app: [Business Owner reports](${prefixRoute(ROUTES.Reports)}?period=${period}).`,
    ].join('\n'),
    dataTitle: 'Report data',
    content: JSON.stringify(payload, null, 2),
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The frozen report in a report dashboard, or why it cannot be read. */
export function decodeReport(dashboard: unknown): { ok: true; frozen: FrozenReport } | { ok: false; message: string } {
  const uid = isRecord(dashboard) && typeof dashboard.uid === 'string' ? dashboard.uid : '(no uid)';
  const panels = isRecord(dashboard) && Array.isArray(dashboard.panels) ? dashboard.panels : [];
  const content = panels
    .map((panel) => (isRecord(panel) && isRecord(panel.options) ? panel.options.content : undefined))
    .find((text): text is string => typeof text === 'string' && text.includes(REPORT_FORMAT));
  if (content === undefined) {
    return { ok: false, message: `dashboard ${uid} holds no report (a text panel with ${REPORT_FORMAT} JSON)` };
  }
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch (error) {
    return { ok: false, message: `dashboard ${uid}: the report is not valid JSON (${(error as Error).message})` };
  }
  if (
    !isRecord(value) ||
    value.format !== REPORT_FORMAT ||
    !isRecord(value.report) ||
    !Array.isArray(value.report.owners) ||
    !isRecord(value.signOffs)
  ) {
    return { ok: false, message: `dashboard ${uid}: not a ${REPORT_FORMAT} report` };
  }
  const { report, frozenAt, frozenBy, signOffs } = value as unknown as ReportPayload;
  return { ok: true, frozen: { report, frozenAt, frozenBy, signOffs } };
}
