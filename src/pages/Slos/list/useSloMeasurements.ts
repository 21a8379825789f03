import { useCallback, useEffect, useState } from 'react';
import { fetchSloValues } from '../../../api/sloValues/fetchSloValues';
import { SloMeasurement } from '../../../api/sloValues/types';
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

/** Reads every SLO's values once per registry, and again on `refresh()`. */
export function useSloMeasurements(doc: RegistryDocument): Measurements {
  const [read, setRead] = useState<Read | undefined>(undefined);
  const [round, setRound] = useState(0);

  useEffect(() => {
    let current = true;
    fetchSloValues(doc).then((values) => {
      if (current) {
        setRead({ doc, round, values });
      }
    });
    return () => {
      current = false;
    };
  }, [doc, round]);

  const refresh = useCallback(() => setRound((value) => value + 1), []);
  const loading = read?.doc !== doc || read.round !== round;
  return { values: read?.values, loading, refresh };
}
