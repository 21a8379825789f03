import { parse } from 'yaml';
import { parseRegistryYaml } from '../../domain/io/native';
import { baseRegistry, baseSlo } from '../../domain/testing/builders';
import { alertmanagerDownload, ruleDownloads, sloAsNativeYaml, sloAsOpenSlo } from './ruleFiles';

function registry(slothSeries = true) {
  const doc = baseRegistry();
  doc.slos.push(baseSlo('ratio', { id: 'payments-ratio', serviceId: 'payments' }));
  doc.settings.slothSeries = slothSeries;
  return doc;
}

const alertsIn = (text: string) =>
  (parse(text).groups as Array<{ rules: Array<{ alert?: string; labels: Record<string, string> }> }>)
    .flatMap((group) => group.rules)
    .filter((rule) => rule.alert);
const groupNames = (text: string) => (parse(text).groups as Array<{ name: string }>).map((group) => group.name);

describe('rule downloads', () => {
  test('the Alertmanager configuration routes the alerts of every service with SLOs', () => {
    const file = alertmanagerDownload(registry());
    expect(file.fileName).toBe('alertmanager.yaml');
    const services = parse(file.text).route.routes[0].routes as Array<{ matchers: string[] }>;
    expect(services.map((route) => route.matchers)).toEqual([
      ['sloth_service="checkout"'],
      ['sloth_service="payments"'],
    ]);
  });

  test("one SLO: its Prometheus groups, and the registry's shared rules apart", () => {
    const [file, shared, ...rest] = ruleDownloads(registry(), { kind: 'slo', id: 'payments-ratio' });
    expect(rest).toEqual([]);
    expect(shared.fileName).toBe('registry.shared.rules.yaml');
    expect(groupNames(shared.text)).toEqual(['slo-shared.ratios', 'slo-shared.tiled', 'slo-shared.budget']);
    expect(file.fileName).toBe('slo-payments-ratio.rules.yaml');
    expect(groupNames(file.text)).toEqual([
      'slo-payments-ratio',
      'slo-payments-ratio-1m',
      'slo-payments-ratio-increase1h',
    ]);
  });

  test('one service, with a Loki file for its log SLI', () => {
    const downloads = ruleDownloads(registry(), { kind: 'service', id: 'checkout' });
    expect(downloads.map((item) => item.fileName)).toEqual([
      'service-checkout.rules.yaml',
      'service-checkout.loki.rules.yaml',
      'registry.shared.rules.yaml',
    ]);
    // the same shared file whatever the scope: loaded once, it serves every service's SLOs
    expect(downloads[2].text).toBe(ruleDownloads(registry(), { kind: 'slo', id: 'payments-ratio' })[1].text);
    expect(groupNames(downloads[0].text)).not.toContain('slo-payments-ratio');
    // the service's file holds its alerts itself, so that it stands alone
    expect(alertsIn(downloads[0].text).map((rule) => rule.labels.sloth_service)).toContain('checkout');
    expect(groupNames(downloads[0].text)).not.toContain('registry.alerts');
    expect(groupNames(downloads[1].text)).toEqual(['slo-checkout-logratio-sli', 'slo-checkout-logratio-increase1h']);
  });

  test('all SLOs in one file', () => {
    const [all] = ruleDownloads(registry(), { kind: 'all' });
    expect(all.fileName).toBe('slos.rules.yaml');
    // the alerts registry-wide, no SLO has a group run every evaluation
    expect(groupNames(all.text)).toContain('slo-payments-ratio-1m');
    expect(groupNames(all.text)).not.toContain('slo-payments-ratio');
    // the SLOs of checkout share their groups
    expect(groupNames(all.text)).toContain('service-checkout.slos-1m');
    expect(groupNames(all.text)).not.toContain('slo-checkout-ratio-1m');
    expect(groupNames(all.text).slice(-3)).toEqual(['slo-shared.ratios', 'slo-shared.tiled', 'slo-shared.budget']);
    // the alerts of every SLO are the registry-wide rules
    expect(groupNames(all.text)).toEqual(expect.arrayContaining(['registry.alerts', 'registry.alerts-1m']));
    const groups = parse(all.text).groups as Array<{ name: string; rules: Array<{ alert?: string }> }>;
    const alerting = groups.filter((group) => group.rules.some((rule) => rule.alert));
    expect(alerting.map((group) => group.name)).toEqual(['registry.alerts', 'registry.alerts-1m']);
  });

  test("without Sloth's series there is no shared file, in any scope", () => {
    const doc = registry(false);
    expect(ruleDownloads(doc, { kind: 'slo', id: 'payments-ratio' }).map((item) => item.fileName)).toEqual([
      'slo-payments-ratio.rules.yaml',
    ]);
    expect(ruleDownloads(doc, { kind: 'service', id: 'checkout' }).map((item) => item.fileName)).toEqual([
      'service-checkout.rules.yaml',
      'service-checkout.loki.rules.yaml',
    ]);
    const [all] = ruleDownloads(doc, { kind: 'all' });
    expect(groupNames(all.text).filter((name) => name.startsWith('slo-shared'))).toEqual([]);
  });

  test('one SLO as OpenSLO and as native YAML that imports back', () => {
    const doc = registry();
    expect(sloAsOpenSlo(doc, 'payments-ratio')).toMatch(/kind: SLO\n[\s\S]*name: payments-ratio/);
    const native = parseRegistryYaml(sloAsNativeYaml(doc, 'payments-ratio'));
    expect(native.doc?.slos.map((slo) => slo.id)).toEqual(['payments-ratio']);
    expect(native.doc?.people.map((person) => person.id)).toEqual(['bruno']);
  });
});
