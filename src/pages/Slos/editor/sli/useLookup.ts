import { useEffect, useState } from 'react';
import { ApiResult } from '../../../../api/backend';

export interface Lookup<T> {
  value?: T;
  /** Grafana's or Prometheus' message when the look-up failed. */
  error?: string;
  loading: boolean;
}

interface Answer<T> {
  key: string;
  value?: T;
  error?: string;
}

/**
 * Runs a look-up (metric names, label values, buckets) whenever `key` changes; `load` undefined
 * means there is nothing to look up yet (no data source, no metric chosen). An answer counts only
 * for the key it was asked for, so a slow answer to an earlier choice is never shown.
 */
export function useLookup<T>(load: (() => Promise<ApiResult<T>>) | undefined, key: string): Lookup<T> {
  const [answer, setAnswer] = useState<Answer<T> | undefined>(undefined);
  const active = load !== undefined;
  useEffect(() => {
    if (!load) {
      return undefined;
    }
    let current = true;
    load().then((result) => {
      if (current) {
        setAnswer(result.ok ? { key, value: result.value } : { key, error: result.message });
      }
    });
    return () => {
      current = false;
    };
    // `key` names everything `load` depends on; `load` itself is a new closure on every render.
  }, [key, active]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!active) {
    return { loading: false };
  }
  return answer?.key === key ? { value: answer.value, error: answer.error, loading: false } : { loading: true };
}
