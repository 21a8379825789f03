/**
 * The release gate: does the error-budget policy of an SLO let releases proceed right now?
 *
 * Pure decision logic over values read from the recorded series, shared by the command line
 * (`gate`, for CI/CD pipelines) and the app. It mirrors the release-freeze alert of the generated
 * rules: releases freeze while the burn rate over the policy window is above `freezeBurnRate`, or
 * while less than `freezeBudgetLeftPercent` of the period's budget is left. A value exactly at a
 * threshold does not freeze.
 *
 * For a whole service the gate is planned, run and judged: {@link planGate} picks the SLOs and
 * writes the instant queries, the caller runs them, {@link judgeGate} reads the answers and decides
 * with {@link evaluateGate} for each SLO.
 */
import { allowedErrorRatio } from './budget/budget';
import { formatBurnFactor as factor, formatRatioPercent as percent } from './budget/format';
import { BudgetPolicy, RegistryDocument, Sli, Slo } from './model';
import { formatMatchers } from './query/selector';
import { isCountableSli } from './query/sli';
import { buildSloContext, indexRegistry } from './rules/context';
import {
  CURRENT_WINDOW,
  FREEZE_ALERT,
  INFO_OBJECTIVE,
  LABEL_ID,
  LABEL_SERVICE,
  PERIOD_BUDGET_REMAINING,
  SLI_ERROR_INCREASE_1H,
  SLI_ERROR_INCREASE_5M,
  SLI_TOTAL_INCREASE_1H,
  SLI_TOTAL_INCREASE_5M,
  SLO_INFO,
  sliErrorRatioName,
} from './rules/names';
import { errorRatio, isSummableWindow, isTiledWindow, readBudgetLeft } from './rules/windowRatio';

/** What was measured for one SLO at the time of the decision. */
export interface GateValues {
  /** Share of the period's error budget left: 1 untouched, 0 spent, negative overspent. */
  budgetLeft?: number;
  /** Burn rate over the policy window, as a multiple of the sustainable rate. */
  burnRate?: number;
  /** The window `burnRate` was measured over, e.g. `3d`; only used in messages. */
  burnWindow?: string;
  /**
   * Whether the release-freeze alert fires. Only consulted when the policy itself is unknown
   * (`policy` undefined), e.g. when the gate runs without the registry.
   */
  freezeAlertFiring?: boolean;
}

/** The thresholds of a budget policy; `enabled: false` never freezes. */
export type GatePolicy = Pick<BudgetPolicy, 'enabled' | 'freezeBurnRate' | 'freezeBudgetLeftPercent'>;

/** `unknown`: the policy needs a value that was not measured, so no decision can be made. */
export type GateStatus = 'allowed' | 'frozen' | 'unknown';

/** A value the policy needs. */
export type GateInput = 'budgetLeft' | 'burnRate';

export interface GateResult {
  /** True only when the status is `allowed`. */
  allowed: boolean;
  status: GateStatus;
  /** One sentence per threshold (or per fact) that led to the decision. */
  reasons: string[];
  /** Values the policy needs but that were not given. */
  missing: GateInput[];
  /** The reasons that freeze (some of `reasons`), when the status is `frozen`. */
  breaches?: string[];
}

/** Name of the release-freeze alert in messages. */
const FREEZE_ALERT_TEXT = 'the release-freeze alert';

/**
 * Decides for one SLO. `policy` undefined means the thresholds are not known: the decision then
 * follows the release-freeze alert when its state is given, and allows releases otherwise.
 */
