/**
 * Values measured by Prometheus and the billing data source, as optional inputs to the registry
 * views and governance checks. Nothing in the registry itself holds them: they come from the
 * recording rules once a data source is configured, and every consumer copes with their absence.
 */

/** What was measured for one SLO (ratios, not percent). */
export interface SloLiveValues {
  /** Share of the period's error budget left: 1 untouched, 0 spent, negative overspent. */
  budgetLeft?: number;
  /** Current burn rate, as a multiple of the sustainable rate. */
  burnRate?: number;
  /** Whether the SLI query returned any series; `false` means missing telemetry. */
  hasData?: boolean;
  /** How many of the most recent complete windows in a row ended with the budget overspent. */
  overspentWindowsInARow?: number;
}

/** What the billing data source reported for one service's cost tags. */
export interface CostLiveValues {
  /** Cost over the latest period. */
  current: number;
  /** Typical cost of the same period before, e.g. the average of the previous four. */
  baseline: number;
  /** Whether the business owner acknowledged the latest spike. */
  reviewed?: boolean;
}

/** Every measured value the views know about; each part is absent until its source exists. */
export interface LiveValues {
  /** By SLO id. */
  slos?: Record<string, SloLiveValues>;
  /** By service id. */
  costs?: Record<string, CostLiveValues>;
  /** Ids of services whose generated on-call dashboard is saved in Grafana (from its dashboard search). */
  generatedDashboards?: string[];
}
