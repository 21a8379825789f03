/**
 * Automatic checks for the ways ownership fails in practice. Checks that need measured values
 * take them from the subject and report `unknown` (with what they need) when they are absent,
 * together with whatever the registry alone already shows.
 */
import { listOf, slosWithoutPolicy } from './evidence';
import { businessOwnerVerdict } from './ladderChecks';
import { CheckVerdict, GovernanceCheck } from './types';

/** Budget overspent in at least this many windows in a row is a pattern, not bad luck. */
export const OVERSPENT_WINDOWS_LIMIT = 2;
/** Cost above baseline by this factor is a spike. */
export const COST_SPIKE_FACTOR = 1.3;
/** Burning faster than the sustainable rate spends the budget before the window ends. */
const SUSTAINABLE_BURN = 1;

function needsPrometheus(...evidence: CheckVerdict['evidence']): CheckVerdict {
  return { outcome: 'unknown', needs: 'prometheus', evidence };
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
      const measured = slos.filter((slo) => sloValues?.[slo.id]?.hasData !== undefined);
      if (measured.length === 0) {
        return needsPrometheus({ code: 'telemetryNotChecked', values: { count: slos.length } });
      }
      const silent = measured.filter((slo) => sloValues?.[slo.id]?.hasData === false);
      return silent.length > 0
        ? { outcome: 'fail', evidence: [{ code: 'sliNoData', values: { slos: listOf(silent.map((slo) => slo.id)) } }] }
        : { outcome: 'pass', evidence: [{ code: 'sliHasData', values: { count: measured.length } }] };
    },
  },
  {
    id: 'budgetOverused',
    kind: 'failureMode',
    evaluate: ({ slos, sloValues }) => {
      if (slos.length === 0) {
        return { outcome: 'notApplicable', evidence: [{ code: 'noSlos' }] };
      }
      const measured = slos.filter((slo) => sloValues?.[slo.id]?.overspentWindowsInARow !== undefined);
      if (measured.length === 0) {
        return needsPrometheus({ code: 'windowsNotChecked', values: { limit: OVERSPENT_WINDOWS_LIMIT } });
      }
      const overused = measured.filter(
        (slo) => (sloValues?.[slo.id]?.overspentWindowsInARow ?? 0) >= OVERSPENT_WINDOWS_LIMIT
      );
      if (overused.length === 0) {
        return { outcome: 'pass', evidence: [{ code: 'budgetKept', values: { limit: OVERSPENT_WINDOWS_LIMIT } }] };
      }
      const shown = overused.map((slo) => `${slo.id} (${sloValues?.[slo.id]?.overspentWindowsInARow})`);
      return { outcome: 'fail', evidence: [{ code: 'budgetOverspentInARow', values: { slos: listOf(shown) } }] };
    },
  },
  {
    id: 'costSpikeUnreviewed',
    kind: 'failureMode',
    evaluate: ({ service, cost }) => {
      if (Object.keys(service.costTags).length === 0) {
        return { outcome: 'unknown', needs: 'billing', evidence: [{ code: 'noCostTags' }] };
      }
      if (!cost) {
        return { outcome: 'unknown', needs: 'billing', evidence: [{ code: 'costNotMeasured' }] };
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
];
