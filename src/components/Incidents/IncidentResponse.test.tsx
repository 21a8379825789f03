import React from 'react';
import { render, screen, within } from '@testing-library/react';
import { installFakeBackend } from '../../api/testing/fakeBackend';
import { annotationRoutes, incidentGrafana, PROMETHEUS_UID } from '../../api/testing/fakeIncidents';
import { incidentRegistry, incidentWindow } from '../../domain/incidents/fixtures';
import { HostRouter } from '../../testing/HostRouter';
import { testIds } from '../testIds';
import { IncidentResponse } from './IncidentResponse';

const DAY = Date.UTC(2024, 4, 1);
const { to } = incidentWindow(DAY);

function cellsOf(row: HTMLElement): string[] {
  return within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent ?? '');
}

describe('IncidentResponse', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  test('one row per business owner: incidents, MTTA, MTTR, budget, postmortems and the last four weeks', async () => {
    jest.spyOn(Date, 'now').mockReturnValue(to);
    const doc = {
      ...incidentRegistry(DAY),
      settings: { ...incidentRegistry(DAY).settings, prometheus: { uid: PROMETHEUS_UID } },
    };
    const backend = installFakeBackend(incidentGrafana(DAY, to, annotationRoutes([], 'eli')));
    render(
      <HostRouter>
        <IncidentResponse doc={doc} />
      </HostRouter>
    );
    const section = await screen.findByTestId(testIds.incidents.response);
    expect(screen.getByText('Incident response (last 30 days)')).toBeInTheDocument();
    expect(backend.requests).toHaveLength(7);
    const headers = within(section)
      .getAllByRole('columnheader')
      .map((header) => header.textContent);
    expect(headers).toEqual([
      'Business owner',
      'Incidents',
      'MTTA',
      'MTTR',
      'Budget used by incidents',
      'Postmortems missing',
      'Last 4 weeks, oldest first: incidents over MTTR',
    ]);
    const [ana, bruno] = within(section).getAllByRole('row').slice(1);
    // nothing acknowledged (no annotations, no silences); MTTR (45 + 30) / 2; availability 33 %
    expect(cellsOf(ana).slice(0, 6)).toEqual([
      'Ana Lima',
      '31 open',
      '—3 not acknowledged',
      '37m 30sover 2 resolved',
      '33.0%Checkout availability',
      '1',
    ]);
    expect(cellsOf(ana)[6]).toBe('0—0—0—337m 30s');
    expect(within(ana).getByLabelText(/^Apr 24 to May 1: 3 incidents, MTTR 37m 30s$/)).toBeInTheDocument();
    expect(cellsOf(bruno).slice(0, 6)).toEqual([
      'Bruno Costa',
      '0',
      '—0 not acknowledged',
      '—over 0 resolved',
      '—',
      '0',
    ]);
  });

  test('without a Prometheus data source it says what to choose', async () => {
    installFakeBackend(incidentGrafana(DAY, to, annotationRoutes([], 'eli')));
    render(<IncidentResponse doc={incidentRegistry(DAY)} />);
    expect(await screen.findByText('No Prometheus data source')).toBeInTheDocument();
  });
});
