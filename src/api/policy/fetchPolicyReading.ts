/**
 * What the error-budget policy states of some services need from Prometheus: the release gate's
 * queries for all their SLOs in one request, then the look-back for the SLOs whose state depends
 * on it (domain/policy/policyQueries.ts). The states themselves are settled from this reading and
 * the registry, so an exception or a sign-off shows at once without reading Prometheus again.
 */
import { GateSample } from '../../domain/gate';
import { DataSourceRef, RegistryDocument } from '../../domain/model';
import { assessPolicy, PolicyAssessment, planPolicyStates } from '../../domain/policy/policyQueries';
import { InstantResult, runInstantQueries } from '../prometheus/instantQuery';

export interface PolicyReading {
  assessment: PolicyAssessment;
  /** The answer to the look-back query; empty when there was none. */
  lookback: GateSample[];
}

/** `reading` undefined when none of the services' SLOs has a policy: nothing to read. */
export type PolicyFetch = { ok: true; reading?: PolicyReading } | { ok: false; message: string };

function samplesOf(result: InstantResult | undefined): GateSample[] | string {
  if (!result) {
    return 'the data source gave no answer';
  }
  return result.ok ? result.samples : result.message;
}

/** Reads the policy inputs of `serviceIds` from `prometheus` at `now` (epoch ms). */
export async function fetchPolicyReading(
  prometheus: DataSourceRef,
  doc: RegistryDocument,
  serviceIds: string[],
  now = Date.now()
): Promise<PolicyFetch> {
  const plan = planPolicyStates(doc, serviceIds);
  if (!plan) {
    return { ok: true };
  }
  const queries = plan.queries.map((query, index) => ({ refId: `policy${index}`, expr: query.promql }));
  const results = await runInstantQueries(prometheus, queries, now);
  const answers: GateSample[][] = [];
  for (const query of queries) {
    const samples = samplesOf(results[query.refId]);
    if (typeof samples === 'string') {
      return { ok: false, message: samples };
    }
    answers.push(samples);
  }
  const assessment = assessPolicy(plan, answers, now, doc, serviceIds);
  if (!assessment.lookback) {
    return { ok: true, reading: { assessment, lookback: [] } };
  }
  const refId = 'policyLookback';
  const lookback = samplesOf((await runInstantQueries(prometheus, [{ refId, expr: assessment.lookback }], now))[refId]);
  return typeof lookback === 'string'
    ? { ok: false, message: lookback }
    : { ok: true, reading: { assessment, lookback } };
}
