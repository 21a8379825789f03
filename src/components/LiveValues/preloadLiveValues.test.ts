import { IDLE_WAIT_MS, showsLiveValues, whenIdleAfterNextFrame } from './preloadLiveValues';

describe('showsLiveValues', () => {
  test.each([
    ['/a/bizowner-slo-app/services', true],
    ['/grafana/a/bizowner-slo-app/services/', true],
    ['/a/bizowner-slo-app/slos', true],
    ['/a/bizowner-slo-app/governance', true],
    ['/a/bizowner-slo-app/people/ana', true],
    ['/a/bizowner-slo-app/services/checkout/slos', true],
    ['/a/bizowner-slo-app/services/checkout', false],
    ['/a/bizowner-slo-app/services/checkout/oncall', false],
    ['/a/bizowner-slo-app/slos/checkout-ratio/edit', false],
    ['/a/bizowner-slo-app/people', false],
    ['/plugins/bizowner-slo-app', false],
  ])('%s: %s', (path, expected) => {
    expect(showsLiveValues(path)).toBe(expected);
  });
});

describe('whenIdleAfterNextFrame', () => {
  const original = (globalThis as { requestIdleCallback?: unknown }).requestIdleCallback;
  afterEach(() => {
    jest.useRealTimers();
    (globalThis as { requestIdleCallback?: unknown }).requestIdleCallback = original;
  });

  test('waits for the next frame, then for the browser to be idle, at most a second', () => {
    jest.useFakeTimers();
    const idle = jest.fn((callback: () => void) => {
      setTimeout(callback, 50);
      return 1;
    });
    (globalThis as { requestIdleCallback?: unknown }).requestIdleCallback = idle;
    const then = jest.fn();
    whenIdleAfterNextFrame(then);
    expect(idle).not.toHaveBeenCalled();
    jest.advanceTimersByTime(20); // the frame (jsdom paints every 16 ms) and the task after it
    expect(idle).toHaveBeenCalledWith(expect.any(Function), { timeout: IDLE_WAIT_MS });
    expect(then).not.toHaveBeenCalled();
    jest.advanceTimersByTime(50);
    expect(then).toHaveBeenCalledTimes(1);
  });

  test('without idle callbacks, runs in the task after the next frame', () => {
    jest.useFakeTimers();
    (globalThis as { requestIdleCallback?: unknown }).requestIdleCallback = undefined;
    const then = jest.fn();
    whenIdleAfterNextFrame(then);
    expect(then).not.toHaveBeenCalled();
    jest.advanceTimersByTime(20);
    expect(then).toHaveBeenCalledTimes(1);
  });
});