export function evaluateGate(values: GateValues, policy: GatePolicy | undefined): GateResult {
  if (!policy) {
    return byAlert(values);
  }
  if (!policy.enabled) {
    return { allowed: true, status: 'allowed', reasons: ['the error-budget policy is disabled'], missing: [] };
  }
  const reasons: string[] = [];
  const missing: GateInput[] = [];
  const breaches: string[] = [];
  const { freezeBudgetLeftPercent, freezeBurnRate } = policy;
  if (freezeBudgetLeftPercent !== undefined) {
    const limit = freezeBudgetLeftPercent / 100;
    if (values.budgetLeft === undefined) {
      missing.push('budgetLeft');
      reasons.push(`budget left is unknown (freezes below ${freezeBudgetLeftPercent}%)`);
    } else if (values.budgetLeft < limit) {
      const breach = `budget left ${percent(values.budgetLeft, limit)} is below the ${freezeBudgetLeftPercent}% freeze threshold`;
      breaches.push(breach);
      reasons.push(breach);
    } else {
      reasons.push(`budget left ${percent(values.budgetLeft, limit)} (freezes below ${freezeBudgetLeftPercent}%)`);
    }
  }
  if (freezeBurnRate !== undefined) {
    const over = values.burnWindow ? ` over ${values.burnWindow}` : '';
    if (values.burnRate === undefined) {
      missing.push('burnRate');
      reasons.push(`burn rate${over} is unknown (freezes above ${factor(freezeBurnRate)})`);
    } else if (values.burnRate > freezeBurnRate) {
      const breach = `burn rate ${factor(values.burnRate, freezeBurnRate)}${over} is above the ${factor(freezeBurnRate)} freeze threshold`;
      breaches.push(breach);
      reasons.push(breach);
    } else {
      reasons.push(
        `burn rate ${factor(values.burnRate, freezeBurnRate)}${over} (freezes above ${factor(freezeBurnRate)})`
      );
    }
  }
  if (reasons.length === 0) {
    return { allowed: true, status: 'allowed', reasons: ['the error-budget policy has no freeze threshold'], missing };
  }
  // A breached threshold freezes even when the other value is unknown.
  if (breaches.length > 0) {
    return { allowed: false, status: 'frozen', reasons, missing, breaches };
  }
  const status: GateStatus = missing.length > 0 ? 'unknown' : 'allowed';
  return { allowed: status === 'allowed', status, reasons, missing };
}

/** Combines the results of several SLOs: frozen if any is frozen, unknown if any is unknown. */
export function combineGate(results: GateResult[]): { allowed: boolean; status: GateStatus } {
  const status: GateStatus = results.some((r) => r.status === 'frozen')
    ? 'frozen'
    : results.some((r) => r.status === 'unknown')
      ? 'unknown'
      : 'allowed';
  return { allowed: status === 'allowed', status };
}

/** What the gate checks for one SLO. */
export interface GateTarget {
  sloId: string;
  /** From the registry; `undefined` without it (the release-freeze alert decides). */
  policy?: GatePolicy;
  /** Window of the policy's burn rate, e.g. `3d`, and the error ratio the objective allows. */
  policyWindow?: string;
  allowed?: number;
  /** Objective in percent, from the registry. */
  objective?: number;
  /** The SLO's SLI, from the registry: which series its error ratio is summed or read from. */
  sli?: Sli;
}

/** What the gate is asked: may `service` release (only SLO `sloId` of it, when given)? */
export interface GateRequest {
  service: string;
  sloId?: string;
  /** The registry with the budget policies, and its name for messages (e.g. its file). */
  registry?: { doc: RegistryDocument; name: string };
}

/**
 * One instant query of the gate; each gives one value per SLO (`sloth_id`), but `objective`, whose
 * answer carries the objective in its `objective` label (from `slo:info`). The error ratios are
 * summed from the SLOs' recorded increases in the query itself (rules/windowRatio.ts), or read
 * from their recorded ratio (freeform SLIs); the gate divides them by the allowed error ratio.
 */
export type GateQuery =
  | { kind: 'budgetLeft' | 'objective' | 'freezeAlert'; promql: string }
  /** The SLI error ratio over the last 5 minutes, for the current burn rate shown without the registry. */
  | { kind: 'currentErrorRatio'; promql: string }
  /** The SLI error ratio over a policy window, for the burn rate the policy limits. */
  | { kind: 'policyBurn'; window: string; promql: string };

export interface GatePlan {
  service: string;
  sloId?: string;
  /** The SLOs to decide for, from the registry; without it, those that have recorded data. */
  targets?: GateTarget[];
  /** The series of the budget left, as queried: what is missing when there is no data at all. */
  budgetSeries: string;
  /** The queries to run, in order. */
  queries: GateQuery[];
}

