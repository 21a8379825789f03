import { BudgetPolicy, PolicyException, RegistryDocument } from '../model';
import { baseException, baseRegistry } from '../testing/builders';
import { validateRegistry } from './registry';
import { validateService } from './service';

type Mutation = (doc: RegistryDocument) => void;
// Tests break documents in ways the types forbid, as user input does.
type Loose = Record<string, any>;

const exception = (overrides: Partial<PolicyException> = {}) =>
  baseException({ sloIds: ['checkout-ratio'], ...overrides });

function withPolicy(doc: RegistryDocument, exceptions: unknown[], signOff?: unknown): void {
  (doc.services[0] as Loose).budgetPolicy = { exceptions, ...(signOff ? { signOff } : {}) };
}

function setSloPolicy(doc: RegistryDocument, patch: Partial<BudgetPolicy>): void {
  doc.slos[0].budgetPolicy = { ...doc.slos[0].budgetPolicy!, ...patch };
}

describe("a service's budget policy", () => {
  test('accepts a sign-off and exceptions', () => {
    const doc = baseRegistry();
    withPolicy(doc, [exception(), exception({ id: 'load-test', kind: 'outOfScopeTraffic', sloIds: undefined })], {
      by: 'ana',
      at: '2026-11-02T09:00:00Z',
    });
    expect(validateRegistry(doc)).toEqual([]);
  });

  test.each<[string, Mutation, string, string]>([
    [
      'an exception that ends before it starts',
      (d) => withPolicy(d, [exception({ from: '2026-12-01T00:00:00Z', to: '2026-11-26T00:00:00Z' })]),
      'services[0].budgetPolicy.exceptions[0].to',
      'to must be after from (2026-12-01T00:00:00Z): an exception lasts from its start to its end; swap them or correct the date',
    ],
    [
      'an exception that ends as it starts',
      (d) => withPolicy(d, [exception({ to: '2026-11-26T00:00:00Z' })]),
      'services[0].budgetPolicy.exceptions[0].to',
      'to must be after from',
    ],
    [
      'an exception without a reason',
      (d) => withPolicy(d, [exception({ reason: ' ' })]),
      'services[0].budgetPolicy.exceptions[0].reason',
      'reason must not be empty',
    ],
    [
      'an unknown kind',
      (d) => withPolicy(d, [{ ...exception(), kind: 'holiday' }]),
      'services[0].budgetPolicy.exceptions[0].kind',
      'kind must be one of "dependencyIncident", "outOfScopeTraffic", "other", got "holiday"',
    ],
    [
      'a time that is no time',
      (d) => withPolicy(d, [exception({ from: 'yesterday' })]),
      'services[0].budgetPolicy.exceptions[0].from',
      'from must be an ISO 8601 time such as "2026-11-27T10:00:00Z", got "yesterday"',
    ],
    [
      'a duplicate exception id',
      (d) => withPolicy(d, [exception(), exception()]),
      'services[0].budgetPolicy.exceptions[1].id',
      'duplicate exception id "inc-12": services[0].budgetPolicy.exceptions[0] already uses it',
    ],
    [
      'an exception naming an SLO of another service',
      (d) => {
        d.slos[3].serviceId = 'payments';
        withPolicy(d, [exception({ sloIds: ['checkout-logratio'] })]);
      },
      'services[0].budgetPolicy.exceptions[0].sloIds[0]',
      'SLO "checkout-logratio" is not an SLO of service "checkout": name one of its SLOs or remove it',
    ],
    [
      'an exception naming no SLO of the registry',
      (d) => withPolicy(d, [exception({ sloIds: ['nope'] })]),
      'services[0].budgetPolicy.exceptions[0].sloIds[0]',
      'SLO "nope" is not an SLO of service "checkout"',
    ],
    [
      'a sign-off without a signer',
      (d) => withPolicy(d, [], { at: '2026-11-02T09:00:00Z' }),
      'services[0].budgetPolicy.signOff.by',
      'by is required',
    ],
    [
      'a sign-off without a time',
      (d) => withPolicy(d, [], { by: 'ana' }),
      'services[0].budgetPolicy.signOff.at',
      'at is required',
    ],
    [
      'a recovery threshold under the freeze threshold',
      (d) => setSloPolicy(d, { freezeBudgetLeftPercent: 25, recoverBudgetLeftPercent: 20 }),
      'slos[0].budgetPolicy.recoverBudgetLeftPercent',
      'recoverBudgetLeftPercent must be at least freezeBudgetLeftPercent (25): reliability work ends once the budget is back above the freeze threshold, got 20',
    ],
    [
      'a recovery threshold over 100%',
      (d) => setSloPolicy(d, { recoverBudgetLeftPercent: 120 }),
      'slos[0].budgetPolicy.recoverBudgetLeftPercent',
      'recoverBudgetLeftPercent must be a percentage from 0 to 100, got 120',
    ],
    [
      'a recovery rate over the freeze rate',
      (d) => setSloPolicy(d, { freezeBurnRate: 2, recoverBurnRate: 3 }),
      'slos[0].budgetPolicy.recoverBurnRate',
      'recoverBurnRate must be at most freezeBurnRate (2)',
    ],
    [
      'a recovery rate without a freeze rate',
      (d) => setSloPolicy(d, { freezeBurnRate: undefined, recoverBurnRate: 1 }),
      'slos[0].budgetPolicy.recoverBurnRate',
      'recoverBurnRate needs freezeBurnRate: the burn rate is only measured when the policy freezes on it; set freezeBurnRate or remove recoverBurnRate',
    ],
  ])('reports %s', (_name, mutate, path, message) => {
    const doc = baseRegistry();
    mutate(doc);
    const problems = validateRegistry(doc);
    expect(problems).toContainEqual({ path, message: expect.stringContaining(message) });
  });

  test('recovery thresholds at the freeze thresholds are accepted', () => {
    const doc = baseRegistry();
    setSloPolicy(doc, {
      freezeBurnRate: 2,
      recoverBurnRate: 2,
      freezeBudgetLeftPercent: 25,
      recoverBudgetLeftPercent: 25,
    });
    expect(validateRegistry(doc)).toEqual([]);
  });

  test('a form sees the paths relative to the service', () => {
    const service = { ...baseRegistry().services[0], budgetPolicy: { exceptions: [exception({ to: 'soon' })] } };
    expect(validateService(service)).toEqual([
      {
        path: 'budgetPolicy.exceptions[0].to',
        message: 'to must be an ISO 8601 time such as "2026-11-27T10:00:00Z", got "soon"',
      },
    ]);
  });
});
