import { parse } from 'yaml';
import { buildDebugDashboard, buildOnCallDashboard } from '../dashboards';
import { buildSloDashboard } from '../dashboards/sloPage';
import { demoRegistry } from '../dashboards/testing/fixtures';
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

describe('adjustments on the service views', () => {
  const demoDoc = withAdjustments(demoRegistry(), [
    // every SLO of checkout, approved
    baseAdjustment(),
    // only checkout-availability, still pending
    baseAdjustment({ id: 'known-cause', kind: 'knownCause', sloIds: ['checkout-availability'], approval: undefined }),
  ]);
  const namesOf = (annotations: Array<{ name: string }>) => annotations.map((annotation) => annotation.name);

  test("the service's on-call and debug views draw each of its adjustments once, naming the SLOs of a partial one", () => {
    const onCall = buildOnCallDashboard(demoDoc, 'checkout').annotations;
    expect(namesOf(onCall)).toEqual(['Deploys', 'Adjustment db-upgrade', 'Adjustment known-cause']);
    expect(namesOf(buildDebugDashboard(demoDoc, 'checkout').annotations)).toEqual([
      'Adjustment db-upgrade',
      'Adjustment known-cause',
    ]);
    const [all, partial] = onCall.slice(1);
    expect(all).toMatchObject({
      color: 'green',
      title: expect.stringMatching(/^Budget adjustment \(approved by ana\)/),
    });
    expect(partial).toMatchObject({
      color: 'orange',
      title: expect.stringMatching(/^Budget adjustment of checkout-availability \(pending approval\)/),
    });
  });

  test("an SLO's page draws the adjustments that cover it, once, and not those of its service's other SLOs", () => {
    const availability = namesOf(buildSloDashboard(demoDoc, 'checkout-availability').annotations);
    expect(availability.filter((name) => name.startsWith('Adjustment'))).toEqual([
      'Adjustment db-upgrade',
      'Adjustment known-cause',
    ]);
    const other = demoDoc.slos.find((slo) => slo.serviceId === 'checkout' && slo.id !== 'checkout-availability')!;
    expect(
      namesOf(buildSloDashboard(demoDoc, other.id).annotations).filter((name) => name.startsWith('Adjustment'))
    ).toEqual(['Adjustment db-upgrade']);
  });

  test('a service without adjustments has none', () => {
    expect(namesOf(buildDebugDashboard(demoRegistry(), 'checkout').annotations)).toEqual([]);
  });
});
