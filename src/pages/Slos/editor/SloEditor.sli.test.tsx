import { fireEvent, screen, within } from '@testing-library/react';
import { testIds } from '../../../components/testIds';
import { storedRegistry, writes } from '../../testing/registryHarness';
import { pick, prometheusLookups, renderEditor, RESOURCES, settle, type } from '../testing/editorHarness';
import { queryTestId } from './sli/SliFields';

async function startNew(name: string) {
  const rendered = renderEditor({ routes: prometheusLookups() });
  await screen.findByTestId(testIds.sloEditor.form);
  type(screen.getByTestId(testIds.sloEditor.name), name);
  return rendered;
}

function chooseKind(label: string) {
  fireEvent.click(within(screen.getByTestId(testIds.sloEditor.kind)).getByLabelText(label));
}

function openTemplate() {
  fireEvent.click(within(screen.getByTestId(testIds.sloEditor.template)).getByRole('button'));
}

async function save() {
  fireEvent.click(screen.getByTestId(testIds.sloEditor.save));
  await settle(50);
}

const review = () => screen.getByTestId(testIds.sloEditor.review).textContent ?? '';

jest.setTimeout(20000);

describe('SLO editor: each SLI kind from template to generated rule', () => {
  test('ratio from the HTTP availability template: metric, service and status labels from Prometheus', async () => {
    const { server, backend } = await startNew('Checkout availability');
    openTemplate();
    await settle();
    await pick(screen.getByTestId(testIds.sloEditor.templateMetric), 'http_requests_total');
    // the service's selector {service="checkout"} is the starting matcher; `code` is guessed as status label
    fireEvent.click(screen.getByTestId(testIds.sloEditor.templateApply));
    expect(screen.getByTestId(queryTestId('sli.bad'))).toHaveValue(
      'http_requests_total{service="checkout", code=~"5.."}'
    );
    expect(screen.getByTestId(queryTestId('sli.total'))).toHaveValue('http_requests_total{service="checkout"}');
    expect(backend.requests.map((request) => [request.url, request.params['match[]']])).toEqual(
      expect.arrayContaining([
        [`${RESOURCES}/label/__name__/values`, undefined],
        [`${RESOURCES}/labels`, 'http_requests_total'],
        [`${RESOURCES}/label/service/values`, 'http_requests_total'],
      ])
    );
    await settle(10);
    expect(review()).toContain(
      'record: slo:sli_total:increase5m\n        expr: sum(increase(http_requests_total{service="checkout"}[5m]))'
    );
    // the errors read the total recorded just before them
    expect(review()).toContain(
      'record: slo:sli_error:increase5m\n        expr: sum(increase(http_requests_total{service="checkout", code=~"5.."}[5m])) or (0 * sum(slo:sli_total:increase5m{sloth_id="checkout-availability"}))'
    );
    // the registry does not record Sloth's series: no shared rules, the alerts sum the increases
    expect(review()).not.toContain('Shared rules of the registry');
    expect(review()).toContain(
      'max without (sloth_window) (slo:sli_error:increase5m{sloth_id="checkout-availability"} / slo:sli_total:increase5m{sloth_id="checkout-availability"}) > (14.4 * 0.001)'
    );
    await save();
    expect(storedRegistry(server).slos.find((slo) => slo.id === 'checkout-availability')?.sli).toEqual({
      kind: 'ratio',
      bad: 'http_requests_total{service="checkout", code=~"5.."}',
      total: 'http_requests_total{service="checkout"}',
    });
  });

  test('latency from the _bucket template: the threshold is one of the real le buckets', async () => {
    const { server, backend } = await startNew('Checkout latency fast');
    chooseKind('Latency');
    openTemplate();
    await settle();
    await pick(screen.getByTestId(testIds.sloEditor.templateMetric), 'http_request_duration_seconds_bucket');
    await settle();
    expect(backend.requests).toContainEqual(
      expect.objectContaining({
        url: `${RESOURCES}/label/le/values`,
        params: expect.objectContaining({ 'match[]': 'http_request_duration_seconds_bucket{service="checkout"}' }),
      })
    );
    await pick(screen.getByTestId(testIds.sloEditor.bucket), '0.25s', { custom: false });
    fireEvent.click(screen.getByTestId(testIds.sloEditor.templateApply));
    expect(screen.getByText('Buckets of the histogram: 0.1, 0.25, 0.5, 1, 2.5')).toBeInTheDocument();
    await settle(10);
    expect(review()).toContain('http_request_duration_seconds_bucket{service="checkout", le="0.25"}[5m]');
    await save();
    expect(storedRegistry(server).slos.find((slo) => slo.id === 'checkout-latency-fast')?.sli).toEqual({
      kind: 'latency',
      histogram: 'http_request_duration_seconds_bucket{service="checkout"}',
      threshold: 0.25,
      buckets: [0.1, 0.25, 0.5, 1, 2.5],
    });
  });

  test('freeform: the {{window}} expression becomes every window of the rules', async () => {
    const { server } = await startNew('Checkout error ratio');
    chooseKind('Freeform');
    type(
      screen.getByTestId(queryTestId('sli.errorRatio')),
      'sum(rate(errors_total[{{window}}])) / sum(rate(requests_total[{{window}}]))'
    );
    await settle(10);
    expect(review()).toContain('expr: sum(rate(errors_total[1h])) / sum(rate(requests_total[1h]))');
    await save();
    expect(storedRegistry(server).slos.find((slo) => slo.id === 'checkout-error-ratio')?.sli.kind).toBe('freeform');
  });

  test('log ratio: LogQL counts on the Loki ruler, burn rates on Prometheus', async () => {
    const { server } = await startNew('Checkout log errors');
    chooseKind('Log ratio');
    type(screen.getByTestId(queryTestId('sli.bad')), '{service="checkout"} |= "level=error"');
    type(screen.getByTestId(queryTestId('sli.total')), '{service="checkout"}');
    await settle(10);
    expect(screen.getByText('Loki ruler rules')).toBeInTheDocument();
    expect(review()).toContain('sum(count_over_time({service="checkout"} |= "level=error" [5m]))');
    await save();
    expect(storedRegistry(server).slos.find((slo) => slo.id === 'checkout-log-errors')?.sli).toEqual({
      kind: 'logRatio',
      bad: '{service="checkout"} |= "level=error"',
      total: '{service="checkout"}',
    });
  });

  test('an invalid PromQL query is shown as the user types and blocks the save with its message', async () => {
    const { server } = await startNew('Broken');
    chooseKind('Freeform');
    type(screen.getByTestId(queryTestId('sli.errorRatio')), 'sum(rate(errors_total[{{window}}])');
    expect(screen.getByText('"(" is never closed: add ")" at column 4')).toBeInTheDocument();
    expect(screen.getByText(/The rules are shown once the SLO is valid/)).toBeInTheDocument();
    await save();
    expect(writes(server)).toBe(0);
    expect(screen.getByText('Nothing was saved: fix the fields marked in red')).toBeInTheDocument();
    expect(
      screen.getByText('sli.errorRatio: errorRatio is not valid PromQL: "(" is never closed: add ")" at column 4')
    ).toBeInTheDocument();
  });
});
