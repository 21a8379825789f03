import { CYCLE_SECONDS } from './time';
import { trafficCurve } from './traffic';

describe('trafficCurve', () => {
  const curve = trafficCurve('checkout');

  it('has an integral that matches numeric integration of its shape', () => {
    const [from, to, step] = [123_456, 123_456 + 86_400, 10];
    let numeric = 0;
    for (let t = from; t < to; t += step) {
      numeric += ((curve.shape(t) + curve.shape(t + step)) / 2) * step;
    }
    expect(curve.integral(to) - curve.integral(from)).toBeCloseTo(numeric, 0);
  });

  it('averages exactly 1 over a whole cycle', () => {
    expect(curve.integral(CYCLE_SECONDS) / CYCLE_SECONDS).toBeCloseTo(1, 9);
  });

  it('stays positive, peaks in the evening and dips at night', () => {
    const hours = Array.from({ length: 24 * 28 }, (_, hour) => curve.shape(hour * 3600));
    expect(Math.min(...hours)).toBeGreaterThan(0.2);
    const day = 2 * 86_400;
    expect(curve.shape(day + 19 * 3600)).toBeGreaterThan(1.3);
    expect(curve.shape(day + 7 * 3600)).toBeLessThan(0.8);
  });
});