/** What the gate checks for each of `slos`, from the registry `doc`: policy, windows, objective, SLI. */
export function gateTargets(slos: Slo[], doc: RegistryDocument): GateTarget[] {
  const index = indexRegistry(doc);
  return slos.map((slo) => {
    const ctx = buildSloContext(slo, index);
    return {
      sloId: slo.id,
      policy: slo.budgetPolicy ?? { enabled: false },
      policyWindow: ctx.policyWindow,
      allowed: ctx.allowed,
      objective: slo.objective,
      sli: slo.sli,
    };
  });
}

/** The SLOs of the request in the registry, or why there are none to decide for. */
function selectTargets(request: GateRequest): { targets?: GateTarget[]; error?: string } {
  const { service, sloId, registry } = request;
  if (!registry) {
    return {};
  }
  const { doc, name } = registry;
  const ofService = doc.slos.filter((slo) => slo.serviceId === service);
  if (!doc.services.some((candidate) => candidate.id === service) && ofService.length === 0) {
    const known = doc.services.map((candidate) => candidate.id).join(', ') || 'none';
    return { error: `service "${service}" is not in ${name} (services: ${known})` };
  }
  const selected = sloId === undefined ? ofService : ofService.filter((slo) => slo.id === sloId);
  if (selected.length === 0) {
    const theirs = ofService.map((slo) => slo.id).join(', ') || 'none';
    return {
      error:
        sloId === undefined
          ? `service "${service}" has no SLOs in ${name}: nothing to gate`
          : `SLO "${sloId}" of service "${service}" is not in ${name} (its SLOs: ${theirs})`,
    };
  }
  return { targets: gateTargets(selected, doc) };
}

/**
 * Plans the gate for a service: which SLOs, and the instant queries of their recorded series,
 * one query per series for the whole service. With the registry, the burn rate is read over each
 * policy window, as the release-freeze alert computes it; without it, the current burn rate and the
 * state of the release-freeze alert are read instead. `error` when the request names a service or
 * SLO the registry does not have.
 */
export function planGate(request: GateRequest): { plan: GatePlan; error?: undefined } | { error: string } {
  const { service, sloId } = request;
  const { targets, error } = selectTargets(request);
  if (error !== undefined) {
    return { error };
  }
  const labels: Record<string, string> = { [LABEL_SERVICE]: service };
  if (sloId !== undefined) {
    labels[LABEL_ID] = sloId;
  }
  const selector = formatMatchers(labels);
  const budgetSeries = `${PERIOD_BUDGET_REMAINING}${selector}`;
  if (targets) {
    return { plan: { service, sloId, targets, budgetSeries, queries: policyGateQueries(selector, targets) } };
  }
  const alertSelector = formatMatchers({ ...labels, alertname: FREEZE_ALERT, alertstate: 'firing' });
  const queries: GateQuery[] = [
    ...baseQueries(selector),
    { kind: 'currentErrorRatio', promql: `max by (${LABEL_ID}) (${errorRatio(CURRENT_WINDOW, selector)})` },
    { kind: 'freezeAlert', promql: `max by (${LABEL_ID}) (ALERTS${alertSelector})` },
  ];
  return { plan: { service, sloId, targets, budgetSeries, queries } };
}

/** The budget left and the objectives of the SLOs the selector picks. */
function baseQueries(selector: string): GateQuery[] {
  return [
    { kind: 'budgetLeft', promql: `min by (${LABEL_ID}) (${readBudgetLeft(selector)})` },
    { kind: 'objective', promql: `max by (${LABEL_ID}, ${INFO_OBJECTIVE}) (${SLO_INFO}${selector})` },
  ];
}

/**
 * The queries that decide for `targets` under their policies, for the series `selector` picks (one
 * service, or several: `{sloth_service=~"a|b"}`): the budget left, the objectives and the error
 * ratio over each distinct policy window, whatever the number of SLOs.
 */
export function policyGateQueries(selector: string, targets: GateTarget[]): GateQuery[] {
  const queries = baseQueries(selector);
  for (const window of new Set(targets.filter(limitsBurn).map((target) => target.policyWindow!))) {
    queries.push({ kind: 'policyBurn', window, promql: `max by (${LABEL_ID}) (${errorRatio(window, selector)})` });
  }
  return queries;
}

/** Whether the target's policy limits the burn rate, so that the gate needs it. */
function limitsBurn(target: GateTarget): boolean {
  return target.policy?.enabled === true && target.policy.freezeBurnRate !== undefined;
}

