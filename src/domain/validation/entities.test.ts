import { baseRegistry, basePerson, baseService, baseSlo } from '../testing/builders';
import { validatePerson } from './person';
import { validateService } from './service';
import { validateSlo } from './slo';

describe('entity validators for forms', () => {
  test('validatePerson reports paths relative to the person', () => {
    expect(validatePerson(basePerson({ email: 'ana' }))).toEqual([
      { path: 'email', message: expect.stringContaining('"ana"') },
    ]);
  });

  test.each(['new', 'import', 'edit'])('ids that name app pages (%s) are refused', (id) => {
    expect(validateService(baseService({ id }))).toEqual([
      { path: 'id', message: expect.stringContaining('reserved') },
    ]);
    expect(validatePerson(basePerson({ id }))).toEqual([{ path: 'id', message: expect.stringContaining('reserved') }]);
  });

  test('validatePerson refuses what is not an object', () => {
    expect(validatePerson('ana')).toEqual([{ path: '', message: expect.stringContaining('got "ana"') }]);
  });

  test('validateService reports paths relative to the service', () => {
    const service = baseService({ links: [{ type: 'docs', title: 'Docs', url: 'javascript:void(0)' }] });
    expect(validateService(service)).toEqual([
      { path: 'links[0].url', message: expect.stringContaining('"javascript:" URLs are refused') },
    ]);
  });

  test('validateService checks references only when given the registry', () => {
    const service = baseService({ owners: { businessOwner: 'zoe' } });
    expect(validateService(service)).toEqual([]);
    expect(validateService(service, baseRegistry())).toEqual([
      { path: 'owners.businessOwner', message: expect.stringContaining('"zoe" is not a person') },
    ]);
  });

  test.each([
    [
      { objective: 100.5 },
      'objective',
      'objective must be a percentage strictly between 0 and 100, e.g. 99.9, got 100.5',
    ],
    [{ window: 'monthly' }, 'window', 'got "monthly"'],
    [{ serviceId: 'cart' }, 'serviceId', 'serviceId "cart" is not a service'],
    [{ groupBy: ['route-name'] }, 'groupBy[0]', 'label names'],
  ])('validateSlo reports %j at %s', (overrides, path, message) => {
    expect(validateSlo(baseSlo('ratio', overrides), baseRegistry())).toEqual([
      { path, message: expect.stringContaining(message) },
    ]);
  });

  test.each(['ratio', 'latency', 'freeform', 'logRatio'] as const)('validateSlo accepts the base %s SLO', (kind) => {
    expect(validateSlo(baseSlo(kind), baseRegistry())).toEqual([]);
  });
});
