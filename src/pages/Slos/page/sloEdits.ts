import { t } from '@grafana/i18n';
import { regexOf } from '../../../domain/query/selector';
import { EditEvent } from '../../../scenes/EditAnnotationsLayer';
import { HistoryEntry, HistoryResult } from '../../../storage/history';

/**
 * The changes of the service's history that name the SLO (`SLO checkout-latency changed`), or
 * that restored an earlier version of the service, which may bring back the SLO's earlier values.
 * A summary lists at most six changes, so an SLO changed in a large import may be left out.
 */
export function sloChanges(entries: HistoryEntry[], sloId: string): HistoryEntry[] {
  const names = new RegExp(`(^|, )SLO ${regexOf([sloId])} (added|changed|removed)\\b`);
  return entries.filter((entry) => entry.restoredFrom !== undefined || names.test(entry.summary));
}

/** The SLO's edits as annotations: who saved which version, and the change summary. */
export function sloEditEvents(result: HistoryResult, sloId: string): EditEvent[] {
  if (!result.ok) {
    return [];
  }
  return sloChanges(result.entries, sloId).flatMap((entry) => {
    const time = Date.parse(entry.at);
    if (Number.isNaN(time)) {
      return [];
    }
    const values = { by: entry.by, version: entry.version, interpolation: { escapeValue: false } };
    return [
      {
        time,
        title: t('bizowner.sloPage.edit.title', 'Edited by {{by}} (version {{version}})', values),
        text: entry.summary,
      },
    ];
  });
}
