/**
 * The escalation plan of a registry: each service's page alerts go to its on-call team, its ticket
 * alerts to the team's ticket receiver, and alerts that escalate to the business owner (the
 * release-freeze alert of a policy with `escalateToBusinessOwner`, which fires when the budget is
 * spent or burns above the policy's rate) to that owner by email. What is missing for an alert to
 * reach someone is reported as a finding naming the field to fill; those alerts fall back.
 */
import { Person, RegistryDocument, Service } from '../model';
import { Problem } from '../problems';
import { LABEL_ID } from '../rules/names';
import {
  APP_MATCHER,
  DEFAULT_RECEIVER,
  ESCALATE_BUSINESS_OWNER,
  equals,
  GROUP_BY,
  LABEL_ESCALATE,
  serviceMatcher,
  severityMatcher,
  TIMINGS,
} from './labels';
import {
  defaultReceiver,
  ownerReceiverName,
  pageReceiverName,
  receiverFor,
  teamMembers,
  teamSlugs,
  ticketReceiverName,
} from './receivers';
import { EscalationPlan, EscalationRoute, InhibitRule, Receiver } from './types';

interface AlertingService {
  service: Service;
  /** Index in `doc.services`, for the paths of findings. */
  index: number;
  team?: string;
  owner?: Person;
}

/** Services with at least one SLO (the others raise no alert), by id. */
function alertingServices(doc: RegistryDocument): AlertingService[] {
  const withSlos = new Set(doc.slos.map((slo) => slo.serviceId));
  const people = new Map(doc.people.map((person) => [person.id, person]));
  return doc.services
    .map((service, index) => ({
      service,
      index,
      team: service.onCall?.team?.trim() || undefined,
      owner: service.owners?.businessOwner ? people.get(service.owners.businessOwner) : undefined,
    }))
    .filter((entry) => withSlos.has(entry.service.id))
    .sort((a, b) => compareText(a.service.id, b.service.id));
}

/** Builds the escalation plan of `doc`, a validated registry. */
export function buildEscalationPlan(doc: RegistryDocument): EscalationPlan {
  const services = alertingServices(doc);
  const teams = [...new Set(services.flatMap((entry) => (entry.team ? [entry.team] : [])))];
  const slugs = teamSlugs(teams);
  const findings: Problem[] = [];

  const teamReceivers = new Map<string, { page: Receiver; ticket: Receiver }>();
  for (const team of [...teams].sort((a, b) => compareText(slugs.get(a)!, slugs.get(b)!))) {
    const members = teamMembers(
      team,
      services.map((entry) => entry.service),
      doc
    );
    teamReceivers.set(team, {
      page: receiverFor(pageReceiverName(slugs.get(team)!), 'page', team, members),
      ticket: receiverFor(ticketReceiverName(slugs.get(team)!), 'ticket', team, members),
    });
  }
  const ownerReceivers = new Map<string, Receiver>();
  for (const { owner } of services) {
    if (owner && !ownerReceivers.has(owner.id)) {
      ownerReceivers.set(owner.id, receiverFor(ownerReceiverName(owner.id), 'owner', owner.id, [owner]));
    }
  }

  const routes = services.map((entry) => {
    const receivers = entry.team ? teamReceivers.get(entry.team) : undefined;
    findings.push(...serviceFindings(entry, receivers));
    return serviceRoute(entry, receivers, entry.owner ? ownerReceivers.get(entry.owner.id) : undefined);
  });
  findings.push(...ownerFindings(doc, [...ownerReceivers.values()]));

  return {
    receivers: [
      defaultReceiver(),
      ...[...teamReceivers.values()].flatMap(({ page, ticket }) => [page, ticket]),
      ...[...ownerReceivers.values()].sort((a, b) => compareText(a.name, b.name)),
    ],
    route: { receiver: DEFAULT_RECEIVER, matchers: [APP_MATCHER], routes },
    groupBy: [...GROUP_BY],
    inhibitRules: [pageInhibitsTicket(doc)],
    findings,
  };
}

/**
 * A service's node: its owner's route for the alerts that escalate, its team's page and ticket
 * routes; whatever else the service raises (a freeze that does not escalate) goes to the team's
 * ticket receiver. A missing team or owner leaves the fallback receiver in its place.
 */
function serviceRoute(
  entry: AlertingService,
  team: { page: Receiver; ticket: Receiver } | undefined,
  owner: Receiver | undefined
): EscalationRoute {
  const routes: EscalationRoute[] = [];
  if (owner) {
    routes.push({
      receiver: owner.name,
      matchers: [equals(LABEL_ESCALATE, ESCALATE_BUSINESS_OWNER)],
      timing: TIMINGS.owner,
      routes: [],
    });
  }
  routes.push(
    {
      receiver: team?.page.name ?? DEFAULT_RECEIVER,
      matchers: [severityMatcher('page')],
      timing: TIMINGS.page,
      routes: [],
    },
    {
      receiver: team?.ticket.name ?? DEFAULT_RECEIVER,
      matchers: [severityMatcher('ticket')],
      timing: TIMINGS.ticket,
      routes: [],
    }
  );
  return {
    receiver: team?.ticket.name ?? DEFAULT_RECEIVER,
    matchers: [serviceMatcher(entry.service.id)],
    routes,
  };
}

/**
 * Page mutes ticket for the same SLO: both carry its `sloth_id`. A grouped SLO alerts per group,
 * so the group labels must match too; Alertmanager counts a label missing on both sides as equal,
 * so one rule with every SLO's group labels serves SLOs with and without groups.
 */
function pageInhibitsTicket(doc: RegistryDocument): InhibitRule {
  const groupLabels = [...new Set(doc.slos.flatMap((slo) => slo.groupBy ?? []))].sort();
  return {
    source: [severityMatcher('page')],
    target: [severityMatcher('ticket')],
    equal: [LABEL_ID, ...groupLabels],
  };
}

function serviceFindings(entry: AlertingService, team: { page: Receiver; ticket: Receiver } | undefined): Problem[] {
  const { service, index } = entry;
  const findings: Problem[] = [];
  if (!entry.team) {
    findings.push(
      warning(
        `services[${index}].onCall.team`,
        `service "${service.id}" has no on-call team, so its page and ticket alerts go to the fallback receiver ${DEFAULT_RECEIVER}: set onCall.team to the team paged for it`
      )
    );
  } else if (team && team.page.emails.length === 0) {
    findings.push(
      warning(
        `services[${index}].onCall.escalation`,
        `on-call team "${entry.team}" of service "${service.id}" has nobody with an email address, so its receivers ${team.page.name} and ${team.ticket.name} get no email: list people in onCall.escalation or set the team of its people to "${entry.team}"`
      )
    );
  }
  if (!entry.owner) {
    findings.push(
      warning(
        `services[${index}].owners.businessOwner`,
        `service "${service.id}" has no business owner, so its release-freeze alerts escalate to nobody and go to its team's ticket receiver: name the accountable person in owners.businessOwner`
      )
    );
  }
  return findings;
}

function ownerFindings(doc: RegistryDocument, owners: Receiver[]): Problem[] {
  return owners
    .filter((receiver) => receiver.emails.length === 0)
    .map((receiver) => {
      const index = doc.people.findIndex((person) => person.id === receiver.subject);
      return warning(
        `people[${index}].email`,
        `business owner "${receiver.subject}" has no email address, so ${receiver.name} gets no email: fill in the person's email`
      );
    });
}

/** Code-point order, the same on every machine (`localeCompare` depends on the locale). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function warning(path: string, message: string): Problem {
  return { path, message, severity: 'warning' };
}
