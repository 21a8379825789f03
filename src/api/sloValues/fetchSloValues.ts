/**
 * Every SLO's current values for the SLO list: the recorded series first (a few queries for all
 * SLOs), then the raw SLI query for the SLOs that have none, a few at a time and at most
 * `rawLimit` of them, so that a registry of thousands of SLOs without rules does not send
 * thousands of 30-day queries.
 */
import { RegistryDocument, Slo } from '../../domain/model';
import { sliQueryLanguage } from '../../domain/query/sli';
import { runInstantQueries } from '../prometheus/instantQuery';
import { rawQueries, readRaw } from './raw';
import { readRecorded, recordedFailure, recordedQueries } from './recorded';
import { SloMeasurement, UNKNOWN_ALERT } from './types';

export interface FetchOptions {
  /** At most this many SLOs are queried raw. */
  rawLimit?: number;
  /** Raw queries under way at once. */
  concurrency?: number;
  now?: number;
}

export const RAW_LIMIT = 50;
const CONCURRENCY = 4;

async function eachLimited<T>(items: T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      await run(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Measures every SLO of `doc`; the result has one entry per SLO id. */
export async function fetchSloValues(
  doc: RegistryDocument,
  options: FetchOptions = {}
): Promise<Record<string, SloMeasurement>> {
  const { rawLimit = RAW_LIMIT, concurrency = CONCURRENCY, now = Date.now() } = options;
  const result: Record<string, SloMeasurement> = {};
  const prometheus = doc.settings.prometheus;
  if (!prometheus?.uid) {
    for (const slo of doc.slos) {
      result[slo.id] = {
        source: 'none',
        alert: UNKNOWN_ALERT,
        reason: { kind: 'noDataSource', language: sliQueryLanguage(slo.sli) },
      };
    }
    return result;
  }
  const recordedResults = await runInstantQueries(prometheus, recordedQueries(doc), now);
  const failure = recordedFailure(recordedResults);
  const recorded = readRecorded(doc, recordedResults);
  const missing: Slo[] = [];
  for (const slo of doc.slos) {
    const measured = recorded.get(slo.id);
    if (measured) {
      result[slo.id] = measured;
    } else if (failure) {
      result[slo.id] = { source: 'none', alert: UNKNOWN_ALERT, reason: { kind: 'queryFailed', message: failure } };
    } else {
      missing.push(slo);
    }
  }
  for (const slo of missing.slice(rawLimit)) {
    result[slo.id] = { source: 'none', alert: UNKNOWN_ALERT, reason: { kind: 'skipped', limit: rawLimit } };
  }
  await eachLimited(missing.slice(0, rawLimit), concurrency, async (slo) => {
    const language = sliQueryLanguage(slo.sli);
    const loki = doc.settings.loki;
    const datasource = language === 'logql' ? loki && { ...loki, type: loki.type ?? 'loki' } : prometheus;
    result[slo.id] = datasource?.uid
      ? readRaw(slo, await runInstantQueries(datasource, rawQueries(slo), now))
      : { source: 'none', alert: UNKNOWN_ALERT, reason: { kind: 'noDataSource', language } };
  });
  return result;
}
