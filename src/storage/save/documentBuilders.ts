/** The writes that store one service's or the people's document, with their change record. */
import { Person } from '../../domain/model';
import { ServicePart } from '../documents/assemble';
import { DOCUMENT_FORMAT, PEOPLE_UID, serviceUid } from '../documents/layout';
import { ChangeRecord, RegistryPayload, withChange } from '../documents/payloads';
import { DocumentWrite } from './documentWrites';

/** Who saves and when. */
export interface Stamp {
  at: string;
  by: string;
}

function record(stamp: Stamp, summary: string, version: number, restoredFrom?: number): ChangeRecord {
  return { version, at: stamp.at, by: stamp.by, summary, ...(restoredFrom === undefined ? {} : { restoredFrom }) };
}

function changesOf(current: RegistryPayload | undefined): ChangeRecord[] {
  return current && 'changes' in current ? current.changes : [];
}

/**
 * Stores `after` as the service's document, or, when `after` is absent, marks the document
 * deleted (keeping `before` in it, so the service can be restored). A deleted service's document
 * may be written over by a new service with the same id.
 */
export function serviceWrite(options: {
  id: string;
  before?: ServicePart;
  after?: ServicePart;
  baseVersion?: number;
  stamp: Stamp;
  summary: string;
  restoredFrom?: number;
}): DocumentWrite {
  const { id, before, after, baseVersion, stamp, summary, restoredFrom } = options;
  const part = (after ?? before) as ServicePart;
  return {
    uid: serviceUid(id),
    kind: 'service',
    baseVersion,
    replaceable: (current) => current.kind === 'service' && current.deleted === true,
    message: summary,
    build: (current, nextVersion) => ({
      format: DOCUMENT_FORMAT,
      kind: 'service',
      service: part.service,
      slos: part.slos,
      ...(after ? {} : { deleted: true }),
      changes: withChange(changesOf(current), record(stamp, summary, nextVersion, restoredFrom)),
    }),
  };
}

/** Stores the people list. */
export function peopleWrite(options: {
  people: Person[];
  baseVersion?: number;
  stamp: Stamp;
  summary: string;
}): DocumentWrite {
  const { people, baseVersion, stamp, summary } = options;
  return {
    uid: PEOPLE_UID,
    kind: 'people',
    baseVersion,
    message: summary,
    build: (current, nextVersion) => ({
      format: DOCUMENT_FORMAT,
      kind: 'people',
      people,
      changes: withChange(changesOf(current), record(stamp, summary, nextVersion)),
    }),
  };
}
