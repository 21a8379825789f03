import { parse } from 'yaml';
import { buildSloDashboard } from '../dashboards/sloPage';
import { exportOpenSlo } from '../io/opensloExport';
import { baseRegistry } from '../testing/builders';
import { baseAdjustment, withAdjustments } from './fixtures';
import { ADJUSTMENTS_ANNOTATION } from './opensloAnnotations';

const approved = baseAdjustment();
const pending = baseAdjustment({ id: 'pending', approval: undefined, sloIds: ['checkout-ratio'] });
const doc = withAdjustments(baseRegistry(), [approved, pending]);

describe('adjustments on the SLO page', () => {
  test("are annotations whose query is each window's mask, approved and pending told apart", () => {
    const annotations = buildSloDashboard(doc, 'checkout-ratio').annotations.filter((item) =>
      item.name.startsWith('Adjustment')
    );
    expect(annotations).toEqual([
      expect.objectContaining({
        name: 'Adjustment db-upgrade',
        datasource: 'prometheus',
        expr: `(vector(time()) >= ${Date.parse(approved.start!) / 1000} < ${Date.parse(approved.end!) / 1000})`,
        title: 'Budget adjustment (approved by ana) — maintenance: Database upgrade CHG-311',
        color: 'green',
      }),
      expect.objectContaining({ name: 'Adjustment pending', color: 'orange' }),
    ]);
  });

  test('only those covering the SLO', () => {
    const names = buildSloDashboard(doc, 'checkout-latency').annotations.map((item) => item.name);
    expect(names).toContain('Adjustment db-upgrade');
    expect(names).not.toContain('Adjustment pending');
  });
});

describe('adjustments in the OpenSLO export', () => {
  const documents = exportOpenSlo(doc)
    .split(/^---$/m)
    .map((text) => parse(text) as { kind: string; metadata: { name: string; annotations?: Record<string, string> } });
  const slo = (name: string) => documents.find((item) => item.kind === 'SLO' && item.metadata.name === name)!;

  test('ride along as an annotation of each SLO they cover, approval included', () => {
    expect(JSON.parse(slo('checkout-ratio').metadata.annotations![ADJUSTMENTS_ANNOTATION])).toEqual([
      approved,
      pending,
    ]);
    expect(JSON.parse(slo('checkout-latency').metadata.annotations![ADJUSTMENTS_ANNOTATION])).toEqual([approved]);
  });

  test('leave SLOs without adjustments as they were', () => {
    const plain = exportOpenSlo(baseRegistry());
    expect(plain).not.toContain(ADJUSTMENTS_ANNOTATION);
  });
});
