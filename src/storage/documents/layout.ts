/**
 * Where the registry lives in Grafana: a folder the app manages, holding one dashboard per
 * service (the service and its SLOs), one for the people, and an index that repeats all of them
 * so that a page reads the registry in one request. Pure: no HTTP here.
 */
import { fnv1a, MAX_UID_LENGTH } from '../../domain/rules/uid';

/** The folder holding the registry's documents. */
export const REGISTRY_FOLDER = { uid: 'bizowner-registry', title: 'Business Owner registry' } as const;

/** Tag on every registry document, so searches and people browsing Grafana can tell them apart. */
export const REGISTRY_TAG = 'bizowner-registry';

/** Tag on service documents. */
export const SERVICE_TAG = 'bizowner-service';

/** Identifies the payload format inside a document; bump with a migration. */
export const DOCUMENT_FORMAT = 'bizowner-registry/v1';

export const INDEX_UID = 'bizowner-index';
export const PEOPLE_UID = 'bizowner-people';

const SERVICE_PREFIX = 'bizowner-s-';

/**
 * The uid of a service's document: the prefix and the service id, or, for ids too long for
 * Grafana's 40-character uids, the id's start and a hash of the whole id (stable, collision-checked
 * on read because the document names its service).
 */
export function serviceUid(serviceId: string): string {
  const plain = `${SERVICE_PREFIX}${serviceId}`;
  if (plain.length <= MAX_UID_LENGTH) {
    return plain;
  }
  const hash = fnv1a(serviceId);
  const room = MAX_UID_LENGTH - SERVICE_PREFIX.length - hash.length - 1;
  return `${SERVICE_PREFIX}${serviceId.slice(0, room)}-${hash}`;
}
