import { useCallback, useEffect, useState } from 'react';
import { fetchSloValues } from '../../../api/sloValues/fetchSloValues';
import { SloMeasurement } from '../../../api/sloValues/types';
import { afterNextFrame } from '../../../components/afterNextFrame';
import { sharedSloMeasurements } from '../../../components/LiveValues/liveRead';
import { settledSloMeasurements } from '../../../components/LiveValues/measuredLiveValues';
import { RegistryDocument } from '../../../domain/model';

export interface Measurements {
  /** Undefined until the first read finished; the previous values stay while a refresh runs. */
  values?: Record<string, SloMeasurement>;
  loading: boolean;
  refresh(): void;
}

interface Read {
  doc: RegistryDocument;
  round: number;
  values: Record<string, SloMeasurement>;
}

/**
 * Reads every SLO's values once per registry, and again on `refresh()`. The first read is the one
 * the registry pages share (started once the list is painted): when it has already finished, the
 * list renders with its values at once.
 */
export function useSloMeasurements(doc: RegistryDocument): Measurements {
  const [read, setRead] = useState<Read | undefined>(() => {
    const settled = settledSloMeasurements(doc);
    return settled ? { doc, round: 0, values: settled } : undefined;
  });
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (read?.doc === doc && read.round === round) {
      return undefined;
    }
    let current = true;
    // The first read starts once the list is painted, as the registry pages' shared read does.
    const cancel = afterNextFrame(() => {
      (round === 0 ? sharedSloMeasurements(doc) : fetchSloValues(doc)).then((values) => {
        if (current) {
          setRead({ doc, round, values });
        }
      });
    });
    return () => {
      current = false;
      cancel();
    };
    // `read` is left out on purpose: a read that finishes must not start another.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc, round]);

  const refresh = useCallback(() => setRound((value) => value + 1), []);
  const loading = read?.doc !== doc || read.round !== round;
  return { values: read?.values, loading, refresh };
}
