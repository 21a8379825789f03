import { Alerting } from '../model';
import { baseAlerting, baseRegistry, baseSlo } from '../testing/builders';
import { validateRegistry } from './registry';
import { validateSlo } from './slo';

// `checkout` (of baseRegistry) is tier 1, owned by ana, on call checkout-oncall.
describe('labels the rules derive', () => {
  test.each([
    [
      { tier: '3' },
      'labels.tier',
      `"3" differs from the service's tier 1, which the rules write as tier; change the service's tier or remove the label`,
    ],
    [
      { team: 'web' },
      'labels.team',
      `"web" differs from the service's team "checkout-oncall" (its on-call team, else its owners' team), which the rules write as team; change the service's team or remove the label`,
    ],
    [
      { business_owner: 'bruno' },
      'labels.business_owner',
      `"bruno" differs from the service's business owner "ana", which the rules write as business_owner; change the service's business owner or remove the label`,
    ],
    [
      { sloth_id: 'checkout' },
      'labels.sloth_id',
      `"checkout" differs from the SLO id "checkout-ratio", which the rules write as sloth_id; remove the label`,
    ],
    [
      { sloth_service: 'shop' },
      'labels.sloth_service',
      `"shop" differs from the service id "checkout", which the rules write as sloth_service; remove the label`,
    ],
    [
      { sloth_slo: 'checkout-ratio' },
      'labels.sloth_slo',
      `"checkout-ratio" differs from the SLO name "ratio" (its id without "checkout-"), which the rules write as sloth_slo; remove the label`,
    ],
    [
      { sloth_window: '30d' },
      'labels.sloth_window',
      'sloth_window is written by the rules: the window of each recorded series (5m, 1h, …); remove the label',
    ],
    [
      { burn_tier: 'page-fast' },
      'labels.burn_tier',
      "burn_tier is written by the rules: each burn alert's tier (page-fast, …); remove the label",
    ],
    [
      { sloth_severity: 'page' },
      'labels.sloth_severity',
      'sloth_severity is written by the rules: page or ticket on each burn alert; remove the label',
    ],
  ])('an SLO label %j is refused at %s', (labels, path, message) => {
    expect(validateSlo(baseSlo('ratio', { labels }), baseRegistry())).toEqual([{ path, message }]);
  });

  test('equal values are accepted; owner labels are compared only when the registry is known', () => {
    const labels = {
      tier: '1',
      team: 'checkout-oncall',
      business_owner: 'ana',
      sloth_id: 'checkout-ratio',
      sloth_service: 'checkout',
      sloth_slo: 'ratio',
      journey: 'purchase',
    };
    expect(validateSlo(baseSlo('ratio', { labels }), baseRegistry())).toEqual([]);
    expect(validateSlo(baseSlo('ratio', { labels: { tier: '3' } }))).toEqual([]);
  });

  test('an owner label the service does not derive may be set', () => {
    const doc = baseRegistry();
    doc.services[0] = { ...doc.services[0], tier: 3, owners: {}, onCall: undefined };
    doc.people = doc.people.map((person) => ({ ...person, team: undefined }));
    doc.slos = [baseSlo('ratio', { labels: { team: 'web', business_owner: 'ana' } })];
    expect(validateRegistry(doc)).toEqual([]);
  });

  test('the registry reports the path from its root', () => {
    const doc = baseRegistry();
    doc.slos[2].labels = { tier: '2' };
    expect(validateRegistry(doc)).toEqual([
      { path: 'slos[2].labels.tier', message: expect.stringMatching(/^"2" differs from the service's tier 1,/) },
    ]);
  });

  test.each<[Partial<Alerting>, string, string]>([
    [{ pageLabels: { sloth_severity: 'ticket' } }, 'alerting.pageLabels.sloth_severity', '"page", the severity'],
    [{ ticketLabels: { burn_tier: 'slow' } }, 'alerting.ticketLabels.burn_tier', 'burn_tier is written by the rules'],
    [{ pageLabels: { sloth_id: 'x' } }, 'alerting.pageLabels.sloth_id', 'differs from the SLO id'],
    [{ name: 'checkout high errors' }, 'alerting.name', 'must be a Prometheus alert name'],
    [{ name: '1stAlert' }, 'alerting.name', 'must be a Prometheus alert name'],
    [{ name: '' }, 'alerting.name', 'must be a Prometheus alert name'],
    [{ name: 'SLOReleaseFreeze' }, 'alerting.name', "is the release-freeze alert's"],
  ])('alerting %j is refused at %s', (alerting, path, message) => {
    const slo = baseSlo('ratio', { alerting: baseAlerting(alerting) });
    expect(validateSlo(slo, baseRegistry())).toEqual([{ path, message: expect.stringContaining(message) }]);
  });

  test('alert labels may route to another team and set sloth_severity to their own tier', () => {
    const alerting = baseAlerting({
      name: 'checkout:HighErrorRate',
      pageLabels: { team: 'web', tier: '3', sloth_severity: 'page' },
      ticketLabels: { sloth_severity: 'ticket', sloth_slo: 'ratio' },
    });
    expect(validateSlo(baseSlo('ratio', { alerting }), baseRegistry())).toEqual([]);
  });
});
