/**
 * Automatic checks for the ways ownership fails in practice. Checks that need measured values
 * take them from the subject and report `unknown` (with what they need) when they are absent,
 * together with whatever the registry alone already shows.
 */
import { POSTMORTEM_CHECK_ID, postmortemVerdict } from '../incidents/postmortem';
import { Slo } from '../model';
import { CostUnknown, IncidentsUnknown, SloLiveValues } from '../registryView/liveValues';
import { listOf, slosWithoutPolicy } from './evidence';
import { businessOwnerVerdict } from './ladderChecks';
import { CheckNeed, CheckVerdict, Evidence, GovernanceCheck } from './types';

/** Budget overspent in at least this many windows in a row is a pattern, not bad luck. */
export const OVERSPENT_WINDOWS_LIMIT = 2;
/** Cost above baseline by this factor is a spike. */
export const COST_SPIKE_FACTOR = 1.3;
/** Burning faster than the sustainable rate spends the budget before the window ends. */
const SUSTAINABLE_BURN = 1;

function needsPrometheus(...evidence: CheckVerdict['evidence']): CheckVerdict {
  return { outcome: 'unknown', needs: 'prometheus', evidence };
}

/**
 * Why the telemetry of `unknown` SLOs could not be checked, one fact per reason: no data source
 * (Prometheus, or Loki for log SLIs), a failed query, not queried raw (too many SLOs without
 * rules), or not read at all (values still being read).
 */
function telemetryUnknownEvidence(
  unknown: Slo[],
  sloValues: Record<string, SloLiveValues> | undefined
): { evidence: Evidence[]; needs: CheckNeed } {
  const groups = new Map<string, { evidence: Evidence; slos: string[] }>();
  let needs: CheckNeed = 'prometheus';
  for (const slo of unknown) {
    const reason = sloValues?.[slo.id]?.reason;
    let key: string;
    let evidence: Evidence;
    if (reason?.kind === 'queryFailed') {
      key = `failed:${reason.message}`;
      evidence = { code: 'telemetryQueryFailed', values: { message: reason.message } };
    } else if (reason?.kind === 'skipped') {
      key = 'skipped';
      evidence = { code: 'telemetryNotQueried', values: { limit: reason.limit } };
    } else if (reason?.kind === 'noDataSource' && reason.language === 'logql') {
      key = 'noLoki';
      needs = 'loki';
      evidence = { code: 'telemetryNoLoki' };
    } else {
      key = 'notChecked';
      evidence = { code: 'telemetryNotChecked' };
    }
    const group = groups.get(key) ?? { evidence, slos: [] };
    group.slos.push(slo.id);
    groups.set(key, group);
  }
  return {
    needs,
    evidence: [...groups.values()].map(({ evidence, slos }) => ({
      code: evidence.code,
      values: { ...evidence.values, slos: listOf(slos), count: slos.length },
    })),
  };
}

/**
 * Why a service's spend is not known: the registry-wide reason, its cost tags matched no spend in
 * the weeks compared (`costsRead`), or spend not read yet.
 */
function costUnknownEvidence(costUnknown: CostUnknown | undefined, costsRead: boolean): Evidence {
  if (!costUnknown && costsRead) {
    return { code: 'costNoSpendFound' };
  }
  switch (costUnknown?.kind) {
    case 'noBillingDataSource':
      return { code: 'costNoBillingDataSource' };
    case 'sqlBilling':
      return { code: 'costSqlBilling' };
    case 'queryFailed':
      return { code: 'costQueryFailed', values: { message: costUnknown.message } };
    case 'noCostTags':
    case undefined:
      return { code: 'costNotMeasured' };
  }
}

/**
 * The postmortem check's verdict when incidents were not read: no data source, a failed read (its
 * message), or not read yet on this page.
 */
function incidentsUnknownVerdict(unknown: IncidentsUnknown | undefined): CheckVerdict {
  switch (unknown?.kind) {
    case 'noDataSource':
      return needsPrometheus({ code: 'incidentsNoDataSource' });
    case 'queryFailed':
      return { outcome: 'unknown', evidence: [{ code: 'incidentsReadFailed', values: { message: unknown.message } }] };
    case undefined:
      return postmortemVerdict(undefined);
  }
}

