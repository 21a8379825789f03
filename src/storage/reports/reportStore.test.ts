import { PLUGIN_ID } from '../../constants';
import { buildReport } from '../../domain/reports/compute';
import { answersFor, NOW, reportRegistry } from '../../domain/reports/fixtures';
import { planReport } from '../../domain/reports/plan';
import { PeriodReport } from '../../domain/reports/types';
import { createFakeGrafana } from '../testing/fakeGrafana';
import { apiAs } from '../testing/asUser';
import { adminUser, otherAdminUser } from '../testing/users';
import { freezeReport, readFrozenReport, signOffReport } from './reportStore';
import { REPORT_TAG, reportUid } from './reportDocuments';

const doc = reportRegistry();

function novemberReport(errors: number): PeriodReport {
  const plan = planReport(doc, '2026-11', NOW);
  if ('message' in plan) {
    throw new Error(plan.message);
  }
  return buildReport(doc, plan, answersFor(plan, { 'checkout-availability': { period: { errors, total: 100_000 } } }));
}

function setUp() {
  const server = createFakeGrafana(PLUGIN_ID, { registry: doc });
  return { server, api: apiAs(server, adminUser), other: apiAs(server, otherAdminUser) };
}

describe('report store', () => {
  test('no kept report is read as none, without reading a missing document', async () => {
    const { api } = setUp();
    expect(await readFrozenReport(api, '2026-11')).toEqual({ ok: true });
  });

  test('a kept report is read back as kept, in its own document beside the registry', async () => {
    const { api, server } = setUp();
    const kept = await freezeReport(api, novemberReport(30), 'ana', new Date(NOW));
    expect(kept).toMatchObject({ ok: true, stored: { version: 1, frozen: { frozenBy: 'ana', signOffs: {} } } });
    const read = await readFrozenReport(api, '2026-11');
    expect(read.ok && read.stored?.frozen.report).toEqual(novemberReport(30));
    const stored = JSON.parse(server.snapshot()) as unknown;
    expect(JSON.stringify(stored)).toContain(reportUid('2026-11'));
    expect(JSON.stringify(stored)).toContain(REPORT_TAG);
  });

  test('the first kept report stays: a second computation of the same period gets the first back', async () => {
    const { api, other } = setUp();
    await freezeReport(api, novemberReport(30), 'ana', new Date(NOW));
    const second = await freezeReport(other, novemberReport(900), 'bruno', new Date(NOW + 60_000));
    expect(second.ok && second.stored?.frozen).toMatchObject({ frozenBy: 'ana', report: novemberReport(30) });
  });

  test('a running period is not kept', async () => {
    const { api } = setUp();
    const report = { ...novemberReport(30), status: 'inProgress' as const };
    expect(await freezeReport(api, report, 'ana')).toMatchObject({
      ok: false,
      message: expect.stringContaining('not final'),
    });
  });

  test('a sign-off is recorded with who and when and keeps the figures; a second one keeps the first', async () => {
    const { api, other } = setUp();
    await freezeReport(api, novemberReport(30), 'ana', new Date(NOW));
    const signed = await signOffReport(api, '2026-11', 'ana', { by: 'ana', at: '2026-12-07T09:00:00.000Z' });
    expect(signed.ok && signed.stored?.frozen.signOffs).toEqual({ ana: { by: 'ana', at: '2026-12-07T09:00:00.000Z' } });
    const again = await signOffReport(other, '2026-11', 'ana', { by: 'bruno', at: '2026-12-08T09:00:00.000Z' });
    expect(again.ok && again.stored?.frozen.signOffs.ana.by).toBe('ana');
    const read = await readFrozenReport(api, '2026-11');
    expect(read.ok && read.stored?.frozen.report).toEqual(novemberReport(30));
  });

  test('two owners signing at once both end up recorded (the loser reads again)', async () => {
    const { api, other } = setUp();
    await freezeReport(api, novemberReport(30), 'ana', new Date(NOW));
    const [a, b] = await Promise.all([
      signOffReport(api, '2026-11', 'ana', { by: 'ana', at: '2026-12-07T09:00:00.000Z' }),
      signOffReport(other, '2026-11', 'bruno', { by: 'bruno', at: '2026-12-07T09:00:01.000Z' }),
    ]);
    expect([a.ok, b.ok]).toEqual([true, true]);
    const read = await readFrozenReport(api, '2026-11');
    expect(Object.keys(read.ok ? (read.stored?.frozen.signOffs ?? {}) : {}).sort()).toEqual(['ana', 'bruno']);
  });

  test('a period that is not kept cannot be signed off', async () => {
    const { api } = setUp();
    expect(await signOffReport(api, '2026-11', 'ana', { by: 'ana', at: '2026-12-07T09:00:00.000Z' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('not kept yet'),
    });
  });
});
