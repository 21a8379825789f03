/** Small helpers the checks share to describe what they found. */
import { Slo } from '../model';
import { CheckVerdict, Evidence } from './types';

/** Joins ids for an evidence value, e.g. `checkout-latency, checkout-ratio`. */
export function listOf(items: string[]): string {
  return items.join(', ');
}

export function pass(...evidence: Evidence[]): CheckVerdict {
  return { outcome: 'pass', evidence };
}

export function fail(...evidence: Evidence[]): CheckVerdict {
  return { outcome: 'fail', evidence };
}

/** SLOs whose error-budget policy is missing or switched off. */
export function slosWithoutPolicy(slos: Slo[]): Slo[] {
  return slos.filter((slo) => !slo.budgetPolicy?.enabled);
}

/** An objective as shown in evidence, e.g. `checkout-ratio 99.9% / 30d`. */
export function objectiveOf(slo: Slo): string {
  return `${slo.id} ${slo.objective}% / ${slo.window}`;
}
