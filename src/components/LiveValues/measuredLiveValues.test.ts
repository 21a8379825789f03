import { act, renderHook } from '@testing-library/react';
import { baseRegistry } from '../../domain/testing/builders';
import { LiveValues } from '../../domain/registryView/liveValues';
import { forgetMeasuredLiveValues, useMeasuredLiveValues } from './measuredLiveValues';

// The read with its Prometheus client and PromQL parser; the factory runs when the module is loaded,
// which a static import would do before any test (hence a hoisted function to count it).
function timesLoaded(add = 0): number {
  const counter = timesLoaded as unknown as { count?: number };
  counter.count = (counter.count ?? 0) + add;
  return counter.count;
}
const readLiveValues = jest.fn<Promise<LiveValues>, unknown[]>();
jest.mock('./liveRead', () => {
  timesLoaded(1);
  return { readLiveValues: (...args: unknown[]) => readLiveValues(...args) };
});

describe('useMeasuredLiveValues', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    forgetMeasuredLiveValues();
    readLiveValues.mockResolvedValue({ generatedDashboards: ['checkout'] });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  test("loads the read's code only once the page has painted, then shows what it read", async () => {
    const doc = baseRegistry();
    const { result } = renderHook(() => useMeasuredLiveValues(doc, true));
    expect(timesLoaded()).toBe(0);
    expect(result.current).toEqual({ status: 'reading', since: expect.any(Number) });

    await act(async () => {
      jest.advanceTimersByTime(20); // the frame (jsdom paints every 16 ms) and the task after it
    });
    expect(timesLoaded()).toBe(1);
    expect(readLiveValues).toHaveBeenCalledWith(doc);
    expect(result.current).toEqual({ status: 'read', values: { generatedDashboards: ['checkout'] } });
  });

  test('a page that does not read live values loads nothing', async () => {
    const before = timesLoaded();
    const { result } = renderHook(() => useMeasuredLiveValues(baseRegistry(), false));
    await act(async () => {
      jest.advanceTimersByTime(100);
    });
    expect(result.current).toBeUndefined();
    expect(timesLoaded()).toBe(before);
  });
});