/** One sample of an instant query's answer; NaN when Prometheus answered NaN. */
export interface GateSample {
  labels: Record<string, string>;
  value: number;
}

/** A recorded series the gate needs and did not find, and what was found instead. */
export interface GateMissing {
  series: string;
  why: string;
}

/** The decision for one SLO, with its objective in percent when known. */
export interface GateSloResult {
  sloId: string;
  objective?: number;
  result: GateResult;
}

export type GateOutcome =
  /** No SLO of the service (or the SLO asked for) has a budget series: the rules are not loaded? */
  | { kind: 'noData' }
  /** Series some SLO's decision needs are missing or NaN. */
  | { kind: 'missing'; missing: GateMissing[] }
  | { kind: 'decided'; verdict: { allowed: boolean; status: GateStatus }; slos: GateSloResult[] };

/** Values by `sloth_id` (or another label's value read as a number), NaN kept so that it can be reported. */
function byId(samples: GateSample[], valueOf = (sample: GateSample) => sample.value): Map<string, number> {
  const values = new Map<string, number>();
  for (const sample of samples) {
    const id = sample.labels[LABEL_ID];
    if (id !== undefined) {
      values.set(id, valueOf(sample));
    }
  }
  return values;
}

/** The objective in percent from `slo:info`'s `objective` label (`99.9`); NaN when it has none. */
function objectiveLabel(sample: GateSample): number {
  const text = sample.labels[INFO_OBJECTIVE];
  return text === undefined || text.trim() === '' ? NaN : Number(text);
}

/**
 * The recorded series an SLO's error ratio over `window` is made of, as messages name them: the
 * errors and events summed over the window (hourly tiles from a day on, else the 5-minute
 * increases), or the recorded ratio of a freeform SLI or of a window under 5 minutes.
 */
function errorRatioSeries(sli: Sli | undefined, window: string, sloId: string): string {
  const selector = `{${LABEL_ID}="${sloId}"}`;
  if (sli === undefined || !isCountableSli(sli) || !isSummableWindow(window)) {
    return `${sliErrorRatioName(window)}${selector}`;
  }
  const [errors, total] = isTiledWindow(window)
    ? [SLI_ERROR_INCREASE_1H, SLI_TOTAL_INCREASE_1H]
    : [SLI_ERROR_INCREASE_5M, SLI_TOTAL_INCREASE_5M];
  return `${errors}${selector} / ${total}${selector} summed over ${window}`;
}

/** What the answers to a plan's queries say about each SLO, before any decision. */
export interface GateReading {
  /** The SLOs decided for: the plan's, or without the registry those with a budget series. */
  targets: GateTarget[];
  /** The values measured for each SLO, by id. */
  values: Map<string, GateValues>;
  /** Objectives in percent by SLO id: the registry's, else the one `slo:info` records. */
  objectives: Map<string, number>;
  /** Series missing or NaN, in the order found, with the SLO each belongs to. */
  missing: Array<GateMissing & { sloId: string }>;
}

/**
 * Reads the answers to a plan's queries (`answers[i]` for `plan.queries[i]`) read at `at`, the time
 * as shown in messages: the values of every SLO and the series that are missing. `undefined` when,
 * without the registry, no SLO has a budget series at all.
 */
