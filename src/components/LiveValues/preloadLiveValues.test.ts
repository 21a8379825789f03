import { showsLiveValues } from './preloadLiveValues';

describe('showsLiveValues', () => {
  test.each([
    ['/a/bizowner-slo-app/services', true],
    ['/grafana/a/bizowner-slo-app/services/', true],
    ['/a/bizowner-slo-app/slos', true],
    ['/a/bizowner-slo-app/governance', true],
    ['/a/bizowner-slo-app/people/ana', true],
    ['/a/bizowner-slo-app/services/checkout/slos', true],
    ['/a/bizowner-slo-app/services/checkout', false],
    ['/a/bizowner-slo-app/services/checkout/oncall', false],
    ['/a/bizowner-slo-app/slos/checkout-ratio/edit', false],
    ['/a/bizowner-slo-app/people', false],
    ['/plugins/bizowner-slo-app', false],
  ])('%s: %s', (path, expected) => {
    expect(showsLiveValues(path)).toBe(expected);
  });
});
