import { useEffect, useMemo, useRef, useState } from 'react';
import { fetchPolicyReading, PolicyFetch } from '../../api/policy/fetchPolicyReading';
import { RegistryDocument } from '../../domain/model';
import { planPolicyStates, settlePolicy } from '../../domain/policy/policyQueries';
import { ServicePolicyState } from '../../domain/policy/policyState';

/** Where the policy states stand. */
export type PolicyRead =
  /** None of the services' SLOs has an enabled budget policy. */
  | { status: 'noPolicy' }
  | { status: 'noDataSource' }
  | { status: 'reading' }
  /** Prometheus could not be read: the state is unknown, for this reason. */
  | { status: 'failed'; message: string }
  | { status: 'read'; states: ServicePolicyState[] };

/**
 * The policy state of each of `serviceIds`. Prometheus is read again only when what its queries
 * depend on changes (the services' SLOs and the Prometheus data source); the states are settled
 * with the registry as it is and at `now` (epoch ms), so a recorded exception or sign-off shows at once.
 */
export function usePolicyStates(doc: RegistryDocument, serviceIds: string[], now: number): PolicyRead {
  const prometheus = doc.settings.prometheus;
  const uid = prometheus?.uid;
  const type = prometheus?.type;
  const { key, planned } = useMemo(() => {
    const wanted = new Set(serviceIds);
    const slos = doc.slos.filter((slo) => wanted.has(slo.serviceId));
    return {
      key: JSON.stringify([serviceIds, slos, doc.settings.slothSeries]),
      planned: planPolicyStates(doc, serviceIds) !== undefined,
    };
  }, [doc, serviceIds]);
  const [answer, setAnswer] = useState<{ key: string; uid: string; fetched: PolicyFetch }>();
  // What the next read asks about; reading it in the effect keeps a save that only records an
  // exception or a sign-off from reading Prometheus again.
  const latest = useRef({ doc, serviceIds });
  useEffect(() => {
    latest.current = { doc, serviceIds };
  });

  useEffect(() => {
    if (!uid || !planned) {
      return undefined;
    }
    let current = true;
    const { doc: asked, serviceIds: ids } = latest.current;
    fetchPolicyReading({ uid, type }, asked, ids).then((fetched) => current && setAnswer({ key, uid, fetched }));
    return () => {
      current = false;
    };
  }, [uid, type, key, planned]);

  const fetched = answer?.key === key && answer.uid === uid ? answer.fetched : undefined;
  return useMemo((): PolicyRead => {
    if (!planned) {
      return { status: 'noPolicy' };
    }
    if (!uid) {
      return { status: 'noDataSource' };
    }
    if (!fetched) {
      return { status: 'reading' };
    }
    if (!fetched.ok) {
      return { status: 'failed', message: fetched.message };
    }
    if (!fetched.reading) {
      return { status: 'noPolicy' };
    }
    return {
      status: 'read',
      states: settlePolicy(fetched.reading.assessment, fetched.reading.lookback, doc, now),
    };
  }, [planned, uid, fetched, doc, now]);
}
