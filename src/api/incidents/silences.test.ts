import { readPrometheusAnswer } from './prometheusQuery';
import { readSilences } from './silences';

describe('readSilences', () => {
  it('reads Alertmanager’s v2 silences, times in Unix ms, and skips incomplete ones', () => {
    const matcher = { name: 'sloth_id', value: 'a', isRegex: false };
    expect(
      readSilences([
        {
          id: '1',
          createdBy: 'ana',
          startsAt: '2024-05-01T10:04:00Z',
          endsAt: '2024-05-01T12:00:00.000Z',
          matchers: [matcher],
        },
        { id: '2', createdBy: 'ana', startsAt: 'soon', endsAt: '2024-05-01T12:00:00Z', matchers: [matcher] },
        { id: '3', startsAt: '2024-05-01T10:04:00Z', endsAt: '2024-05-01T12:00:00Z', matchers: [matcher] },
      ])
    ).toEqual([
      {
        id: '1',
        createdBy: 'ana',
        comment: undefined,
        startsAt: Date.UTC(2024, 4, 1, 10, 4),
        endsAt: Date.UTC(2024, 4, 1, 12),
        // Alertmanager leaves out isEqual on silences made before it existed: equal
        matchers: [{ name: 'sloth_id', value: 'a', isRegex: false, isEqual: true }],
      },
    ]);
  });
});

describe('readPrometheusAnswer', () => {
  it('reads vectors and matrices, samples in Unix ms', () => {
    expect(
      readPrometheusAnswer({
        status: 'success',
        data: {
          resultType: 'matrix',
          result: [
            {
              metric: { a: '1' },
              values: [
                [1.5, '2'],
                [2, 'NaN'],
                [3, '+Inf'],
              ],
            },
          ],
        },
      })
    ).toEqual({
      ok: true,
      series: [
        {
          labels: { a: '1' },
          samples: [
            [1500, 2],
            [2000, NaN],
            [3000, Infinity],
          ],
        },
      ],
    });
    expect(
      readPrometheusAnswer({
        status: 'success',
        data: { resultType: 'vector', result: [{ metric: {}, value: [1, '4'] }] },
      })
    ).toEqual({ ok: true, series: [{ labels: {}, samples: [[1000, 4]] }] });
  });

  it('refuses errors and other result types', () => {
    expect(readPrometheusAnswer({ status: 'error', error: 'bad query' })).toEqual({ ok: false, message: 'bad query' });
    expect(readPrometheusAnswer({ status: 'success', data: { resultType: 'scalar', result: [] } }).ok).toBe(false);
  });
});
