import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { locationService } from '@grafana/runtime';
import { on } from '../../../api/testing/fakeBackend';
import { testIds } from '../../../components/testIds';
import { sloDuplicateUrl, sloEditUrl, slosUrl } from '../../../routing';
import { saveAs } from '../../../storage/testing/asUser';
import { editorUser, otherAdminUser } from '../../../storage/testing/users';
import { storedRegistry } from '../../testing/registryHarness';
import { pick, renderEditor, settle, type } from '../testing/editorHarness';

jest.setTimeout(20000);

const FOLDERS = on('GET', '/api/folders', { status: 200, body: [{ id: 3, uid: 'slo-folder', title: 'SLO alerts' }] });

async function openPush() {
  fireEvent.click(await screen.findByTestId(testIds.sloEditor.push));
  await settle();
  await pick(screen.getByTestId(testIds.sloEditor.pushFolder), 'SLO alerts', { custom: false });
}

describe('SLO editor actions', () => {
  test('push needs alert provisioning: a registry editor without it sees the button disabled with the reason', async () => {
    const { backend } = renderEditor({ sloId: 'checkout-ratio', user: editorUser, routes: [FOLDERS] });
    const push = await screen.findByTestId(testIds.sloEditor.push);
    await waitFor(() => expect(screen.getByTestId(testIds.sloEditor.duplicate)).toBeEnabled());
    // @grafana/ui keeps a disabled button with a tooltip focusable: aria-disabled, clicks ignored
    expect(push).toHaveAttribute('aria-disabled', 'true');
    fireEvent.click(push);
    await settle();
    expect(screen.queryByTestId(testIds.sloEditor.pushFolder)).not.toBeInTheDocument();
    fireEvent.mouseEnter(push);
    expect(await screen.findByText(/needs the alert.provisioning:write permission/)).toBeInTheDocument();
    expect(backend.requests.filter((request) => request.url.includes('provisioning'))).toEqual([]);
  });

  test('push to Grafana alerting: folder from /api/folders, one POST per missing rule, results per rule', async () => {
    const { backend } = renderEditor({
      sloId: 'checkout-ratio',
      routes: [
        FOLDERS,
        on('POST', '/api/v1/provisioning/alert-rules', (request) => ({ status: 201, body: request.data })),
        on('GET', '/api/v1/provisioning/folder/slo-folder/rule-groups/slo-checkout', {
          status: 200,
          body: { title: 'slo-checkout', folderUid: 'slo-folder', interval: 60, rules: [] },
        }),
      ],
    });
    await openPush();
    expect(screen.getByText(/5 rules will be created or updated/)).toBeInTheDocument();
    fireEvent.click(screen.getByTestId(testIds.sloEditor.pushEditable));
    fireEvent.click(screen.getByTestId(testIds.sloEditor.pushConfirm));
    const result = await screen.findByTestId(testIds.sloEditor.pushResult);
    expect(within(result).getAllByText('Created')).toHaveLength(5);
    expect(within(result).getByText('Group interval already 1m')).toBeInTheDocument();
    expect(screen.getByText('Grafana alerting has the rules')).toBeInTheDocument();
    const posts = backend.requests.filter((request) => request.method === 'POST');
    expect(posts).toHaveLength(5);
    expect(posts[0]).toMatchObject({
      url: '/api/v1/provisioning/alert-rules',
      headers: { 'X-Disable-Provenance': 'true' },
      data: { uid: 'bo-checkout-ratio-page-fast', folderUID: 'slo-folder', ruleGroup: 'slo-checkout', condition: 'B' },
    });
    expect((posts[0].data as { data: Array<{ datasourceUid: string }> }).data[0].datasourceUid).toBe('prom');
  });

  test('push: a 4xx and a 5xx answer are shown with Grafana message for the rules concerned', async () => {
    renderEditor({
      sloId: 'checkout-ratio',
      routes: [
        FOLDERS,
        on('GET', '/api/v1/provisioning/alert-rules/bo-checkout-ratio-page-fast', {
          status: 500,
          body: { message: 'database is locked' },
        }),
        on('POST', '/api/v1/provisioning/alert-rules', (request) =>
          (request.data as { uid: string }).uid === 'bo-checkout-ratio-freeze'
            ? {
                status: 403,
                body: { message: 'You do not have permission to create alert rules in folder SLO alerts' },
              }
            : { status: 201, body: request.data }
        ),
        on('GET', '/api/v1/provisioning/folder/slo-folder/rule-groups/slo-checkout', {
          status: 404,
          body: { message: 'rule group not found' },
        }),
      ],
    });
    await openPush();
    fireEvent.click(screen.getByTestId(testIds.sloEditor.pushConfirm));
    const result = await screen.findByTestId(testIds.sloEditor.pushResult);
    expect(screen.getByText('3 of 6 steps failed')).toBeInTheDocument();
    expect(within(result).getByText('HTTP 500: database is locked')).toBeInTheDocument();
    expect(
      within(result).getByText('HTTP 403: You do not have permission to create alert rules in folder SLO alerts')
    ).toBeInTheDocument();
    expect(within(result).getByText('HTTP 404: rule group not found')).toBeInTheDocument();
  });

  test('delete asks first, then saves the registry without the SLO and returns to the list', async () => {
    const { server } = renderEditor({ sloId: 'checkout-latency' });
    fireEvent.click(await screen.findByTestId(testIds.sloEditor.delete));
    fireEvent.click(screen.getAllByRole('button', { name: 'Delete' }).at(-1)!);
    await waitFor(() => expect(locationService.getLocation().pathname).toBe(slosUrl()));
    expect(storedRegistry(server).slos.map((slo) => slo.id)).toEqual([
      'checkout-ratio',
      'checkout-freeform',
      'checkout-logratio',
    ]);
  });

  test('duplicate opens a new SLO that starts as a copy under a free id', async () => {
    renderEditor({ sloId: 'checkout-ratio' });
    expect(await screen.findByTestId(testIds.sloEditor.duplicate)).toHaveAttribute(
      'href',
      sloDuplicateUrl('checkout-ratio')
    );
    const { server } = renderEditor({ path: sloDuplicateUrl('checkout-ratio') });
    await waitFor(() => expect(screen.getAllByTestId(testIds.sloEditor.id).at(-1)).toHaveValue('checkout-ratio-copy'));
    fireEvent.click(screen.getAllByTestId(testIds.sloEditor.save).at(-1)!);
    await waitFor(() => expect(storedRegistry(server).slos.map((slo) => slo.id)).toContain('checkout-ratio-copy'));
  });

  test('a save that conflicts with a newer registry shows the storage message and a reload', async () => {
    const { server } = renderEditor({ sloId: 'checkout-ratio' });
    await screen.findByTestId(testIds.sloEditor.form);
    // Somebody else saves checkout (which holds this SLO) after the editor loaded the registry.
    await act(() =>
      saveAs(server, otherAdminUser, (doc) => ({
        ...doc,
        slos: doc.slos.map((slo) => (slo.id === 'checkout-ratio' ? { ...slo, objective: 99.5 } : slo)),
      }))
    );
    type(screen.getByTestId(testIds.sloEditor.name), 'Checkout availability');
    fireEvent.click(screen.getByTestId(testIds.sloEditor.save));
    // The editor re-renders for about half a second after a save on a quiet machine.
    const alert = await screen.findByTestId(testIds.registry.saveFailure, {}, { timeout: 3000 });
    expect(alert).toHaveTextContent('Someone else changed the registry');
    expect(alert).toHaveTextContent('bruno saved service checkout');
    expect(within(alert).getByTestId(testIds.registry.reload)).toBeInTheDocument();
    expect(storedRegistry(server).slos[0]).toMatchObject({ name: 'Checkout ratio', objective: 99.5 });
  });

  test('a stored SLO that does not exist says so', async () => {
    renderEditor({ sloId: 'nope', path: sloEditUrl('nope') });
    expect(await screen.findByText('No SLO "nope" in the registry')).toBeInTheDocument();
  });
});