export function readGateValues(plan: GatePlan, answers: GateSample[][], at: string): GateReading | undefined {
  const answer = (query: GateQuery) => byId(answers[plan.queries.indexOf(query)] ?? []);
  const ofKind = (kind: GateQuery['kind']) => plan.queries.filter((query) => query.kind === kind);
  const [budgetQuery] = ofKind('budgetLeft');
  const [objectiveQuery] = ofKind('objective');
  const budgetLeft = answer(budgetQuery);
  if (!plan.targets && budgetLeft.size === 0) {
    return undefined;
  }
  const targets: GateTarget[] = plan.targets ?? [...budgetLeft.keys()].sort().map((sloId) => ({ sloId }));

  const missing: GateReading['missing'] = [];
  const values = new Map<string, GateValues>(targets.map((target) => [target.sloId, {}]));
  for (const target of targets) {
    const value = budgetLeft.get(target.sloId);
    const series = `${PERIOD_BUDGET_REMAINING}{${LABEL_ID}="${target.sloId}"}`;
    if (value === undefined) {
      missing.push({ sloId: target.sloId, series, why: `no samples at ${at}` });
    } else if (Number.isNaN(value)) {
      missing.push({ sloId: target.sloId, series, why: `NaN at ${at}: no events in the SLO period yet?` });
    } else {
      values.get(target.sloId)!.budgetLeft = value;
    }
  }

  for (const query of plan.queries) {
    if (query.kind !== 'policyBurn') {
      continue;
    }
    const ratios = answer(query);
    for (const target of targets.filter(
      (candidate) => limitsBurn(candidate) && candidate.policyWindow === query.window
    )) {
      const ratio = ratios.get(target.sloId);
      const series = errorRatioSeries(target.sli, query.window, target.sloId);
      if (ratio === undefined) {
        missing.push({ sloId: target.sloId, series, why: `no samples at ${at}` });
      } else if (Number.isNaN(ratio)) {
        missing.push({ sloId: target.sloId, series, why: `NaN at ${at}: no events in the last ${query.window}?` });
      } else {
        Object.assign(values.get(target.sloId)!, { burnRate: ratio / target.allowed!, burnWindow: query.window });
      }
    }
  }

  const recorded = byId(answers[plan.queries.indexOf(objectiveQuery)] ?? [], objectiveLabel);
  const objectives = new Map<string, number>();
  for (const target of targets) {
    const fromRules = recorded.get(target.sloId);
    const objective =
      target.objective ?? (fromRules !== undefined && Number.isFinite(fromRules) ? fromRules : undefined);
    if (objective !== undefined) {
      objectives.set(target.sloId, objective);
    }
  }
  const [ratioQuery] = ofKind('currentErrorRatio');
  const [alertQuery] = ofKind('freezeAlert');
  if (ratioQuery && alertQuery) {
    const ratios = answer(ratioQuery);
    const firing = answer(alertQuery);
    for (const target of targets) {
      const entry = values.get(target.sloId)!;
      const ratio = ratios.get(target.sloId);
      const objective = objectives.get(target.sloId);
      // shown for information only: without the objective or a ratio there is no burn rate to show
      if (ratio !== undefined && !Number.isNaN(ratio) && objective !== undefined) {
        Object.assign(entry, { burnRate: ratio / allowedErrorRatio(objective), burnWindow: CURRENT_WINDOW });
      }
      entry.freezeAlertFiring = (firing.get(target.sloId) ?? 0) > 0;
    }
  }
  return { targets, values, objectives, missing };
}

/**
 * Judges the answers to a plan's queries (`answers[i]` for `plan.queries[i]`) read at `at`, the
 * time as shown in messages: every SLO's decision, or what is missing to make one.
 */
export function judgeGate(plan: GatePlan, answers: GateSample[][], at: string): GateOutcome {
  const reading = readGateValues(plan, answers, at);
  if (!reading) {
    return { kind: 'noData' };
  }
  if (reading.missing.length > 0) {
    return { kind: 'missing', missing: reading.missing.map(({ series, why }) => ({ series, why })) };
  }
  const slos = reading.targets.map((target) => ({
    sloId: target.sloId,
    objective: reading.objectives.get(target.sloId),
    result: evaluateGate(reading.values.get(target.sloId)!, target.policy),
  }));
  return { kind: 'decided', verdict: combineGate(slos.map((slo) => slo.result)), slos };
}

function byAlert(values: GateValues): GateResult {
  const facts: string[] = [];
  if (values.budgetLeft !== undefined) {
    facts.push(`budget left ${percent(values.budgetLeft)}`);
  }
  if (values.burnRate !== undefined) {
    facts.push(`burn rate ${factor(values.burnRate)}${values.burnWindow ? ` over ${values.burnWindow}` : ''}`);
  }
  if (values.freezeAlertFiring === undefined) {
    return { allowed: true, status: 'allowed', reasons: [...facts, 'no error-budget policy is known'], missing: [] };
  }
  if (values.freezeAlertFiring) {
    const firing = `${FREEZE_ALERT_TEXT} is firing`;
    return { allowed: false, status: 'frozen', reasons: [...facts, firing], missing: [], breaches: [firing] };
  }
  return { allowed: true, status: 'allowed', reasons: [...facts, `${FREEZE_ALERT_TEXT} is not firing`], missing: [] };
}
