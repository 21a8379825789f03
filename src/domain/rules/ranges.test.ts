import { parsePromDuration } from '../query/duration';
import { exactRange } from './ranges';

test.each([
  ['5m', '4m59s999ms'],
  ['30m', '29m59s999ms'],
  ['1h', '59m59s999ms'],
  ['60m', '59m59s999ms'],
  ['6h', '5h59m59s999ms'],
  ['1d', '23h59m59s999ms'],
  ['3d', '2d23h59m59s999ms'],
  ['7d', '6d23h59m59s999ms'],
  ['30d', '29d23h59m59s999ms'],
  ['90s', '1m29s999ms'],
  ['1ms', '1ms'],
])('%s is written %s', (window, range) => {
  expect(exactRange(window)).toBe(range);
});

test.each(['5m', '61m', '2h', '28d', '365d'])('%s is 1 ms longer than its range, which Prometheus parses', (window) => {
  expect(parsePromDuration(exactRange(window))).toBe(parsePromDuration(window)! - 1);
});
