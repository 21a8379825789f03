import { MAX_UID_LENGTH, stableUid } from './uid';

const VALID = /^[A-Za-z0-9_-]+$/;

test.each([
  [['checkout-availability', 'page-fast'], 'bo-checkout-availability-page-fast'],
  [['a', 'freeze'], 'bo-a-freeze'],
])('short ids are kept readable: %j', (parts, uid) => {
  expect(stableUid(...parts)).toBe(uid);
});

test.each([
  [['a-very-long-slo-identifier-for-the-checkout-service', 'ticket-slow']],
  [['slo.with.dots', 'page-fast']],
  [['ünïcode', 'page-fast']],
])('long or unusual ids are cut, cleaned and hashed: %j', (parts) => {
  const uid = stableUid(...parts);
  expect(uid.length).toBeLessThanOrEqual(MAX_UID_LENGTH);
  expect(uid).toMatch(VALID);
  expect(uid).toMatch(/-[0-9a-f]{8}$/);
  expect(stableUid(...parts)).toBe(uid);
});

test('ids that clean or cut to the same text still differ', () => {
  expect(stableUid('slo.a', 'x')).not.toBe(stableUid('slo_a', 'x'));
  const long = 'x'.repeat(50);
  expect(stableUid(long, 'page-fast')).not.toBe(stableUid(long, 'page-slow'));
});
