/**
 * The head of a large index: what the services list needs for its first page, stored beside the
 * whole registry in the index so that the list shows its first rows before the rest is decoded.
 * Decoding the index at 5,000 services (14 MB of JSON) took most of the list's first render
 * (bench/RESULTS.md, "UI scale"); its head is a few per cent of it.
 */
import { Person } from '../../domain/model';
import { DEFAULT_PAGE_SIZE, nameOrder } from '../../domain/registryView/servicesQuery';
import { IndexEntry, IndexPayload } from './payloads';

/**
 * How many services the head holds: two pages in the writer's name order, so that a reader whose
 * language orders a few names differently still finds the first page among them.
 */
export const HEAD_SERVICES = 2 * DEFAULT_PAGE_SIZE;

export interface IndexHead {
  /** Every live service's id and name, in registry order: the list's count and first page's order. */
  names: Array<[id: string, name: string]>;
  people: Person[];
  /** The first {@link HEAD_SERVICES} services in name order, each with its SLOs. */
  first: IndexEntry[];
}

/**
 * The head of `index`, or undefined when the index is small enough to be read whole at once
 * (up to {@link HEAD_SERVICES} services).
 */
export function buildIndexHead(index: IndexPayload): IndexHead | undefined {
  if (index.services.length <= HEAD_SERVICES) {
    return undefined;
  }
  const first = [...index.services].sort((a, b) => nameOrder(a.service, b.service)).slice(0, HEAD_SERVICES);
  return {
    names: index.services.map((entry) => [entry.service.id, entry.service.name]),
    people: index.people.people,
    first,
  };
}

/** Whether a parsed value has the shape of a head; anything else is ignored (the whole index is read instead). */
export function isIndexHead(value: unknown): value is IndexHead {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const head = value as Partial<IndexHead>;
  return (
    Array.isArray(head.names) &&
    head.names.every((pair) => Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'string') &&
    Array.isArray(head.people) &&
    Array.isArray(head.first) &&
    head.first.every(
      (entry) =>
        typeof entry === 'object' &&
        entry !== null &&
        typeof entry.service?.id === 'string' &&
        Array.isArray(entry.slos)
    )
  );
}
