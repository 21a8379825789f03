import { baseSlo } from '../testing/builders';
import { groupByProblems } from './groupBy';

describe('groupByProblems', () => {
  test.each([
    [['tenant', 'route'], {}, []],
    [['tenant', 'tenant'], {}, [['groupBy[1]', '"tenant" is listed twice']]],
    [
      ['sloth_id'],
      {},
      [['groupBy[0]', '"sloth_id" is a label the rules or alerts write themselves; group by another label']],
    ],
    [['le'], {}, [['groupBy[0]', '"le" is a label the rules or alerts write themselves; group by another label']]],
    [['team'], {}, [['groupBy[0]', '"team" is a label the rules or alerts write themselves; group by another label']]],
    [
      ['slo_service_name'],
      {},
      [['groupBy[0]', '"slo_service_name" is a label the rules or alerts write themselves; group by another label']],
    ],
    [
      ['journey'],
      { journey: 'purchase' },
      [['groupBy[0]', `"journey" is also one of the SLO's labels, whose value would replace the group's`]],
    ],
  ])('%j with labels %j', (groupBy, labels, expected) => {
    const problems = groupByProblems(baseSlo('ratio', { groupBy, labels }));
    expect(problems.map((problem) => [problem.path, problem.message])).toEqual(expected);
  });

  test('an SLO without groupBy has no problems', () => {
    expect(groupByProblems(baseSlo('ratio'))).toEqual([]);
  });
});
