import { windowInSentence, windowLabel } from './labels';

test.each([
  ['30d', undefined, 'Rolling 30d'],
  ['calendar-week', undefined, 'Calendar week'],
  ['calendar-month', 'UTC', 'Calendar month'],
  ['calendar-quarter', 'Europe/Berlin', 'Calendar quarter (Europe/Berlin)'],
  // a rolling window has no time zone to show
  ['28d', 'Europe/Berlin', 'Rolling 28d'],
])('the window %s in %s reads %s', (window, timeZone, label) => {
  expect(windowLabel(window, timeZone)).toBe(label);
});

test('within a sentence the window starts lower-case and the zone keeps its case', () => {
  expect(windowInSentence('calendar-month', 'Europe/Berlin')).toBe('calendar month (Europe/Berlin)');
  expect(windowInSentence('30d')).toBe('rolling 30d');
});
