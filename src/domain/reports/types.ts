/**
 * A period report: for one calendar week, month or quarter, each SLO's attainment against its
 * objective, the budget it spent, its worst day and its incidents, grouped by business owner and
 * service, with each owner's totals weighted by events.
 */
import { CalendarUnit } from '../budget/period';
import { RawSeries } from '../incidents';

/** One query of a report: an instant query at `time`, or a range query (Unix ms). */
export type ReportQuery =
  | { id: string; kind: 'instant'; expr: string; time: number }
  | { id: string; kind: 'range'; expr: string; start: number; end: number; stepSeconds: number };

/** The answers to a report's queries by query id; a query that failed is absent. */
export type ReportAnswers = Record<string, RawSeries[]>;

/** Whether the period is over (and its figures final) or still running. */
export type ReportStatus = 'ended' | 'inProgress';

/** Met or missed the objective over the period, or no events were recorded. */
export type SloOutcome = 'met' | 'missed' | 'noData';

export interface WorstDay {
  /** Start of the 24 hours, ISO 8601. */
  start: string;
  /** Attainment over that day, percent. */
  attainment: number;
}

export interface SloReport {
  sloId: string;
  name: string;
  serviceId: string;
  /** The objective when the report was made, percent. */
  objective: number;
  timeZone: string;
  /** The SLO's own bounds of the period (its time zone), ISO 8601, `[start, end)`. */
  start: string;
  end: string;
  /**
   * Whether the figures are traffic-weighted (errors over events from the hourly tiles); a
   * freeform SLI has no event counts, so its attainment is the mean of its 5-minute ratios.
   */
  weighted: boolean;
  /** Events and good events over the period (weighted SLOs with data). */
  events?: { total: number; good: number };
  /** SLI over the period, percent. */
  attainment?: number;
  /** Errors over the errors the objective allows over the period, percent (over 100: overspent). */
  budgetSpent?: number;
  worstDay?: WorstDay;
  /** Incidents that started in the period. */
  incidents: number;
  outcome: SloOutcome;
}

export interface ServiceReport {
  serviceId: string;
  name: string;
  slos: SloReport[];
}

export interface OwnerTotals {
  /** Good events over events across the owner's weighted SLOs with data, percent. */
  attainment?: number;
  events: { total: number; good: number };
  met: number;
  missed: number;
  noData: number;
  /** Freeform SLOs, left out of the weighted attainment. */
  unweighted: number;
  incidents: number;
}

export interface OwnerReport {
  /** Person id of the business owner; absent for services without one. */
  ownerId?: string;
  ownerName: string;
  services: ServiceReport[];
  totals: OwnerTotals;
}

export interface PeriodReport {
  unit: CalendarUnit;
  /** `2026-11`, `2026-Q4`, `2026-W49`. */
  period: string;
  status: ReportStatus;
  /** When the figures were read, ISO 8601. */
  generatedAt: string;
  owners: OwnerReport[];
  /** Queries that failed, by what they read. */
  failures: ReportFailure[];
}

export interface ReportFailure {
  /** `figures`, `days` or `incidents`. */
  part: string;
  message: string;
}

/** A business owner's sign-off of a period: who and when. */
export interface ReportSignOff {
  by: string;
  at: string;
}

/** A period report kept once its period ended: never recomputed, only signed off. */
export interface FrozenReport {
  report: PeriodReport;
  frozenAt: string;
  frozenBy: string;
  /** Sign-offs by business owner (person id). */
  signOffs: Record<string, ReportSignOff>;
}
