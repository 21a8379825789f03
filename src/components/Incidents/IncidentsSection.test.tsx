import React from 'react';
import { render, screen, within } from '@testing-library/react';
import { IncidentsResult } from '../../api/incidents/fetchIncidents';
import { assessIncidents } from '../../domain/incidents';
import { LATENCY, incidentInputs, incidentRegistry } from '../../domain/incidents/fixtures';
import { testIds } from '../testIds';
import { IncidentsSection } from './IncidentsSection';

const DAY = Date.UTC(2024, 4, 1);
const doc = incidentRegistry(DAY);

function loaded(gaps: Extract<IncidentsResult, { ok: true }>['gaps'] = []): IncidentsResult {
  return { ok: true, source: 'prometheus', report: assessIncidents(incidentInputs(DAY)), gaps };
}

describe('IncidentsSection', () => {
  test('while reading', () => {
    render(<IncidentsSection result={undefined} slos={doc.slos} />);
    expect(screen.getByText('Reading the alert history…')).toBeInTheDocument();
  });

  test('no data source, and a failed read with Prometheus’ message', () => {
    const { rerender } = render(<IncidentsSection result={{ ok: false, kind: 'noDataSource' }} slos={doc.slos} />);
    expect(screen.getByText('No Prometheus data source')).toBeInTheDocument();
    rerender(
      <IncidentsSection result={{ ok: false, kind: 'queryFailed', message: 'connection refused' }} slos={doc.slos} />
    );
    expect(screen.getByText('Could not read the alert history')).toBeInTheDocument();
    expect(screen.getByText('connection refused')).toBeInTheDocument();
  });

  test('where each SLO’s budget went: during incidents and in background errors', () => {
    render(<IncidentsSection result={loaded()} slos={doc.slos} serviceId="checkout" />);
    const split = screen.getByTestId(testIds.incidents.budgetSplit);
    // 2,700 + 600 failed events during incidents and 150 outside them, of 10,000 allowed
    expect(split).toHaveTextContent('Checkout availability: incidents 33.0%, background errors 1.5%');
    expect(split.textContent).toMatch(/: incidents 30\.0%, background errors 0\.9%/);
    // Another service's SLOs are not listed; nor is anything for a service without measured budgets.
    render(<IncidentsSection result={loaded()} slos={doc.slos} serviceId="payments" />);
    expect(screen.getAllByTestId(testIds.incidents.budgetSplit)).toHaveLength(1);
  });

  test('the MTTA and MTTR summary and one row per incident', () => {
    render(<IncidentsSection result={loaded()} slos={doc.slos} serviceId="checkout" />);
    const summary = screen.getByTestId(testIds.incidents.summary);
    // (4 + 25) / 2 min and (45 + 30) / 2 min
    expect(summary).toHaveTextContent('MTTA14m 30s1 not acknowledged');
    expect(summary).toHaveTextContent('MTTR37m 30sover 2 resolved');
    expect(summary).toHaveTextContent('Incidents31 open');
    expect(summary).toHaveTextContent('Postmortems missing1');
    const rows = within(screen.getByTestId(testIds.incidents.table)).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringContaining('2024-05-01 16:00'),
      expect.stringContaining('2024-05-01 13:00'),
      expect.stringContaining('2024-05-01 10:00'),
    ]);
    const [open, late, heavy] = rows;
    expect(open).toHaveTextContent('Open1h 0m 0s');
    expect(open).toHaveTextContent('No');
    expect(open).toHaveTextContent('Not needed');
    expect(late).toHaveTextContent('by bruno after 25m 0s (silence)');
    expect(late).toHaveTextContent('Postmortem linked');
    expect(heavy).toHaveTextContent('Checkout availability');
    expect(heavy).toHaveTextContent('45m 0s');
    expect(heavy).toHaveTextContent('by ana after 4m 0s');
    expect(heavy).toHaveTextContent('27.0%');
    expect(heavy).toHaveTextContent('2,700 failed');
    expect(heavy).toHaveTextContent('$810 revenue at risk');
    expect(heavy).toHaveTextContent('Postmortem needed');
  });

  test('an SLO’s incidents only, and the parts that could not be read', () => {
    render(
      <IncidentsSection
        result={loaded([{ kind: 'silencesUnavailable', message: 'Forbidden' }])}
        slos={doc.slos}
        sloId={LATENCY}
      />
    );
    expect(within(screen.getByTestId(testIds.incidents.table)).getAllByRole('row')).toHaveLength(2);
    expect(screen.getByTestId(testIds.incidents.gaps)).toHaveTextContent(
      'Silences could not be read (Forbidden): only acknowledgements made in the app count.'
    );
  });

  test('an empty window', () => {
    render(<IncidentsSection result={loaded()} slos={doc.slos} serviceId="payments" />);
    expect(screen.getByText('No incidents in this window')).toBeInTheDocument();
    expect(screen.getByTestId(testIds.incidents.summary)).toHaveTextContent('MTTA—0 not acknowledged');
  });
});
