/**
 * Frozen period reports in Grafana: read, kept once, signed off. A report is written once with
 * compare-and-swap (a new document, so Grafana refuses it with 412 when someone kept the same
 * period first, and that copy wins); a sign-off rewrites the document from the version it read, with
 * the same figures. Every outcome is a value.
 */
import { FrozenReport, PeriodReport, ReportSignOff, withSignOff } from '../../domain/reports';
import { REGISTRY_FOLDER } from '../documents/layout';
import { GrafanaApi } from '../grafana/api';
import { decodeReport, encodeReport, reportUid } from './reportDocuments';

export type StoredReport = { frozen: FrozenReport; version: number };

export type ReportRead = { ok: true; stored?: StoredReport } | { ok: false; status?: number; message: string };

/** How many times a sign-off reads again after losing a race with another write. */
const SIGN_OFF_ATTEMPTS = 3;

/**
 * The kept report of `period`, if any. Search first: it answers an empty list where reading a
 * document that does not exist would answer 404 (and leave an error in the browser's console).
 */
export async function readFrozenReport(api: GrafanaApi, period: string): Promise<ReportRead> {
  const uid = reportUid(period);
  const found = await api.search({ dashboardUIDs: uid, type: 'dash-db', limit: 1 });
  if (found.ok && !found.value.some((hit) => hit.uid === uid)) {
    return { ok: true };
  }
  const answer = await api.getDashboard(uid);
  if (!answer.ok) {
    return answer.status === 404 ? { ok: true } : { ok: false, status: answer.status, message: answer.message };
  }
  const decoded = decodeReport(answer.value.dashboard);
  if (!decoded.ok) {
    return { ok: false, message: decoded.message };
  }
  return {
    ok: true,
    stored: { frozen: decoded.frozen, version: answer.value.meta.version ?? answer.value.dashboard.version },
  };
}

/**
 * Keeps the report of an ended period. When another copy was kept first (412), that copy is read
 * and returned instead: the first report of a period is the one that stays.
 */
export async function freezeReport(
  api: GrafanaApi,
  report: PeriodReport,
  by: string,
  now: Date = new Date()
): Promise<ReportRead> {
  if (report.status !== 'ended') {
    return { ok: false, message: `the report of ${report.period} is not final yet: its period has not ended` };
  }
  const frozen: FrozenReport = { report, frozenAt: now.toISOString(), frozenBy: by, signOffs: {} };
  const saved = await api.saveDashboard({
    dashboard: encodeReport(frozen),
    folderUid: REGISTRY_FOLDER.uid,
    overwrite: false,
    message: `Report of ${report.period} kept`,
  });
  if (saved.ok) {
    return { ok: true, stored: { frozen, version: saved.value.version } };
  }
  if (saved.status === 412) {
    return readFrozenReport(api, report.period);
  }
  return { ok: false, status: saved.status, message: saved.message };
}

/**
 * Records `ownerId`'s sign-off of `period` over the kept report, from the version read; a write that
 * lost a race reads again and tries again.
 */
export async function signOffReport(
  api: GrafanaApi,
  period: string,
  ownerId: string,
  signOff: ReportSignOff
): Promise<ReportRead> {
  for (let attempt = 1; ; attempt++) {
    const read = await readFrozenReport(api, period);
    if (!read.ok) {
      return read;
    }
    if (!read.stored) {
      return {
        ok: false,
        message: `the report of ${period} is not kept yet: it can be signed off once its period has ended`,
      };
    }
    const next = withSignOff(read.stored.frozen, ownerId, signOff);
    if ('message' in next) {
      return { ok: false, message: next.message };
    }
    if (next === read.stored.frozen) {
      return read;
    }
    const saved = await api.saveDashboard({
      dashboard: encodeReport(next, read.stored.version),
      folderUid: REGISTRY_FOLDER.uid,
      overwrite: false,
      message: `Report of ${period} signed off by ${signOff.by} for ${ownerId}`,
    });
    if (saved.ok) {
      return { ok: true, stored: { frozen: next, version: saved.value.version } };
    }
    if (saved.status !== 412 || attempt >= SIGN_OFF_ATTEMPTS) {
      return { ok: false, status: saved.status, message: saved.message };
    }
  }
}
