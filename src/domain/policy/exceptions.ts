/**
 * Exceptions to the error-budget policy and its sign-off, as recorded on the service: when an
 * exception is in force, which SLOs it covers, and how both read in one line.
 */
import { PolicyException, PolicyExceptionKind, PolicySignOff, Service } from '../model';

/** How each kind of exception reads in a sentence. */
export const EXCEPTION_KIND_TEXT: Record<PolicyExceptionKind, string> = {
  dependencyIncident: 'dependency incident',
  outOfScopeTraffic: 'out-of-scope traffic',
  other: 'exception',
};

/** Whether the exception is in force at `now` (epoch ms): from its `from`, up to but not including its `to`. */
export function isExceptionActive(exception: PolicyException, now: number): boolean {
  return Date.parse(exception.from) <= now && now < Date.parse(exception.to);
}

/** Whether the exception covers the SLO: every SLO of the service when it names none. */
export function coversSlo(exception: PolicyException, sloId: string): boolean {
  return !exception.sloIds?.length || exception.sloIds.includes(sloId);
}

/** The service's exceptions in force at `now` (epoch ms), the one that ends last first. */
export function activeExceptions(service: Service | undefined, now: number): PolicyException[] {
  return (service?.budgetPolicy?.exceptions ?? [])
    .filter((exception) => isExceptionActive(exception, now))
    .sort((a, b) => Date.parse(b.to) - Date.parse(a.to));
}

/** An ISO 8601 time to the second, e.g. `2026-11-27T10:00:00Z`, as messages show times. */
export function formatInstant(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** `until 2026-12-01T00:00:00Z — dependency incident: Payments provider outage INC-12`. */
export function describeWaiver(exception: PolicyException): string {
  return `until ${formatInstant(Date.parse(exception.to))} — ${EXCEPTION_KIND_TEXT[exception.kind]}: ${exception.reason}`;
}

/** `policy signed off by ana on 2026-11-02`: the day, in UTC. */
export function describeSignOff(signOff: PolicySignOff): string {
  return `policy signed off by ${signOff.by} on ${new Date(Date.parse(signOff.at)).toISOString().slice(0, 10)}`;
}
