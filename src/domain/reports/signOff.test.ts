import { buildReport } from './compute';
import { answersFor, NOW, reportRegistry } from './fixtures';
import { planReport } from './plan';
import { isPerson, ownersSignedInAs, withSignOff } from './signOff';
import { FrozenReport } from './types';

const doc = reportRegistry();
const ana = doc.people.find((person) => person.id === 'ana')!;

describe('isPerson', () => {
  test.each([
    [{ login: 'ana' }, true],
    [{ login: 'someone', email: 'ANA@example.com ' }, true],
    [{ login: 'someone', email: 'bruno@example.com' }, false],
    [{ login: 'someone' }, false],
    [{ login: 'someone', email: '' }, false],
  ])('%p is Ana: %p', (user, expected) => {
    expect(isPerson(ana, user)).toBe(expected);
  });

  test('the owners a signed-in user is', () => {
    expect(ownersSignedInAs(doc, ['ana', 'bruno'], { login: 'x', email: 'bruno@example.com' })).toEqual(['bruno']);
  });
});

describe('withSignOff', () => {
  const plan = planReport(doc, '2026-11', NOW);
  if ('message' in plan) {
    throw new Error(plan.message);
  }
  const frozen: FrozenReport = {
    report: buildReport(doc, plan, answersFor(plan, {})),
    frozenAt: '2026-12-01T01:00:00.000Z',
    frozenBy: 'eli',
    signOffs: {},
  };

  test('records the owner’s sign-off and keeps the first one', () => {
    const signed = withSignOff(frozen, 'ana', { by: 'ana', at: '2026-12-02T00:00:00.000Z' }) as FrozenReport;
    expect(signed.signOffs).toEqual({ ana: { by: 'ana', at: '2026-12-02T00:00:00.000Z' } });
    expect(signed.report).toBe(frozen.report);
    expect(withSignOff(signed, 'ana', { by: 'ana', at: '2026-12-03T00:00:00.000Z' })).toBe(signed);
  });

  test('someone who owns nothing in the report cannot sign it', () => {
    expect(withSignOff(frozen, 'carla', { by: 'carla', at: '2026-12-02T00:00:00.000Z' })).toEqual({
      message: 'carla owns no service in the report of 2026-11',
    });
  });
});
