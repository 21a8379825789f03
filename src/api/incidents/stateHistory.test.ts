import { firingFromStateHistory } from './stateHistory';

const labels = { sloth_id: 'a', burn_tier: 'page-fast', sloth_severity: 'page' };
const frame = (rows: Array<[number, object]>, fields = ['time', 'line', 'labels']) => ({
  schema: { name: 'states', fields: fields.map((name) => ({ name })) },
  data: { values: [rows.map(([time]) => time), rows.map(([, line]) => line), rows.map(() => ({}))] },
});

describe('firingFromStateHistory', () => {
  it('pairs each instance’s transitions into firing periods', () => {
    const result = firingFromStateHistory(
      frame([
        [100, { previous: 'Alerting', current: 'Normal', labels }],
        [200, { previous: 'Normal', current: 'Pending', labels }],
        [300, { previous: 'Pending', current: 'Alerting', labels }],
        [350, { previous: 'Alerting', current: 'Alerting (Error)', labels }],
        [400, { previous: 'Alerting (Error)', current: 'Normal (MissingSeries)', labels }],
        [500, { previous: 'Normal', current: 'Alerting', labels: { ...labels, burn_tier: 'page-slow' } }],
        [600, { previous: 'Alerting', current: 'Recovering', labels: { ...labels, burn_tier: 'page-slow' } }],
      ]),
      50
    );
    expect(result).toEqual({
      ok: true,
      truncated: false,
      series: [
        // firing before the history read: from its start (50)
        {
          labels,
          intervals: [
            { start: 50, end: 100 },
            { start: 300, end: 400 },
          ],
        },
        // Recovering still fires: open
        { labels: { ...labels, burn_tier: 'page-slow' }, intervals: [{ start: 500 }] },
      ],
    });
  });

  it('reads an empty frame (no history backend) as nothing recorded', () => {
    expect(firingFromStateHistory({ schema: { fields: [] }, data: { values: [] } }, 0)).toEqual({
      ok: true,
      series: [],
      truncated: false,
    });
  });

  it('refuses the annotation backend’s frame, which has no transitions with labels', () => {
    const annotations = frame([], ['time', 'text', 'prev', 'next', 'data']);
    expect(firingFromStateHistory(annotations, 0).ok).toBe(false);
  });
});
