/**
 * Values measured by Prometheus and the billing data source, as optional inputs to the registry
 * views and governance checks. Nothing in the registry itself holds them: they come from the
 * recording rules once a data source is configured, and every consumer copes with their absence.
 */
import type { Incident, PostmortemState } from '../incidents/types';

/** Where an SLO's values came from: the generated recording rules, the raw SLI query, or nowhere. */
export type ValueSource = 'recorded' | 'raw' | 'none';

/** Why an SLO has no values. */
export type NoDataReason =
  | { kind: 'noDataSource'; language: 'promql' | 'logql' }
  | { kind: 'queryFailed'; message: string }
  /** The raw query returned no series: the selector matches nothing, or the counters never moved. */
  | { kind: 'noSeries' }
  /** Series exist but saw no events over the window: the ratio is 0/0. */
  | { kind: 'noTraffic' }
  /** Too many SLOs lack recorded series to query each one raw. */
  | { kind: 'skipped'; limit: number };

/** What was measured for one SLO (ratios, not percent). */
export interface SloLiveValues {
  /** Where the values came from; absent when the caller does not know (e.g. fixed test values). */
  source?: ValueSource;
  /** Why there are no values, when `source` is `none`. */
  reason?: NoDataReason;
  /** Share of the period's error budget left: 1 untouched, 0 spent, negative overspent. */
  budgetLeft?: number;
  /** Current burn rate, as a multiple of the sustainable rate. */
  burnRate?: number;
  /** Burn rate over the window the budget policy limits (e.g. `3d`), as the release gate reads it. */
  policyBurn?: { rate: number; window: string };
  /**
   * Whether the SLI query returned any series; `false` means missing telemetry. Undefined when it
   * could not be asked (no data source, the query failed, too many SLOs to query raw): see `reason`.
   */
  hasData?: boolean;
  /**
   * How many of the most recent complete windows in a row ended with the budget spent, counted from
   * the window that ends now; undefined when even the latest window's end was not recorded.
   */
  overspentWindowsInARow?: number;
}

/** What the billing data source reported for one service's cost tags. */
export interface CostLiveValues {
  /** Cost over the latest period. */
  current: number;
  /** Typical cost of the same period before, e.g. the average of the previous four. */
  baseline: number;
  /** Whether the business owner acknowledged the latest spike; undefined when no review is on record. */
  reviewed?: boolean;
}

/** Why no service's spend could be read. */
export type CostUnknown =
  | { kind: 'noBillingDataSource' }
  /** Weekly sums need PromQL: an SQL template returns rows of its own shape. */
  | { kind: 'sqlBilling' }
  | { kind: 'noCostTags' }
  | { kind: 'queryFailed'; message: string };

/** An incident as the governance checks read it: its service and what the outage policy says. */
export type IncidentPostmortem = Incident & { postmortem: { state: PostmortemState } };

/** Why the incidents could not be read. */
export type IncidentsUnknown = { kind: 'noDataSource' } | { kind: 'queryFailed'; message: string };

/** Every measured value the views know about; each part is absent until its source exists. */
export interface LiveValues {
  /** By SLO id. */
  slos?: Record<string, SloLiveValues>;
  /** By service id; a service is absent when its spend was not found for both weeks. */
  costs?: Record<string, CostLiveValues>;
  /** Why `costs` could not be read at all. */
  costUnknown?: CostUnknown;
  /** Ids of services whose generated on-call dashboard is saved in Grafana (from its dashboard search). */
  generatedDashboards?: string[];
  /** Every service's incidents of the reporting window, once read. */
  incidents?: IncidentPostmortem[];
  /** Why `incidents` could not be read. */
  incidentsUnknown?: IncidentsUnknown;
}

/** What keeps a page's SLO values from being shown in full, for the one notice above it. */
export type LiveValuesGap =
  | { kind: 'noDataSource' }
  /** The data source answered the recorded queries with an error (down, unreachable, refused). */
  | { kind: 'queryFailed'; message: string }
  /**
   * Some SLOs have no recorded series: their recording rules are not loaded. `raw` of them were
   * read with their SLI query instead, `none` show no data; `recorded` SLOs are read from the rules.
   */
  | { kind: 'rulesNotLoaded'; recorded: number; raw: number; none: number };

/**
 * The gap in the SLO values read for a page, worst first: no Prometheus data source, a failed
 * read, then SLOs whose recording rules are not loaded. Undefined when every SLO was read from its
 * rules, or when `slos` holds no sources (values given by hand).
 */
export function liveValuesGap(
  prometheusConfigured: boolean,
  slos: Record<string, SloLiveValues> | undefined
): LiveValuesGap | undefined {
  if (!prometheusConfigured) {
    return { kind: 'noDataSource' };
  }
  const values = Object.values(slos ?? {});
  // A failed read is the page's gap only when nothing could be read; one SLO's failed raw query (a
  // log SLI whose Loki is not there) leaves the others' values standing and counts among the SLOs
  // without data below, its reason shown beside it.
  const failed = values.find((value) => value.reason?.kind === 'queryFailed')?.reason;
  const anyRead = values.some((value) => value.source === 'recorded' || value.source === 'raw');
  if (failed?.kind === 'queryFailed' && !anyRead) {
    return failed;
  }
  const count = (source: ValueSource) => values.filter((value) => value.source === source).length;
  const rulesMissing = values.filter(
    (value) => value.source === 'raw' || (value.source === 'none' && value.reason?.kind !== 'noDataSource')
  ).length;
  return rulesMissing > 0
    ? { kind: 'rulesNotLoaded', recorded: count('recorded'), raw: count('raw'), none: rulesMissing - count('raw') }
    : undefined;
}
