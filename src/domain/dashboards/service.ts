/**
 * What every service dashboard (on-call, debug, cost) starts from: the service and its SLOs, the
 * selector of its recorded series, and the links every panel carries.
 */
import { Person, RegistryDocument, Service, Slo } from '../model';
import { formatMatchers, regexOf } from '../query/selector';
import { LABEL_SERVICE } from '../rules/names';
import { runbookLinks, servicePageLinks } from './links';
import { ALL_VALUE, PanelLink, Variable } from './types';

export interface ServiceScope {
  service: Service;
  slos: Slo[];
  people: Map<string, Person>;
  /** `{sloth_service="checkout"}` */
  recorded: string;
  /** Runbooks first, then the service's page: the panel links of every panel. */
  links: PanelLink[];
}

/** The scope of `serviceId`; throws when the registry has no such service (callers list services from it). */
export function serviceScope(doc: RegistryDocument, serviceId: string): ServiceScope {
  const service = doc.services.find((candidate) => candidate.id === serviceId);
  if (!service) {
    throw new Error(`no service "${serviceId}" in the registry`);
  }
  const slos = doc.slos.filter((slo) => slo.serviceId === serviceId);
  return {
    service,
    slos,
    people: new Map(doc.people.map((person) => [person.id, person])),
    recorded: formatMatchers({ [LABEL_SERVICE]: serviceId }),
    links: [...runbookLinks(service, slos), ...servicePageLinks(service)],
  };
}

/**
 * The `slo` variable: the service's SLOs, all selected. All stands for the list of their ids, not
 * `.*`: Prometheus (2.42) matches `sloth_id=~".*"` against every `sloth_id` in the TSDB, whatever the
 * other matchers, about 2.3 ms per selector at 2,000 SLOs, while a list of values is looked up
 * directly (0.1 ms). An on-call burn-rate query has four such selectors: 17 ms with `.*`, 0.6 ms
 * with the list (bench/RESULTS.md, "Dashboard query cost").
 */
export function sloVariable(slos: Slo[]): Variable {
  return {
    name: 'slo',
    label: 'SLO',
    kind: 'custom',
    options: slos.map((slo) => ({ text: slo.name, value: slo.id })),
    current: [ALL_VALUE],
    multi: true,
    includeAll: true,
    allValue: regexOf(slos.map((slo) => slo.id)),
  };
}

/** A person's name, or the id when the registry does not know them. */
export function personName(people: Map<string, Person>, id: string | undefined): string | undefined {
  return id ? (people.get(id)?.name ?? id) : undefined;
}
