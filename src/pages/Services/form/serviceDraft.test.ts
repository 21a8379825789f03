import { baseService } from '../../../domain/testing/builders';
import { validateService } from '../../../domain/validation/service';
import { draftOf, emptyDraft, serviceOf } from './serviceDraft';

describe('service draft', () => {
  test('a service survives the round trip through the form', () => {
    const service = baseService();
    expect(serviceOf(draftOf(service), service)).toEqual(service);
  });

  test("the policy's sign-off and exceptions, which the form does not edit, are kept", () => {
    const service = baseService({ budgetPolicy: { signOff: { by: 'ana', at: '2026-11-02T09:00:00Z' } } });
    expect(serviceOf(draftOf(service), service).budgetPolicy).toEqual(service.budgetPolicy);
  });

  test('blank optional fields are left out and the selector defaults from the id', () => {
    const service = serviceOf({ ...emptyDraft(), id: 'search', name: 'Search' });
    expect(service).toEqual({
      id: 'search',
      name: 'Search',
      tier: 3,
      lifecycle: 'production',
      impact: { revenue: false, compliance: false, customerFacing: false, sla: false },
      owners: {},
      kpis: [],
      links: [],
      costTags: {},
      selector: '{service="search"}',
      dependsOn: [],
      ownerHistory: [],
    });
    expect(validateService(service)).toEqual([]);
  });

  test('what cannot be read is passed on for the validator to name', () => {
    const draft = { ...emptyDraft(), id: 'search', name: 'Search' };
    draft.kpis = [
      {
        id: 'conv',
        name: 'Conversion',
        query: 'sum(rate(orders_total[5m]))',
        unit: '',
        target: 'lots',
        direction: 'higher',
      },
    ];
    draft.links = [{ type: 'runbook', title: 'Runbook', url: 'javascript:alert(1)' }];
    const paths = validateService(serviceOf(draft)).map((problem) => problem.path);
    expect(paths).toEqual(['kpis[0].target', 'links[0].url']);
  });

  test('escalation is split on commas', () => {
    expect(serviceOf({ ...emptyDraft(), id: 'a', name: 'A', escalation: ' ana, ops-team ,' }).onCall).toEqual({
      escalation: ['ana', 'ops-team'],
    });
  });
});
