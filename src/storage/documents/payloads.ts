/**
 * What each registry document holds. The service and people documents are the source of truth;
 * the index repeats them, each entry with the version of the document it was copied from.
 */
import { Person, Service, Slo } from '../../domain/model';
import { DOCUMENT_FORMAT } from './layout';

/**
 * One change of a document, kept inside it. Grafana keeps the content of the last
 * `versions_to_keep` versions (20 by default); this record keeps who, when and what for all of them.
 */
export interface ChangeRecord {
  /** The document version this change produced. */
  version: number;
  /** ISO 8601 time. */
  at: string;
  /** Login of the user or service account. */
  by: string;
  /** One line, e.g. `service checkout changed, SLO checkout-latency added`. */
  summary: string;
  /** The earlier version whose values this change brought back. */
  restoredFrom?: number;
}

export interface ServicePayload {
  format: typeof DOCUMENT_FORMAT;
  kind: 'service';
  service: Service;
  slos: Slo[];
  /** A deleted service keeps its document, so that its history stays and a save over it is checked. */
  deleted?: boolean;
  changes: ChangeRecord[];
}

export interface PeoplePayload {
  format: typeof DOCUMENT_FORMAT;
  kind: 'people';
  people: Person[];
  changes: ChangeRecord[];
}

export interface IndexEntry {
  /** Version of the service document this entry was copied from. */
  version: number;
  service: Service;
  slos: Slo[];
}

export interface IndexPayload {
  format: typeof DOCUMENT_FORMAT;
  kind: 'index';
  /** The people document's version and content. */
  people: { version: number; people: Person[] };
  /** Live services in registry order. */
  services: IndexEntry[];
  /**
   * Version of each deleted service's document when it was deleted, so that a slower save of an
   * older version cannot bring the service back into the index.
   */
  removed?: Record<string, number>;
  /** The last change that reached the index. */
  updatedAt?: string;
  updatedBy?: string;
}

export type RegistryPayload = ServicePayload | PeoplePayload | IndexPayload;

/** How many change records a document keeps; the oldest go first. */
export const MAX_CHANGE_RECORDS = 500;

/** Appends `record`, dropping the oldest records beyond `MAX_CHANGE_RECORDS`. */
export function withChange(changes: ChangeRecord[], record: ChangeRecord): ChangeRecord[] {
  return [...changes, record].slice(-MAX_CHANGE_RECORDS);
}

export function emptyIndex(): IndexPayload {
  return { format: DOCUMENT_FORMAT, kind: 'index', people: { version: 0, people: [] }, services: [] };
}
