import { fireEvent, screen, within } from '@testing-library/react';
import { testIds } from '../../../components/testIds';
import { readOnlyMessage } from '../../../storage/messages';
import { viewerUser } from '../../../storage/testing/users';
import { registryWithPrometheus, renderEditor, settle, type } from '../testing/editorHarness';
import { budgetInTime } from './ObjectiveSection';
import { queryTestId } from './sli/SliFields';

jest.setTimeout(20000);

/**
 * A field's label, matched at the start of its `<label>`: Grafana's label also holds the field's
 * description, right after the label's text.
 */
function labelled(label: string): RegExp {
  return new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\s)`);
}

describe('SLO editor sections', () => {
  test.each([
    [99.9, '30d', '99.9% over 30 days allows 43m 12s of errors'],
    [99.5, '7d', '99.5% over 7 days allows 50m 24s of errors'],
    [99, '28d', '99% over 28 days allows 6h 43m 12s of errors'],
    [99.9, 'calendar-month', '99.9% over this calendar month (28 days) allows 40m 19s of errors'],
    [99.9, 'calendar-quarter', '99.9% over this calendar quarter (90 days) allows 2h 9m 36s of errors'],
    [99.9, 'calendar-week', '99.9% over this calendar week (7 days) allows 10m 5s of errors'],
  ])('budget in time: %s%% over %s', (objective, window, text) => {
    expect(budgetInTime(objective, window, new Date(Date.UTC(2026, 1, 10)))).toBe(text);
  });

  test('a calendar month is the month of the SLO time zone', () => {
    // 28 February 23:30 UTC is already March in Berlin
    expect(budgetInTime(99.9, 'calendar-month', new Date(Date.UTC(2026, 1, 28, 23, 30)), 'Europe/Berlin')).toBe(
      '99.9% over this calendar month (31 days) allows 44m 38s of errors'
    );
  });

  test('a calendar window asks for its time zone; a rolling one does not', async () => {
    renderEditor({ sloId: 'checkout-ratio' });
    await screen.findByTestId(testIds.sloEditor.form);
    const windows = within(screen.getByTestId(testIds.sloEditor.window));
    fireEvent.click(windows.getByLabelText('30d'));
    expect(screen.queryByTestId(testIds.sloEditor.timeZone)).not.toBeInTheDocument();
    fireEvent.click(windows.getByLabelText('Calendar quarter'));
    expect(screen.getByTestId(testIds.sloEditor.timeZone)).toBeInTheDocument();
    expect(screen.getByTestId(testIds.sloEditor.budgetTime)).toHaveTextContent('over this calendar quarter');
  });

  test('every field is named by its label, and each group of choices by its own', async () => {
    renderEditor({ sloId: 'checkout-ratio' });
    await screen.findByTestId(testIds.sloEditor.form);
    const byLabel: Array<[string, string]> = [
      ['Service', testIds.sloEditor.service],
      ['Name', testIds.sloEditor.name],
      ['Id', testIds.sloEditor.id],
      ['Objective (%)', testIds.sloEditor.objective],
      ['Runbook URL', testIds.sloEditor.runbook],
      ['Alert name', testIds.sloEditor.alertName],
      ['Minimum events', testIds.sloEditor.minEvents],
      ['All events', queryTestId('sli.total')],
    ];
    for (const [label, testId] of byLabel) {
      expect(screen.getByLabelText(labelled(label), { selector: 'input, textarea' })).toBe(screen.getByTestId(testId));
    }
    for (const label of [
      'Description',
      'Burn-rate alerts',
      'Freeze releases',
      'When the burn rate is above',
      'Or when less budget is left than (%)',
      'Escalate to the business owner',
    ]) {
      // throws when the label is there but names no control
      expect(screen.getByLabelText(labelled(label))).toBeInTheDocument();
    }
    expect(screen.getByLabelText(labelled('Bad events'), { selector: 'textarea' })).toBe(
      screen.getByTestId(queryTestId('sli.bad'))
    );
    for (const group of ['Kind', 'The counter counts', 'Window', 'Alert windows']) {
      expect(screen.getByLabelText(group, { selector: '[role="radiogroup"]' })).toBeInTheDocument();
    }
    expect(screen.getByLabelText('Labels of paging alerts', { selector: '[role="group"]' })).toBeInTheDocument();
  });

  test('the objective field translates the budget into time as it changes', async () => {
    renderEditor({ sloId: 'checkout-ratio' });
    const budget = await screen.findByTestId(testIds.sloEditor.budgetTime);
    expect(budget).toHaveTextContent('99.9% over 30 days allows 43m 12s of errors');
    type(screen.getByTestId(testIds.sloEditor.objective), '99.99');
    expect(budget).toHaveTextContent('99.99% over 30 days allows 4m 19s of errors');
    fireEvent.click(within(screen.getByTestId(testIds.sloEditor.window)).getByLabelText('7d'));
    expect(budget).toHaveTextContent('99.99% over 7 days allows 1m 0s of errors');
    type(screen.getByTestId(testIds.sloEditor.objective), '100');
    expect(budget).toHaveTextContent('Enter an objective between 0 and 100 to see its error budget.');
  });

  test('alert tiers: factor, windows, severity and budget spent; a tier switched off leaves the rules', async () => {
    renderEditor({ sloId: 'checkout-ratio' });
    const tiers = await screen.findByTestId(testIds.sloEditor.tiers);
    const rows = within(tiers)
      .getAllByRole('row')
      .map((row) => row.textContent);
    expect(rows.slice(1)).toEqual([
      'page-fastpage14.4x1h5m2%',
      'page-slowpage6x6h30m5%',
      'ticket-fastticket3x1d2h10%',
      'ticket-slowticket1x3d6h10%',
    ]);
    expect(screen.getByTestId(testIds.sloEditor.review)).toHaveTextContent('burn_tier: page-slow');
    fireEvent.click(within(tiers).getByLabelText('Alert on tier page-slow'));
    expect(screen.getByTestId(testIds.sloEditor.review)).not.toHaveTextContent('burn_tier: page-slow');
  });

  test('a runbook URL must be http(s)', async () => {
    const { server } = renderEditor({ sloId: 'checkout-ratio' });
    type(await screen.findByTestId(testIds.sloEditor.runbook), 'javascript:alert(1)');
    fireEvent.click(screen.getByTestId(testIds.sloEditor.save));
    await settle(50);
    expect(screen.getAllByText(/"javascript:" URLs are refused/).length).toBeGreaterThan(0);
    expect(server.requests.filter((request) => request.method === 'POST')).toHaveLength(0);
  });

  test('the alert name goes into the rules; one that is no Prometheus alert name is refused next to the field', async () => {
    const { server } = renderEditor({ sloId: 'checkout-ratio' });
    const name = await screen.findByTestId(testIds.sloEditor.alertName);
    expect(name).toHaveAttribute('placeholder', 'SLOErrorBudgetBurn');
    type(name, 'CheckoutHighErrorRate');
    expect(screen.getByTestId(testIds.sloEditor.review)).toHaveTextContent('alert: CheckoutHighErrorRate');
    type(name, 'checkout high errors');
    fireEvent.click(screen.getByTestId(testIds.sloEditor.save));
    await settle(50);
    expect(screen.getAllByText(/must be a Prometheus alert name/).length).toBeGreaterThan(0);
    expect(server.requests.filter((request) => request.method === 'POST')).toHaveLength(0);
  });

  test('the budget policy names the business owner it escalates to', async () => {
    renderEditor({ sloId: 'checkout-ratio' });
    expect(await screen.findByTestId(testIds.sloEditor.businessOwner)).toHaveTextContent(
      'Escalates to the business owner of the service: Ana Lima <ana@example.com>'
    );
  });

  test('preview: no series is "no data" with the wrong-selector explanation, never 100%', async () => {
    const { dataSources } = renderEditor({ sloId: 'checkout-ratio', answer: () => [] });
    const noData = await screen.findByTestId(testIds.sloEditor.previewNoData, {}, { timeout: 3000 });
    expect(noData).toHaveTextContent(
      'No series match the SLI over this window: check the metric name and the label matchers'
    );
    expect(screen.getByTestId(testIds.sloEditor.preview)).not.toHaveTextContent('100');
    const summary = dataSources.requests[0].request.targets.map(
      (target) => (target as unknown as { expr: string }).expr
    );
    expect(summary).toEqual([
      '(sum(rate(http_requests_total{service="checkout",code=~"5.."}[30d])) or (0 * sum(rate(http_requests_total{service="checkout"}[30d])))) / (sum(rate(http_requests_total{service="checkout"}[30d])))',
      'count(last_over_time(http_requests_total{service="checkout"}[30d]))',
      'sum(increase(http_requests_total{service="checkout"}[30d]))',
    ]);
  });

  test('preview: series without events is "no traffic"', async () => {
    renderEditor({
      sloId: 'checkout-ratio',
      answer: (expr) =>
        expr.startsWith('count(')
          ? [{ labels: {}, value: 3 }]
          : expr.startsWith('sum(increase')
            ? [{ labels: {}, value: 0 }]
            : [{ labels: {}, value: NaN }],
    });
    expect(await screen.findByTestId(testIds.sloEditor.previewNoData, {}, { timeout: 3000 })).toHaveTextContent(
      'The series exist but counted no events over this window'
    );
  });

  test('preview: measured SLI and budget, and the scene panels query the data source', async () => {
    const { dataSources } = renderEditor({
      sloId: 'checkout-ratio',
      answer: (expr) => [{ labels: {}, value: expr.includes('[30d]') && expr.startsWith('(sum') ? 0.0005 : 1 }],
    });
    expect(await screen.findByTestId(testIds.sloEditor.previewSummary, {}, { timeout: 3000 })).toHaveTextContent(
      'Over the window: SLI 99.950%, 50.0% of the error budget left.'
    );
    await settle(100);
    const rangeTargets = dataSources.requests
      .flatMap((entry) => entry.request.targets as unknown as Array<{ refId: string; range?: boolean }>)
      .filter((target) => target.range);
    expect(rangeTargets.map((target) => target.refId).sort()).toEqual(['errors', 'sli', 'total']);
  });

  test('without a Prometheus data source the preview says where to choose one', async () => {
    const doc = registryWithPrometheus();
    delete doc.settings.prometheus;
    renderEditor({ doc, sloId: 'checkout-ratio' });
    expect(await screen.findByTestId(testIds.sloEditor.preview)).toHaveTextContent(
      'Choose a Prometheus data source on the configuration page to preview the SLI.'
    );
  });

  test('viewers see the editor read-only with the reason', async () => {
    renderEditor({ sloId: 'checkout-ratio', user: viewerUser });
    expect(await screen.findByText('Read-only access')).toBeInTheDocument();
    expect(screen.getByTestId(testIds.appConfig.readOnlyNotice)).toHaveTextContent(readOnlyMessage());
    expect(screen.getByTestId(testIds.sloEditor.save)).toBeDisabled();
    expect(screen.getByTestId(testIds.sloEditor.delete)).toBeDisabled();
  });
});
