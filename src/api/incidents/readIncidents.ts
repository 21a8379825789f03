/**
 * The incident report of a window as the pages read it: first the acknowledgements made in the app
 * (Grafana annotations, one request), then `fetchIncidents` with them (six at most). Seven requests
 * whatever the number of SLOs or incidents. Acknowledgements that cannot be read leave the report
 * standing, with the gap said.
 */
import { fetchAcknowledgements } from './acknowledgements';
import { fetchIncidents, IncidentGap, IncidentsResult } from './fetchIncidents';
import { RegistryDocument } from '../../domain/model';

/**
 * The report of incidents that started between `from` and `to` (Unix ms), read at `to`; of the
 * SLOs `sloIds` only when given.
 */
export async function readIncidents(
  doc: RegistryDocument,
  from: number,
  to: number,
  sloIds?: string[]
): Promise<IncidentsResult> {
  const acknowledgements = await fetchAcknowledgements(from, to);
  const result = await fetchIncidents(doc, {
    from,
    to,
    acknowledgements: acknowledgements.ok ? acknowledgements.acknowledgements : [],
    sloIds,
  });
  if (!result.ok) {
    return result;
  }
  let gap: IncidentGap | undefined;
  if (!acknowledgements.ok) {
    gap = { kind: 'acknowledgementsUnavailable', message: acknowledgements.message };
  } else if (acknowledgements.truncated) {
    gap = { kind: 'acknowledgementsTruncated' };
  }
  return gap ? { ...result, gaps: [gap, ...result.gaps] } : result;
}
