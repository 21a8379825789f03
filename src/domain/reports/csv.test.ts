import { buildReport } from './compute';
import { csvCell, reportCsv, reportFileName } from './csv';
import { answersFor, NOW, reportRegistry } from './fixtures';
import { planReport } from './plan';

describe('csvCell', () => {
  test.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['+1', "'+1"],
    ['@owner', "'@owner"],
    [99.5, '99.5'],
    [-3, '-3'],
    [true, 'true'],
    [undefined, ''],
  ])('%p is written %s', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});

describe('reportCsv', () => {
  test('one row per SLO, then each owner’s total; names with commas and quotes stay one cell', () => {
    const base = reportRegistry();
    const doc = {
      ...base,
      people: base.people.map((person) => (person.id === 'ana' ? { ...person, name: 'Ana, "AL" Lima' } : person)),
    };
    const plan = planReport(doc, '2026-11', NOW);
    if ('message' in plan) {
      throw new Error(plan.message);
    }
    const report = buildReport(
      doc,
      plan,
      answersFor(plan, {
        'checkout-availability': { period: { errors: 30, total: 100_000 } },
        'payments-availability': { period: { errors: 500, total: 100_000 } },
      })
    );
    const lines = reportCsv(report).split('\r\n');
    expect(lines[0]).toBe(
      'period,status,row,business_owner,service,slo_id,slo_name,time_zone,start,end,objective_percent,attainment_percent,budget_spent_percent,worst_day,worst_day_attainment_percent,incidents,outcome,weighted,events,good_events'
    );
    expect(lines).toHaveLength(1 + 3 + 1 + 1 + 1 + 1);
    expect(lines[1]).toMatch(
      /^2026-11,ended,slo,"Ana, ""AL"" Lima",Checkout,checkout-availability,Checkout availability,UTC,2026-11-01T00:00:00.000Z,2026-12-01T00:00:00.000Z,99.9,99.97\d*,30\.\d+,,,0,met,true,100000,99970$/
    );
    expect(lines[4]).toBe(
      `2026-11,ended,owner total,"Ana, ""AL"" Lima",,,,,,,,${(99_970 / 100_000) * 100},,,,0,"1 met, 0 missed, 2 no data",true,100000,99970`
    );
    expect(lines[5]).toContain('payments-availability,Payments availability,Europe/Berlin,2026-10-31T23:00:00.000Z');
    expect(lines[5]).toContain(',missed,');
    expect(lines.at(-1)).toBe('');
    expect(reportFileName(report)).toBe('slo-report-2026-11.csv');
  });
});
