import { useEffect, useState } from 'react';
import { InstantQuery, InstantResult, runInstantQueries } from './instantQuery';
import { DataSourceRef } from '../../domain/model';

/**
 * Runs `queries` on `datasource` whenever `key` changes and reads the answer with `read`; undefined
 * while they run. An answer counts only for the key it was asked for, so a slow answer to an
 * earlier registry or refresh is never shown.
 */
export function useInstantAnswer<T>(
  datasource: DataSourceRef | undefined,
  queries: InstantQuery[],
  read: (results: Record<string, InstantResult>) => T,
  key: unknown
): T | undefined {
  const [answer, setAnswer] = useState<{ key: unknown; value: T } | undefined>(undefined);
  useEffect(() => {
    if (!datasource?.uid || queries.length === 0) {
      return undefined;
    }
    let current = true;
    runInstantQueries(datasource, queries).then((results) => {
      if (current) {
        setAnswer({ key, value: read(results) });
      }
    });
    return () => {
      current = false;
    };
    // `key` names everything the queries and `read` depend on.
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps
  return answer && answer.key === key ? answer.value : undefined;
}
