import { useCallback, useEffect, useMemo, useState } from 'react';
import { acknowledgeIncident } from '../../api/incidents/acknowledgements';
import { IncidentsResult } from '../../api/incidents/fetchIncidents';
import { readIncidents } from '../../api/incidents/readIncidents';
import { Incident } from '../../domain/incidents';
import { RegistryDocument } from '../../domain/model';
import { canWriteAnnotations } from '../../storage/access';
import { signedInUser } from '../../storage/grafana/signedInUser';

/** The pages' reporting window: the last 30 days. */
export const INCIDENT_WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;

/** Acknowledging an incident from its row; only for users who may create organization annotations. */
export interface AcknowledgeAction {
  run(incident: Pick<Incident, 'id' | 'sloId'>): void;
  /** The incident whose acknowledgement is being recorded, until the report is read again. */
  busy?: string;
  /** The last acknowledgement Grafana refused, with its message. */
  failure?: { incidentId: string; message: string };
}

export interface IncidentsRead {
  /** Undefined until the first read answers; the last report stays while it is read again. */
  result: IncidentsResult | undefined;
  acknowledge?: AcknowledgeAction;
}

/**
 * Reads the incident report of the last 30 days once per registry (seven requests at most, see
 * readIncidents.ts), of the SLOs `sloIds` only when given, and, for users who may write
 * annotations, lets them acknowledge an incident: the acknowledgement is recorded as an
 * annotation, then the report is read again with it.
 */
export function useIncidents(doc: RegistryDocument, sloIds?: string[]): IncidentsRead {
  const [read, setRead] = useState<{ doc: RegistryDocument; result: IncidentsResult }>();
  const [generation, setGeneration] = useState(0);
  const [busy, setBusy] = useState<string>();
  const [failure, setFailure] = useState<AcknowledgeAction['failure']>();
  const canAcknowledge = useMemo(() => canWriteAnnotations(signedInUser()), []);
  // The ids by value: a caller's new array of the same SLOs is the same read.
  const scope = sloIds?.join('\n');

  useEffect(() => {
    let current = true;
    const to = Date.now();
    const only = scope === undefined ? undefined : scope.split('\n').filter(Boolean);
    readIncidents(doc, to - INCIDENT_WINDOW_DAYS * DAY_MS, to, only).then((result) => {
      if (current) {
        setRead({ doc, result });
        setBusy(undefined);
      }
    });
    return () => {
      current = false;
    };
  }, [doc, scope, generation]);

  const run = useCallback(
    (incident: Pick<Incident, 'id' | 'sloId'>) => {
      const name = doc.slos.find((slo) => slo.id === incident.sloId)?.name ?? incident.sloId;
      setBusy(incident.id);
      setFailure(undefined);
      acknowledgeIncident(incident, name).then((answer) => {
        if (answer.ok) {
          // Busy until the report read again shows the acknowledgement: no second click meanwhile.
          setGeneration((value) => value + 1);
        } else {
          setBusy(undefined);
          setFailure({ incidentId: incident.id, message: answer.message });
        }
      });
    },
    [doc]
  );

  const acknowledge = useMemo(
    () => (canAcknowledge ? { run, busy, failure } : undefined),
    [canAcknowledge, run, busy, failure]
  );
  return { result: read?.result, acknowledge };
}
