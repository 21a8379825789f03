/**
 * What a page says about its live values: being read (and for how long), no data source, a failed
 * read, or recording rules not loaded. One state per page, worded by `liveStateText`.
 */
import { useEffect, useState } from 'react';
import { getDataSourceSrv } from '@grafana/runtime';
import { DataSourceRef } from '../../domain/model';
import { LiveValues, LiveValuesGap, liveValuesGap } from '../../domain/registryView/liveValues';
import { useLiveRead } from './LiveValuesContext';
import { LiveRead } from './measuredLiveValues';

/** A gap in the values, or a read under way since `since` (epoch ms). */
export type LiveState = { kind: 'reading'; since: number } | LiveValuesGap;

/** The state of `read`, undefined when every SLO was read from its rules. */
function liveState(read: LiveRead, prometheus: DataSourceRef | undefined): LiveState | undefined {
  if (!prometheus?.uid) {
    return { kind: 'noDataSource' };
  }
  return read.status === 'reading' ? { kind: 'reading', since: read.since } : liveValuesGap(true, read.values.slos);
}

/** The data source's name as Grafana shows it; its uid when Grafana does not know it. */
export function dataSourceName(ref: DataSourceRef | undefined): string {
  if (!ref?.uid) {
    return '';
  }
  try {
    return getDataSourceSrv().getInstanceSettings(ref.uid)?.name ?? ref.uid;
  } catch {
    return ref.uid;
  }
}

/** Whole seconds since `since` (epoch ms), counting up once a second while `since` is set. */
export function useElapsedSeconds(since: number | undefined): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (since === undefined) {
      return undefined;
    }
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [since]);
  return since === undefined ? 0 : Math.max(0, Math.floor((now - since) / 1000));
}

/**
 * A page's live values with their state and the Prometheus data source's name: `live` undefined
 * while they are being read.
 */
export function usePageLive(prometheus: DataSourceRef | undefined): {
  live: LiveValues | undefined;
  state: LiveState | undefined;
  dataSource: string;
} {
  const read = useLiveRead();
  return {
    live: read.status === 'read' ? read.values : undefined,
    state: liveState(read, prometheus),
    dataSource: dataSourceName(prometheus),
  };
}
