import { RegistryDocument } from '../model';
import { baseException, baseRegistry, baseService } from '../testing/builders';
import {
  addPolicyException,
  endPolicyException,
  newExceptionId,
  policyChangeSummary,
  signOffPolicy,
} from './policyEdits';

const incident = baseException();

const policyOf = (doc: RegistryDocument) => doc.services[0].budgetPolicy;

describe('policy edits', () => {
  const doc = baseRegistry();

  it('signs off, replacing an earlier sign-off, and leaves the input alone', () => {
    const once = signOffPolicy(doc, 'checkout', 'bruno', '2026-10-01T09:00:00Z');
    const twice = signOffPolicy(once, 'checkout', 'ana', '2026-11-02T09:00:00Z');
    expect(policyOf(twice)).toEqual({ signOff: { by: 'ana', at: '2026-11-02T09:00:00Z' } });
    expect(policyOf(doc)).toBeUndefined();
    expect(twice.services[1]).toBe(doc.services[1]);
  });

  it('adds an exception and ends it early, never later than planned', () => {
    const added = addPolicyException(doc, 'checkout', incident);
    expect(policyOf(added)?.exceptions).toEqual([incident]);
    const ended = endPolicyException(added, 'checkout', 'inc-12', '2026-11-27T10:00:00Z');
    expect(policyOf(ended)?.exceptions?.[0].to).toBe('2026-11-27T10:00:00Z');
    const late = endPolicyException(added, 'checkout', 'inc-12', '2026-12-24T00:00:00Z');
    expect(policyOf(late)?.exceptions?.[0].to).toBe('2026-12-01T00:00:00Z');
  });

  it('removes an exception ended before it starts', () => {
    const added = addPolicyException(doc, 'checkout', incident);
    expect(policyOf(endPolicyException(added, 'checkout', 'inc-12', '2026-11-25T00:00:00Z'))?.exceptions).toEqual([]);
  });

  it.each([
    ['Payments provider outage INC-12', [], 'payments-provider-outage-inc-12'],
    ['INC-12', ['inc-12'], 'inc-12-2'],
    ['INC-12', ['inc-12', 'inc-12-2'], 'inc-12-3'],
    ['!!!', [], 'exception'],
  ])('gives "%s" a free id', (reason, taken, id) => {
    const service = baseService({
      budgetPolicy: { exceptions: taken.map((existing) => ({ ...incident, id: existing })) },
    });
    expect(newExceptionId(service, reason)).toBe(id);
  });
});

describe('policyChangeSummary', () => {
  const doc = baseRegistry();
  const withIncident = addPolicyException(doc, 'checkout', incident);

  it.each<[string, RegistryDocument, RegistryDocument, string | undefined]>([
    ['a sign-off', doc, signOffPolicy(doc, 'checkout', 'ana', '2026-11-02T09:00:00Z'), 'Policy signed off by ana'],
    [
      'a new exception',
      doc,
      withIncident,
      'Policy exception inc-12 added (dependency incident: Payments provider outage INC-12)',
    ],
    [
      'an exception ended',
      withIncident,
      endPolicyException(withIncident, 'checkout', 'inc-12', '2026-11-27T10:00:00Z'),
      'Policy exception inc-12 ended',
    ],
    [
      'a sign-off and an exception removed',
      signOffPolicy(withIncident, 'checkout', 'bruno', '2026-10-01T09:00:00Z'),
      signOffPolicy(doc, 'checkout', 'ana', '2026-11-02T09:00:00Z'),
      'Policy signed off by ana; Policy exception inc-12 removed',
    ],
    [
      'another change of the service too',
      doc,
      signOffPolicy(
        { ...doc, services: [{ ...doc.services[0], name: 'Till' }, doc.services[1]] },
        'checkout',
        'ana',
        'x'
      ),
      undefined,
    ],
    ['no policy change', doc, { ...doc, slos: doc.slos.slice(1) }, undefined],
  ])('%s', (_name, before, after, summary) => {
    expect(policyChangeSummary(before, after)).toBe(summary);
  });
});