export const FAILURE_MODE_CHECKS: readonly GovernanceCheck[] = [
  {
    id: 'accountableOwner',
    kind: 'failureMode',
    evaluate: businessOwnerVerdict,
  },
  {
    id: 'burnWithoutPolicy',
    kind: 'failureMode',
    evaluate: ({ slos, sloValues }) => {
      const unguarded = slosWithoutPolicy(slos);
      if (unguarded.length === 0) {
        return { outcome: slos.length === 0 ? 'notApplicable' : 'pass', evidence: [{ code: 'allSlosHavePolicy' }] };
      }
      const measured = unguarded.filter((slo) => sloValues?.[slo.id]?.burnRate !== undefined);
      if (measured.length === 0) {
        return needsPrometheus({ code: 'slosWithoutPolicy', values: { slos: listOf(unguarded.map((slo) => slo.id)) } });
      }
      const burning = measured.filter((slo) => (sloValues?.[slo.id]?.burnRate ?? 0) > SUSTAINABLE_BURN);
      if (burning.length === 0) {
        return {
          outcome: 'pass',
          evidence: [{ code: 'notBurning', values: { slos: listOf(measured.map((slo) => slo.id)) } }],
        };
      }
      const shown = burning.map((slo) => `${slo.id} (${(sloValues?.[slo.id]?.burnRate ?? 0).toFixed(1)}x)`);
      return { outcome: 'fail', evidence: [{ code: 'burningWithoutPolicy', values: { slos: listOf(shown) } }] };
    },
  },
  {
    id: 'missingTelemetry',
    kind: 'failureMode',
    evaluate: ({ slos, sloValues }) => {
      if (slos.length === 0) {
        return { outcome: 'notApplicable', evidence: [{ code: 'noSlos' }] };
      }
      const ids = (found: Slo[]) => listOf(found.map((slo) => slo.id));
      const silent = slos.filter((slo) => sloValues?.[slo.id]?.hasData === false);
      const noTraffic = silent.filter((slo) => sloValues?.[slo.id]?.reason?.kind === 'noTraffic');
      const noSeries = silent.filter((slo) => !noTraffic.includes(slo));
      const evidence: Evidence[] = [
        ...(noSeries.length > 0 ? [{ code: 'sliNoData', values: { slos: ids(noSeries) } }] : []),
        ...(noTraffic.length > 0 ? [{ code: 'sliNoTraffic', values: { slos: ids(noTraffic) } }] : []),
      ];
      const unknown = slos.filter((slo) => sloValues?.[slo.id]?.hasData === undefined);
      const unknownEvidence = telemetryUnknownEvidence(unknown, sloValues);
      if (silent.length > 0) {
        return { outcome: 'fail', evidence: [...evidence, ...unknownEvidence.evidence] };
      }
      if (unknown.length > 0) {
        return { outcome: 'unknown', needs: unknownEvidence.needs, evidence: unknownEvidence.evidence };
      }
      return { outcome: 'pass', evidence: [{ code: 'sliHasData', values: { count: slos.length } }] };
    },
  },
  {
    id: 'budgetOverused',
    kind: 'failureMode',
    evaluate: ({ slos, sloValues }) => {
      if (slos.length === 0) {
        return { outcome: 'notApplicable', evidence: [{ code: 'noSlos' }] };
      }
      const count = (slo: Slo) => sloValues?.[slo.id]?.overspentWindowsInARow;
      const overused = slos.filter((slo) => (count(slo) ?? 0) >= OVERSPENT_WINDOWS_LIMIT);
      const unknown = slos.filter((slo) => count(slo) === undefined);
      // Measured now, but the window before was not recorded (the rules were not loaded then).
      const notRecorded = unknown.filter((slo) => sloValues?.[slo.id]?.budgetLeft !== undefined);
      const unmeasured = unknown.filter((slo) => sloValues?.[slo.id]?.budgetLeft === undefined);
      const unknownEvidence: Evidence[] = [
        ...(notRecorded.length > 0
          ? [{ code: 'previousWindowNotRecorded', values: { slos: listOf(notRecorded.map((slo) => slo.id)) } }]
          : []),
        ...(unmeasured.length > 0
          ? [
              {
                code: 'windowsNotChecked',
                values: { slos: listOf(unmeasured.map((slo) => slo.id)), limit: OVERSPENT_WINDOWS_LIMIT },
              },
            ]
          : []),
      ];
      if (overused.length > 0) {
        const shown = overused.map((slo) => `${slo.id} (${count(slo)})`);
        return {
          outcome: 'fail',
          evidence: [{ code: 'budgetOverspentInARow', values: { slos: listOf(shown) } }, ...unknownEvidence],
        };
      }
      if (unknown.length > 0) {
        return { outcome: 'unknown', needs: 'prometheus', evidence: unknownEvidence };
      }
      return { outcome: 'pass', evidence: [{ code: 'budgetKept', values: { limit: OVERSPENT_WINDOWS_LIMIT } }] };
    },
  },
  {
    id: 'costSpikeUnreviewed',
    kind: 'failureMode',
    evaluate: ({ service, cost, costUnknown, costsRead }) => {
      if (Object.keys(service.costTags).length === 0) {
        return { outcome: 'unknown', needs: 'billing', evidence: [{ code: 'noCostTags' }] };
      }
      if (!cost) {
        return {
          outcome: 'unknown',
          needs: 'billing',
          evidence: [costUnknownEvidence(costUnknown, costsRead === true)],
        };
      }
      const spike = cost.baseline > 0 && cost.current > cost.baseline * COST_SPIKE_FACTOR;
      const values = { current: Math.round(cost.current), baseline: Math.round(cost.baseline) };
      if (!spike) {
        return { outcome: 'pass', evidence: [{ code: 'costSteady', values }] };
      }
      return cost.reviewed
        ? { outcome: 'pass', evidence: [{ code: 'costSpikeReviewed', values }] }
        : { outcome: 'fail', evidence: [{ code: 'costSpikeNotReviewed', values }] };
    },
  },
  {
    // The outage policy: a resolved incident that used more than a fifth of its period budget needs
    // a postmortem linked from the service (incidents/postmortem.ts).
    id: POSTMORTEM_CHECK_ID,
    kind: 'failureMode',
    evaluate: ({ incidents, incidentsUnknown }) =>
      incidents ? postmortemVerdict(incidents) : incidentsUnknownVerdict(incidentsUnknown),
  },
];
