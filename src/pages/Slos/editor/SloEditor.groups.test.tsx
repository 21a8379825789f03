import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { testIds } from '../../../components/testIds';
import { baseSlo } from '../../../domain/testing/builders';
import { pick, prometheusLookups, registryWithPrometheus, renderEditor } from '../testing/editorHarness';
import { groupSuggestions } from './GroupsSection';

jest.setTimeout(20000);

/** The group field's input. */
function groupInput(): HTMLElement {
  return screen.getByLabelText(/^Group by/, { selector: 'input' });
}

describe('SLO editor: groups', () => {
  test('suggests the SLI metric labels, and the preview lists each group, the least budget left first', async () => {
    const sent: string[] = [];
    const { backend } = renderEditor({
      sloId: 'checkout-ratio',
      routes: prometheusLookups(),
      answer: (expr) => {
        sent.push(expr);
        if (expr.startsWith('(sum by (method) (')) {
          return [
            { labels: { method: 'GET' }, value: 0.0002 },
            { labels: { method: 'POST' }, value: 0.0015 },
            { labels: { method: 'PUT' }, value: NaN },
          ];
        }
        return [{ labels: {}, value: expr.startsWith('(sum') ? 0.0005 : 1 }];
      },
    });
    await screen.findByTestId(testIds.sloEditor.previewSummary, {}, { timeout: 3000 });
    const summaryQueries = sent.filter((expr) => expr.includes('[30d]')).length;
    await pick(groupInput(), 'method', { custom: false });
    // the suggestions are the labels of the SLI's event series
    expect(
      backend.requests.filter((request) => request.url.endsWith('/labels')).map((request) => request.params['match[]'])
    ).toContain('http_requests_total{service="checkout"}');
    const preview = await screen.findByTestId(testIds.groups.preview, {}, { timeout: 3000 });
    const rows = within(preview).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[0].textContent)).toEqual(['POST', 'GET', 'PUT']);
    expect(within(rows[0]).getByText('-50.0%')).toBeInTheDocument();
    expect(within(rows[1]).getByText('80.0%')).toBeInTheDocument();
    expect(within(preview).getByText('3 groups, the least budget left first:')).toBeInTheDocument();
    // one more summary query for the groups, however many groups there are
    expect(sent.filter((expr) => expr.includes('[30d]')).length).toBe(2 * summaryQueries + 1);
  });

  test('suggestions: the series labels and the chosen ones, without the metric name and unusable labels', () => {
    expect(groupSuggestions(['__name__', 'service', 'le', 'code', 'sloth_id', 'tenant'], ['route'])).toEqual([
      'code',
      'route',
      'service',
      'tenant',
    ]);
  });

  test('a label the rules write is refused next to the field, and the preview waits', async () => {
    const doc = registryWithPrometheus();
    doc.slos[0] = baseSlo('ratio', { groupBy: ['sloth_service'] });
    renderEditor({ doc, sloId: doc.slos[0].id });
    fireEvent.click(await screen.findByTestId(testIds.sloEditor.save));
    await waitFor(() =>
      expect(screen.getByTestId(testIds.sloEditor.form)).toHaveTextContent(
        '"sloth_service" is a label the rules or alerts write themselves; group by another label'
      )
    );
    expect(screen.getByTestId(testIds.sloEditor.preview)).toHaveTextContent(
      'The preview runs once the SLI queries and the window are valid.'
    );
  });
});
