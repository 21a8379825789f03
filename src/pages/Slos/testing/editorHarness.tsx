import React from 'react';
import { act, fireEvent, screen } from '@testing-library/react';
import { installFakeBackend, on, Route } from '../../../api/testing/fakeBackend';
import { Answer, installFakeDataSources } from '../../../api/testing/fakeDataSource';
import { RegistryDocument } from '../../../domain/model';
import { baseRegistry } from '../../../domain/testing/builders';
import { RegistryUser } from '../../../storage/access';
import { sloEditUrl } from '../../../routing';
import { renderWithRegistry } from '../../testing/registryHarness';
import { SloEditor } from '../editor/SloEditor';
import { installFakePanels } from './fakePanels';

export const RESOURCES = '/api/datasources/uid/prom/resources/api/v1';

/** A registry with the Prometheus data source `prom` configured. */
export function registryWithPrometheus(): RegistryDocument {
  const doc = baseRegistry();
  doc.settings.prometheus = { uid: 'prom', type: 'prometheus' };
  return doc;
}

/** Prometheus' answer to a list look-up. */
export function list(data: string[]) {
  return { status: 200, body: { status: 'success', data } };
}

/** Routes of a Prometheus with an HTTP counter and a latency histogram of the checkout service. */
export function prometheusLookups(): Route[] {
  return [
    on(
      'GET',
      `${RESOURCES}/label/__name__/values`,
      list(['up', 'http_requests_total', 'http_request_duration_seconds_bucket'])
    ),
    on('GET', `${RESOURCES}/labels`, list(['__name__', 'code', 'method', 'service', 'le'])),
    on('GET', `${RESOURCES}/label/service/values`, list(['cart', 'checkout'])),
    on('GET', `${RESOURCES}/label/le/values`, list(['0.1', '0.25', '0.5', '1', '2.5', '+Inf'])),
  ];
}

interface Options {
  doc?: RegistryDocument;
  sloId?: string;
  routes?: Route[];
  answer?: (expr: string, uid: string) => Answer;
  user?: RegistryUser;
  path?: string;
}

/** Renders the SLO editor over a fake registry, a fake Grafana API and fake data sources. */
export function renderEditor({
  doc = registryWithPrometheus(),
  sloId,
  routes = [],
  answer = () => [],
  user,
  path,
}: Options = {}) {
  const backend = installFakeBackend(routes);
  const dataSources = installFakeDataSources(answer);
  installFakePanels();
  const rendered = renderWithRegistry(<SloEditor sloId={sloId} />, { doc, user, path: path ?? sloEditUrl(sloId) });
  return { ...rendered, backend, dataSources };
}

/** Lets pending promises and short timers run. */
export async function settle(ms = 20) {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, ms));
  });
}

/**
 * Chooses `text` in a combobox as a keyboard user would: types it, and presses Enter on the value
 * typed (comboboxes that take custom values) or on the first option that matches.
 */
export async function pick(input: HTMLElement, text: string, { custom = true } = {}) {
  fireEvent.click(input);
  fireEvent.change(input, { target: { value: text } });
  await settle();
  if (!custom) {
    fireEvent.keyDown(input, { key: 'ArrowDown' });
  }
  fireEvent.keyDown(input, { key: 'Enter' });
  await settle();
}

/** Types into a text field. */
export function type(element: HTMLElement, value: string) {
  fireEvent.change(element, { target: { value } });
}

/** The editor's text field whose label is `label`. */
export function fieldByLabel(label: string): HTMLElement {
  return screen.getByLabelText(label);
}
