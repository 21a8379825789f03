/**
 * One flat row per service for the services list: everything the list shows, filters and sorts
 * on, computed once per registry so that filtering 5,000 services is a cheap pass over rows.
 */
import { scoreService, scoringContext } from '../governance/scorecard';
import { ScoreLevel } from '../governance/types';
import { Lifecycle, RegistryDocument, Service, Tier } from '../model';
import { LiveValues } from './liveValues';
import { SloHealth, SloSummary, summarizeSlos } from './sloStatus';

export interface ServiceRow {
  id: string;
  name: string;
  tier: Tier;
  lifecycle: Lifecycle;
  businessOwnerId?: string;
  /** The business owner's name, or their id when the registry does not know them. */
  businessOwnerName?: string;
  team?: string;
  sloCount: number;
  sloHealth: SloHealth | 'none';
  /** The SLO whose status sets `sloHealth`, with that status (its reason and values). */
  decisive?: SloSummary['decisive'];
  /** Lowest budget left among the service's SLOs, when measured. */
  budgetLeft?: number;
  /** The SLO that has `budgetLeft`. */
  lowestBudgetSloId?: string;
  level: ScoreLevel;
  /** Failure modes that fail, by check id. */
  failing: string[];
  /** A failing failure mode, or an SLO at risk or out of budget. */
  needsAttention: boolean;
  /** Lower-case text the search box matches: id, name, description, owner, team. */
  searchText: string;
}

/**
 * The team shown for a service: its on-call team, else the team of its service owner, else that
 * of its business owner.
 */
export function teamOf(service: Service, teams: ReadonlyMap<string, string | undefined>): string | undefined {
  const { owners } = service;
  return (
    service.onCall?.team ||
    (owners.serviceOwner ? teams.get(owners.serviceOwner) : undefined) ||
    (owners.businessOwner ? teams.get(owners.businessOwner) : undefined)
  );
}

/**
 * Builds the list rows of every service of `doc`, in document order. A row's scorecard is computed
 * on first read of `level`, `failing` or `needsAttention` and kept: scoring every service took 67
 * of the 454 ms between the index arriving and the first row at 5,000 services (bench/RESULTS.md),
 * while a page shows 50 rows; sorting by level or filtering on attention scores each row once.
 */
export function buildServiceRows(doc: RegistryDocument, live?: LiveValues): ServiceRow[] {
  const ctx = scoringContext(doc, live);
  const teams = new Map(doc.people.map((person) => [person.id, person.team]));
  return doc.services.map((service) => {
    const slos = ctx.slosByService.get(service.id) ?? [];
    const summary = summarizeSlos(slos, live?.slos);
    const ownerId = service.owners.businessOwner;
    const ownerName = ownerId ? (ctx.people.get(ownerId)?.name ?? ownerId) : undefined;
    const team = teamOf(service, teams);
    const atRisk = summary.health === 'atRisk' || summary.health === 'exhausted';
    let card: { level: ScoreLevel; failing: string[] } | undefined;
    const scored = () => (card ??= scoreService(service, ctx));
    return {
      id: service.id,
      name: service.name,
      tier: service.tier,
      lifecycle: service.lifecycle,
      businessOwnerId: ownerId,
      businessOwnerName: ownerName,
      team,
      sloCount: slos.length,
      sloHealth: summary.health,
      decisive: summary.decisive,
      budgetLeft: summary.budgetLeft,
      lowestBudgetSloId: summary.lowestBudgetSloId,
      get level() {
        return scored().level;
      },
      get failing() {
        return scored().failing;
      },
      get needsAttention() {
        return atRisk || scored().failing.length > 0;
      },
      searchText: [service.id, service.name, service.description, ownerName, ownerId, team]
        .filter(Boolean)
        .join(' ')
        .toLowerCase(),
    };
  });
}
