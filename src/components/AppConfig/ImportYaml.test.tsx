import { fireEvent, screen, waitFor } from '@testing-library/react';
import { stringifyRegistryYaml } from '../../domain/io/native';
import { RegistryDocument } from '../../domain/model';
import { baseRegistry, baseSlo } from '../../domain/testing/builders';
import { saveAs } from '../../storage/testing/asUser';
import { adminUser, otherAdminUser } from '../../storage/testing/users';
import { testIds } from '../testIds';
import { mockBackend, renderAppConfig } from './testing/renderAppConfig';

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  DataSourcePicker: jest.requireActual('./testing/FakeDataSourcePicker').FakeDataSourcePicker,
  getBackendSrv: () => mockBackend.current,
}));

/** The base registry as YAML with the first SLO's objective set to 150, and that line's number. */
function yamlWithBadObjective(): { text: string; line: number } {
  const lines = stringifyRegistryYaml(baseRegistry()).split('\n');
  const index = lines.findIndex((line) => line.trim() === 'objective: 99.9');
  lines[index] = lines[index].replace('99.9', '150');
  return { text: lines.join('\n'), line: index + 1 };
}

async function renderPage() {
  const server = renderAppConfig(adminUser, baseRegistry());
  await screen.findByTestId(testIds.appConfig.container);
  return server;
}

function paste(text: string) {
  fireEvent.change(screen.getByTestId(testIds.appConfig.importText), { target: { value: text } });
}

describe('registry import', () => {
  test('pasted YAML with a bad line lists the problem with its line number and saves nothing', async () => {
    const server = await renderPage();
    const before = server.snapshot();
    const { text, line } = yamlWithBadObjective();

    paste(text);
    fireEvent.click(screen.getByTestId(testIds.appConfig.importCheck));

    const problems = await screen.findByTestId(testIds.appConfig.importProblems);
    expect(problems).toHaveTextContent(`Line ${line}: slos[0].objective`);
    expect(screen.queryByTestId(testIds.appConfig.importConfirm)).not.toBeInTheDocument();
    expect(server.writes()).toBe(0);
    expect(server.snapshot()).toBe(before);
  });

  test('a YAML syntax error is reported with its line', async () => {
    const server = await renderPage();
    paste('people:\n  - id: ana\n    name: [unclosed\n');
    fireEvent.click(screen.getByTestId(testIds.appConfig.importCheck));

    expect(await screen.findByTestId(testIds.appConfig.importProblems)).toHaveTextContent(/Line \d+/);
    expect(server.writes()).toBe(0);
  });

  test('an uploaded file is checked at once and its problems name the file and line', async () => {
    const server = await renderPage();
    const { text, line } = yamlWithBadObjective();
    const input = screen.getByTestId(testIds.appConfig.importFile).querySelector('input[type="file"]')!;

    fireEvent.change(input, { target: { files: [new File([text], 'registry.yaml', { type: 'application/yaml' })] } });

    const problems = await screen.findByTestId(testIds.appConfig.importProblems);
    expect(problems).toHaveTextContent(`registry.yaml, line ${line}: slos[0].objective`);
    expect(server.writes()).toBe(0);
  });

  test('a valid import shows what will change and saves only on confirmation', async () => {
    const server = await renderPage();
    const next: RegistryDocument = baseRegistry();
    next.services[0].tier = 2;
    next.slos.push(baseSlo('latency', { id: 'payments-latency', serviceId: 'payments', labels: {} }));

    paste(stringifyRegistryYaml(next));
    fireEvent.click(screen.getByTestId(testIds.appConfig.importCheck));

    const preview = await screen.findByTestId(testIds.appConfig.importPreview);
    expect(preview).toHaveTextContent('Service checkout changed');
    expect(preview).toHaveTextContent('SLO payments-latency added');
    expect(server.writes()).toBe(0);

    fireEvent.click(screen.getByTestId(testIds.appConfig.importConfirm));

    // The seeded index is version 1; this save makes it 2.
    expect(await screen.findByText('Saved as revision 2')).toBeInTheDocument();
    // Both services' documents and the index; the people and the settings did not change.
    expect(server.writes()).toBe(3);
    expect(server.registry()).toEqual({ ...next, revision: 2, updatedAt: expect.any(String), updatedBy: 'ana' });
    expect(server.settings().jsonData?.unrelated).toBe('keep me');
  });

  test('editing the text after a check withdraws the preview, so a stale check cannot be saved', async () => {
    const server = await renderPage();
    paste(stringifyRegistryYaml(baseRegistry()));
    fireEvent.click(screen.getByTestId(testIds.appConfig.importCheck));
    await screen.findByTestId(testIds.appConfig.importPreview);

    paste('services: [');
    await waitFor(() => expect(screen.queryByTestId(testIds.appConfig.importPreview)).not.toBeInTheDocument());
    expect(server.writes()).toBe(0);
  });

  test('an import refused because someone else saved first shows who and what, and offers a reload', async () => {
    const server = await renderPage();
    const theirs = await saveAs(server, otherAdminUser, (doc) => ({
      ...doc,
      services: doc.services.map((service) => (service.id === 'checkout' ? { ...service, tier: 2 } : service)),
    }));
    const before = server.snapshot();
    const next: RegistryDocument = baseRegistry();
    next.services[0].description = 'Takes the order.';

    paste(stringifyRegistryYaml(next));
    fireEvent.click(screen.getByTestId(testIds.appConfig.importCheck));
    fireEvent.click(await screen.findByTestId(testIds.appConfig.importConfirm));

    const outcome = await screen.findByTestId(testIds.appConfig.saveOutcome);
    expect(outcome).toHaveTextContent('Not saved: the registry changed since you loaded it');
    expect(outcome).toHaveTextContent('bruno saved service checkout at 2026-11-27T09:00:00.000Z (version 2)');
    expect(outcome).toHaveTextContent('service checkout changed');
    expect(server.snapshot()).toBe(before);
    expect(server.registry()).toEqual(theirs);

    fireEvent.click(screen.getByTestId(testIds.appConfig.reload));
    expect(screen.queryByTestId(testIds.appConfig.saveOutcome)).not.toBeInTheDocument();
    // Once the registry with bruno's change is shown, the same import is checked against it and saved over it.
    await waitFor(() =>
      expect(screen.getByTestId(testIds.appConfig.exportYaml)).toHaveValue(stringifyRegistryYaml(theirs))
    );
    fireEvent.click(screen.getByTestId(testIds.appConfig.importConfirm));
    expect(await screen.findByText('Saved as revision 3')).toBeInTheDocument();
    expect(server.registry()?.services[0]).toMatchObject({ tier: 1, description: 'Takes the order.' });
  });
});
