import { silenceMatches } from './acknowledge';
import { detectIncidents, incidentId, isPageBurnAlert } from './detect';
import { MINUTE } from './fixtures';
import { Silence } from './types';

const page = (sloId: string, tier = 'page-fast') => ({
  sloth_id: sloId,
  sloth_service: 'checkout',
  burn_tier: tier,
  sloth_severity: 'page',
});

describe('detectIncidents', () => {
  it('keeps page burn alerts only: a burn tier and sloth_severity="page", whatever severity says', () => {
    expect(isPageBurnAlert({ ...page('a'), severity: 'critical' })).toBe(true);
    expect(isPageBurnAlert({ ...page('a'), sloth_severity: 'ticket', severity: 'page' })).toBe(false);
    expect(isPageBurnAlert({ alertname: 'SLOReleaseFreeze', sloth_id: 'a', sloth_severity: 'page' })).toBe(false);
  });

  it('merges periods less than the gap apart; an open period absorbs what follows', () => {
    const incidents = detectIncidents([
      {
        labels: page('a'),
        intervals: [{ start: 0, end: 10 * MINUTE }, { start: 20 * MINUTE, end: 30 * MINUTE }, { start: 41 * MINUTE }],
      },
      { labels: page('a', 'page-slow'), intervals: [{ start: 45 * MINUTE, end: 50 * MINUTE }] },
    ]);
    // 10 → 20 is exactly the 10-minute gap (merged); 30 → 41 is 11 minutes (a new incident).
    expect(incidents.map(({ start, end, tiers }) => ({ start, end, tiers }))).toEqual([
      { start: 0, end: 30 * MINUTE, tiers: ['page-fast'] },
      { start: 41 * MINUTE, end: undefined, tiers: ['page-fast', 'page-slow'] },
    ]);
  });

  it('keeps SLOs apart and takes the service from the registry when it knows the SLO', () => {
    const incidents = detectIncidents(
      [
        { labels: page('b'), intervals: [{ start: 5, end: 6 }] },
        { labels: page('a'), intervals: [{ start: 5, end: 6 }] },
      ],
      { serviceOf: (sloId) => (sloId === 'a' ? 'payments' : undefined) }
    );
    expect(incidents.map((incident) => [incident.sloId, incident.serviceId])).toEqual([
      ['a', 'payments'],
      ['b', 'checkout'],
    ]);
  });

  it('names an incident by its SLO and its start minute in UTC', () => {
    expect(incidentId('checkout-availability', Date.UTC(2024, 0, 2, 3, 4, 59))).toBe(
      'checkout-availability-20240102-0304'
    );
  });
});

describe('silenceMatches', () => {
  const labels = { sloth_id: 'checkout-availability', burn_tier: 'page-fast' };
  const silence = (matchers: Silence['matchers']): Silence => ({
    id: 's',
    createdBy: 'ana',
    startsAt: 0,
    endsAt: 1,
    matchers,
  });

  test.each([
    ['equal', [{ name: 'sloth_id', value: 'checkout-availability', isRegex: false, isEqual: true }], true],
    ['anchored regex', [{ name: 'sloth_id', value: 'checkout', isRegex: true, isEqual: true }], false],
    ['regex', [{ name: 'sloth_id', value: 'checkout-.*', isRegex: true }], true],
    ['not equal', [{ name: 'burn_tier', value: 'page-slow', isRegex: false, isEqual: false }], true],
    ['not regex', [{ name: 'burn_tier', value: 'page-.*', isRegex: true, isEqual: false }], false],
    ['a missing label is empty', [{ name: 'team', value: '', isRegex: false, isEqual: true }], true],
    ['an invalid regex matches nothing', [{ name: 'sloth_id', value: '(', isRegex: true }], false],
    ['no matchers match nothing', [], false],
  ])('%s', (_, matchers, expected) => {
    expect(silenceMatches(silence(matchers), labels)).toBe(expected);
  });
});
