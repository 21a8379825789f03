/**
 * One flat row per service for the services list: everything the list shows, filters and sorts
 * on, computed once per registry so that filtering 5,000 services is a cheap pass over rows.
 */
import { failingModes, ladderLevel, ScoringContext, scoringContext } from '../governance/scorecard';
import { ScoreLevel } from '../governance/types';
import { Lifecycle, RegistryDocument, Service, Slo, Tier } from '../model';
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
 * A service's search text with the owner name and team it was made with (the rest comes from the
 * service itself, which the registry replaces rather than changes).
 */
const searchTexts = new WeakMap<Service, { owner?: string; team?: string; text: string }>();

/**
 * A row whose search text, SLO summary, level and failure modes are computed on first read and kept. A class,
 * so that its getters live once on the prototype: 5,000 object literals with getters of their own
 * and two closures each cost more to create than the summaries they put off.
 */
class LazyServiceRow implements ServiceRow {
  readonly id: string;
  readonly name: string;
  readonly tier: Tier;
  readonly lifecycle: Lifecycle;
  readonly businessOwnerId?: string;
  readonly businessOwnerName?: string;
  readonly team?: string;
  readonly sloCount: number;
  #searchText?: string;
  #summary?: SloSummary;
  #level?: ScoreLevel;
  #failing?: string[];

  constructor(
    private readonly service: Service,
    private readonly slos: Slo[],
    private readonly ctx: ScoringContext,
    teams: ReadonlyMap<string, string | undefined>
  ) {
    const ownerId = service.owners.businessOwner;
    const ownerName = ownerId ? (ctx.people.get(ownerId)?.name ?? ownerId) : undefined;
    const team = teamOf(service, teams);
    this.id = service.id;
    this.name = service.name;
    this.tier = service.tier;
    this.lifecycle = service.lifecycle;
    this.businessOwnerId = ownerId;
    this.businessOwnerName = ownerName;
    this.team = team;
    this.sloCount = slos.length;
  }

  /**
   * Made on the first search: a list opened without one never joins 5,000 texts. Kept with the
   * service beyond this row, so that rows built again (when live values arrive) do not join them again.
   */
  get searchText(): string {
    if (this.#searchText === undefined) {
      const kept = searchTexts.get(this.service);
      if (kept && kept.owner === this.businessOwnerName && kept.team === this.team) {
        this.#searchText = kept.text;
      } else {
        const { id, name, description } = this.service;
        this.#searchText = [id, name, description, this.businessOwnerName, this.businessOwnerId, this.team]
          .filter(Boolean)
          .join(' ')
          .toLowerCase();
        searchTexts.set(this.service, { owner: this.businessOwnerName, team: this.team, text: this.#searchText });
      }
    }
    return this.#searchText;
  }

  private get summary(): SloSummary {
    return (this.#summary ??= summarizeSlos(this.slos, this.ctx.live?.slos));
  }

  get sloHealth() {
    return this.summary.health;
  }
  get decisive() {
    return this.summary.decisive;
  }
  get budgetLeft() {
    return this.summary.budgetLeft;
  }
  get lowestBudgetSloId() {
    return this.summary.lowestBudgetSloId;
  }
  /** The ladder's checks only: a list filtered on attention never climbs the ladder. */
  get level() {
    return (this.#level ??= ladderLevel(this.service, this.ctx));
  }
  /** The failure modes' checks only. */
  get failing() {
    return (this.#failing ??= failingModes(this.service, this.ctx));
  }
  get needsAttention() {
    const health = this.summary.health;
    return health === 'atRisk' || health === 'exhausted' || this.failing.length > 0;
  }
}

/**
 * Builds the list rows of every service of `doc`, in document order. A row's ladder level and its
 * failing failure modes are each worked out on first read and kept: scoring every service took 67
 * of the 454 ms between the index arriving and the first row at 5,000 services (bench/RESULTS.md),
 * while a page shows 50 rows; sorting by level climbs the ladder of each row once, filtering on
 * attention runs the failure modes only (5,000 services in Node: 20 ms warm, 106 cold, against 120 and 252
 * for whole scorecards). The
 * SLO summary (status, budget left) is put off the same way: the status of 15,000 SLOs was half of
 * building the rows, and a list sorted by name reads it for the rows it shows only.
 */
export function buildServiceRows(doc: RegistryDocument, live?: LiveValues): ServiceRow[] {
  const ctx = scoringContext(doc, live);
  const teams = new Map(doc.people.map((person) => [person.id, person.team]));
  return doc.services.map(
    (service) => new LazyServiceRow(service, ctx.slosByService.get(service.id) ?? [], ctx, teams)
  );
}
