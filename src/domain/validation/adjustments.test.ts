import { baseAdjustment, withAdjustments } from '../adjustments/fixtures';
import { BudgetAdjustment } from '../model';
import { baseRegistry } from '../testing/builders';
import { validateRegistry } from './registry';
import { validateService } from './service';

const weekly = (recurrence: Record<string, unknown>, overrides: Partial<BudgetAdjustment> = {}) =>
  baseAdjustment({
    ...overrides,
    start: undefined,
    end: undefined,
    recurrence: { weekdays: [0], start: '02:00', duration: '2h', timeZone: 'Europe/Berlin', ...recurrence },
  } as Partial<BudgetAdjustment>);

const problemsOf = (adjustments: unknown[]) =>
  validateRegistry(withAdjustments(baseRegistry(), adjustments as BudgetAdjustment[]));

const PATH = 'services[0].budgetPolicy.adjustments[0]';

describe("a service's budget adjustments", () => {
  test('accept a one-off and a weekly window, approved or pending', () => {
    expect(
      problemsOf([
        baseAdjustment(),
        weekly({}, { id: 'weekly' }),
        weekly({ weekdays: [3] }, { id: 'w2', approval: undefined }),
      ])
    ).toEqual([]);
  });

  test.each([
    [{ end: '2026-11-28T01:00:00Z' }, `${PATH}.end`, /end must be after start/],
    [{ end: '2026-11-28T02:00:00Z' }, `${PATH}.end`, /end must be after start/],
    [{ start: 'tomorrow' }, `${PATH}.start`, /ISO 8601/],
    [{ end: undefined }, `${PATH}.end`, /end is required/],
    [{ kind: 'outage' }, `${PATH}.kind`, /kind must be one of/],
    [{ reason: ' ' }, `${PATH}.reason`, /must not be empty/],
    [{ silenceAlerts: 'yes' }, `${PATH}.silenceAlerts`, /true or false/],
    [{ approval: { by: 'ana' } }, `${PATH}.approval.at`, /at is required/],
    [{ sloIds: ['payments-ratio'] }, `${PATH}.sloIds[0]`, /not an SLO of service "checkout"/],
    [{ id: 'Not a slug' }, `${PATH}.id`, /slug/],
  ])('name the field: %o', (patch, path, message) => {
    const found = problemsOf([{ ...baseAdjustment(), ...patch }]);
    expect(found).toEqual([expect.objectContaining({ path, message: expect.stringMatching(message) })]);
  });

  test.each([
    [{ duration: '0s' }, 'duration', /more than zero and at most a week/],
    [{ duration: '8d' }, 'duration', /more than zero and at most a week/],
    [{ duration: 'two hours' }, 'duration', /Prometheus duration/],
    [{ timeZone: 'Mars/Olympus' }, 'timeZone', /IANA time zone/],
    [{ start: '25:00' }, 'start', /HH:MM/],
    [{ weekdays: [] }, 'weekdays', /at least one day/],
    [{ weekdays: [7] }, 'weekdays[0]', /0 \(Sunday\) to 6/],
    [{ weekdays: [1, 1] }, 'weekdays[1]', /listed twice/],
  ])('name the field of a weekly window: %o', (patch, field, message) => {
    const found = problemsOf([weekly(patch)]);
    expect(found).toEqual([
      expect.objectContaining({ path: `${PATH}.recurrence.${field}`, message: expect.stringMatching(message) }),
    ]);
  });

  test('a week is the longest weekly window', () => {
    expect(problemsOf([weekly({ duration: '1w' })])).toEqual([]);
  });

  test('are one-off or weekly, not both', () => {
    const both = { ...weekly({}), start: '2026-11-28T02:00:00Z', end: '2026-11-28T04:00:00Z' };
    expect(problemsOf([both])).toEqual([
      expect.objectContaining({ path: `${PATH}.recurrence`, message: expect.stringMatching(/not both/) }),
    ]);
  });

  test('overlapping windows of one SLO are allowed with a warning on the later one', () => {
    const later = baseAdjustment({ id: 'later', start: '2026-11-28T03:00:00Z', end: '2026-11-28T05:00:00Z' });
    // Saturday 2026-11-28 03:30 Berlin is 02:30 UTC: inside the one-off window
    const saturday = weekly({ weekdays: [6], start: '03:30', duration: '30m' }, { id: 'saturday' });
    const elsewhere = baseAdjustment({ id: 'elsewhere', start: '2026-11-29T03:00:00Z', end: '2026-11-29T05:00:00Z' });
    const found = problemsOf([baseAdjustment(), later, saturday, elsewhere]);
    expect(found).toEqual([
      expect.objectContaining({
        path: 'services[0].budgetPolicy.adjustments[1]',
        message: expect.stringMatching(/overlaps adjustment "db-upgrade"/),
        severity: 'warning',
      }),
      expect.objectContaining({ path: 'services[0].budgetPolicy.adjustments[2]', severity: 'warning' }),
    ]);
  });

  test('windows of different SLOs may overlap without a warning', () => {
    const first = baseAdjustment({ sloIds: ['checkout-ratio'] });
    const second = baseAdjustment({ id: 'second', sloIds: ['checkout-latency'] });
    expect(problemsOf([first, second])).toEqual([]);
  });

  test('repeated ids are refused', () => {
    expect(
      problemsOf([baseAdjustment(), baseAdjustment({ start: '2026-12-01T00:00:00Z', end: '2026-12-02T00:00:00Z' })])
    ).toEqual([expect.objectContaining({ path: 'services[0].budgetPolicy.adjustments[1].id' })]);
  });

  test('a form sees the paths relative to the service', () => {
    const doc = withAdjustments(baseRegistry(), [baseAdjustment({ end: '2026-11-28T01:00:00Z' })]);
    expect(validateService(doc.services[0], doc).map((problem) => problem.path)).toEqual([
      'budgetPolicy.adjustments[0].end',
    ]);
  });
});
