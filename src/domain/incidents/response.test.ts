import { AVAILABILITY, HOUR, MINUTE, incidentInputs } from './fixtures';
import { assessIncidents } from './report';
import { WEEK_MS, ownerResponses, weeklyStats } from './response';

const DAY = Date.UTC(2024, 4, 1);

describe('ownerResponses', () => {
  const report = assessIncidents(incidentInputs(DAY));
  const [ana, bruno] = ownerResponses(report);

  it('gives each owner the figures of their services and the SLO whose budget incidents used most', () => {
    expect(ana).toMatchObject({ owner: 'ana', serviceIds: ['checkout'], stats: { count: 3, mttrMs: 37.5 * MINUTE } });
    // availability: (2,700 + 600) / 10,000 = 33 % against latency's 30 %
    expect(ana.budget?.sloId).toBe(AVAILABILITY);
    expect(ana.budget?.share).toBeCloseTo(0.33, 12);
    expect(bruno).toMatchObject({ owner: 'bruno', stats: { count: 0 } });
    expect(bruno.budget).toBeUndefined();
  });

  it('splits the last four weeks: every incident of the day falls in the latest', () => {
    const to = report.window.to;
    expect(ana.weeks.map((week) => [week.from, week.to, week.count, week.mttrMs])).toEqual([
      [to - 4 * WEEK_MS, to - 3 * WEEK_MS, 0, undefined],
      [to - 3 * WEEK_MS, to - 2 * WEEK_MS, 0, undefined],
      [to - 2 * WEEK_MS, to - WEEK_MS, 0, undefined],
      [to - WEEK_MS, to, 3, 37.5 * MINUTE],
    ]);
  });
});

describe('weeklyStats', () => {
  it('counts an incident in the week it started, its MTTR over the resolved ones', () => {
    const { incidents } = assessIncidents(incidentInputs(DAY));
    // Read a week and an hour after 10:00: A (10:00) falls in the older week, B and C in the latest.
    const weeks = weeklyStats(incidents, DAY + 10 * HOUR + WEEK_MS + HOUR, 2);
    expect(weeks.map((week) => [week.count, week.mttrMs])).toEqual([
      [1, 45 * MINUTE],
      [2, 30 * MINUTE],
    ]);
  });
});
