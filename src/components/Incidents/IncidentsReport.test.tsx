import React from 'react';
import { OrgRole } from '@grafana/data';
import { config } from '@grafana/runtime';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { ACK_TAG } from '../../api/incidents/acknowledgements';
import { FakeBackend, installFakeBackend } from '../../api/testing/fakeBackend';
import { annotationRoutes, FakeAnnotation, incidentGrafana, PROMETHEUS_UID } from '../../api/testing/fakeIncidents';
import { incidentRegistry, incidentWindow } from '../../domain/incidents/fixtures';
import { RegistryUser } from '../../storage/access';
import { testIds } from '../testIds';
import { IncidentsReport } from './IncidentsReport';

const DAY = Date.UTC(2024, 4, 1);
const { to } = incidentWindow(DAY);
const doc = {
  ...incidentRegistry(DAY),
  settings: { ...incidentRegistry(DAY).settings, prometheus: { uid: PROMETHEUS_UID } },
};
const C = 'checkout-availability-20240501-1600';

const editor: RegistryUser = { login: 'eli', orgRole: OrgRole.Editor, permissions: { 'annotations:create': true } };
const viewer: RegistryUser = { login: 'vera', orgRole: OrgRole.Viewer, permissions: { 'annotations:read': true } };

function signIn(user: RegistryUser) {
  config.bootData.user = { ...config.bootData.user, ...user };
}

async function renderReport(annotations: FakeAnnotation[], refusal?: { status: number; body: unknown }) {
  const backend = installFakeBackend(incidentGrafana(DAY, to, annotationRoutes(annotations, 'eli', refusal)));
  render(<IncidentsReport doc={doc} serviceId="checkout" />);
  await screen.findByTestId(testIds.incidents.table);
  return backend;
}

function rows() {
  return within(screen.getByTestId(testIds.incidents.table)).getAllByRole('row').slice(1);
}

async function settle() {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 20));
  });
}

/** Requests after the first read's seven. */
const later = (backend: FakeBackend) => backend.requests.slice(7).map((request) => `${request.method} ${request.url}`);

describe('IncidentsReport', () => {
  beforeEach(() => {
    // The page reads the last 30 days up to the fixture's 17:00, when C is still open.
    jest.spyOn(Date, 'now').mockReturnValue(to);
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  test('an Editor acknowledges an open incident: an annotation records it, and the report read again shows who', async () => {
    signIn(editor);
    const annotations: FakeAnnotation[] = [];
    const backend = await renderReport(annotations);
    expect(screen.getByText('Incidents (last 30 days)')).toBeInTheDocument();
    expect(backend.requests).toHaveLength(7);
    const [open] = rows();
    expect(open).toHaveTextContent('2024-05-01 16:00');
    expect(within(screen.getByTestId(testIds.incidents.summary)).getByText('3 not acknowledged')).toBeInTheDocument();

    fireEvent.click(within(open).getByTestId(testIds.incidents.acknowledge));
    await settle();
    expect(annotations).toEqual([
      {
        id: 1,
        time: to,
        tags: [ACK_TAG, 'slo:checkout-availability', `incident:${C}`],
        text: `Incident ${C} (Checkout availability) acknowledged`,
        login: 'eli',
      },
    ]);
    // one POST, then the same seven requests again
    const after = later(backend);
    expect(after.slice(0, 2)).toEqual(['POST /api/annotations', 'GET /api/annotations']);
    expect(after).toHaveLength(8);
    expect(rows()[0]).toHaveTextContent('by eli after 1h 0m 0s');
    expect(within(rows()[0]).queryByTestId(testIds.incidents.acknowledge)).not.toBeInTheDocument();
    expect(within(screen.getByTestId(testIds.incidents.summary)).getByText('2 not acknowledged')).toBeInTheDocument();
  });

  test('a resolved incident acknowledged afterwards shows who, once resolved, and stays out of the MTTA', async () => {
    signIn(editor);
    await renderReport([
      {
        id: 1,
        time: to,
        tags: [ACK_TAG, 'slo:checkout-latency', 'incident:checkout-latency-20240501-1300'],
        text: 'acknowledged',
        login: 'eli',
      },
    ]);
    const late = rows().find((row) => row.textContent?.includes('2024-05-01 13:00'))!;
    expect(late).toHaveTextContent('by eli after 4h 0m 0s, once resolved');
    expect(within(screen.getByTestId(testIds.incidents.summary)).getByText('3 not acknowledged')).toBeInTheDocument();
  });

  test('a Viewer sees who acknowledged, and no button', async () => {
    signIn(viewer);
    await renderReport([
      { id: 1, time: to, tags: [ACK_TAG, 'slo:checkout-availability', `incident:${C}`], text: 'ack', login: 'eli' },
    ]);
    expect(rows()[0]).toHaveTextContent('by eli after 1h 0m 0s');
    expect(screen.queryByTestId(testIds.incidents.acknowledge)).not.toBeInTheDocument();
    expect(rows()[1]).toHaveTextContent('No');
  });

  test('a refused acknowledgement says which incident and Grafana’s reason, and changes nothing', async () => {
    signIn(editor);
    const message = "You'll need additional permissions to perform this action. Permissions needed: annotations:create";
    const backend = await renderReport([], { status: 403, body: { message } });
    fireEvent.click(within(rows()[0]).getByTestId(testIds.incidents.acknowledge));
    await settle();
    const failure = screen.getByTestId(testIds.incidents.acknowledgeFailed);
    expect(failure).toHaveTextContent(`Could not record the acknowledgement of ${C}`);
    expect(failure).toHaveTextContent(message);
    expect(later(backend)).toEqual(['POST /api/annotations']);
    expect(within(rows()[0]).getByTestId(testIds.incidents.acknowledge)).toBeEnabled();
  });
});
