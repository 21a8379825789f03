import { fireEvent, screen, waitFor } from '@testing-library/react';
import { stringifyRegistryYaml } from '../../domain/io/native';
import { RegistryDocument } from '../../domain/model';
import { baseRegistry, baseSlo } from '../../domain/testing/builders';
import { adminUser } from '../../storage/testing/users';
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

function posts() {
  return mockBackend.current!.requests.filter((request) => request.method === 'POST');
}

async function renderPage() {
  const server = renderAppConfig(adminUser, baseRegistry({ revision: 3 }));
  await screen.findByTestId(testIds.appConfig.container);
  return server;
}

function paste(text: string) {
  fireEvent.change(screen.getByTestId(testIds.appConfig.importText), { target: { value: text } });
}

describe('registry import', () => {
  test('pasted YAML with a bad line lists the problem with its line number and saves nothing', async () => {
    const server = await renderPage();
    const before = server.storedJson();
    const { text, line } = yamlWithBadObjective();

    paste(text);
    fireEvent.click(screen.getByTestId(testIds.appConfig.importCheck));

    const problems = await screen.findByTestId(testIds.appConfig.importProblems);
    expect(problems).toHaveTextContent(`Line ${line}: slos[0].objective`);
    expect(screen.queryByTestId(testIds.appConfig.importConfirm)).not.toBeInTheDocument();
    expect(posts()).toHaveLength(0);
    expect(server.storedJson()).toBe(before);
  });

  test('a YAML syntax error is reported with its line', async () => {
    await renderPage();
    paste('people:\n  - id: ana\n    name: [unclosed\n');
    fireEvent.click(screen.getByTestId(testIds.appConfig.importCheck));

    expect(await screen.findByTestId(testIds.appConfig.importProblems)).toHaveTextContent(/Line \d+/);
    expect(posts()).toHaveLength(0);
  });

  test('an uploaded file is checked at once and its problems name the file and line', async () => {
    await renderPage();
    const { text, line } = yamlWithBadObjective();
    const input = screen.getByTestId(testIds.appConfig.importFile).querySelector('input[type="file"]')!;

    fireEvent.change(input, { target: { files: [new File([text], 'registry.yaml', { type: 'application/yaml' })] } });

    const problems = await screen.findByTestId(testIds.appConfig.importProblems);
    expect(problems).toHaveTextContent(`registry.yaml, line ${line}: slos[0].objective`);
    expect(posts()).toHaveLength(0);
  });

  test('a valid import shows what will change and saves only on confirmation', async () => {
    const server = await renderPage();
    const next: RegistryDocument = baseRegistry();
    next.services[0].tier = 2;
    next.slos.push(baseSlo('latency', { id: 'payments-latency', serviceId: 'payments' }));

    paste(stringifyRegistryYaml(next));
    fireEvent.click(screen.getByTestId(testIds.appConfig.importCheck));

    const preview = await screen.findByTestId(testIds.appConfig.importPreview);
    expect(preview).toHaveTextContent('Service checkout changed');
    expect(preview).toHaveTextContent('SLO payments-latency added');
    expect(posts()).toHaveLength(0);

    fireEvent.click(screen.getByTestId(testIds.appConfig.importConfirm));

    expect(await screen.findByText('Saved as revision 4')).toBeInTheDocument();
    expect(posts()).toHaveLength(1);
    const stored = server.stored().jsonData?.registry as RegistryDocument;
    expect(stored).toEqual({ ...next, revision: 4, updatedAt: expect.any(String), updatedBy: 'ana' });
    expect(server.stored().jsonData?.unrelated).toBe('keep me');
  });

  test('editing the text after a check withdraws the preview, so a stale check cannot be saved', async () => {
    await renderPage();
    paste(stringifyRegistryYaml(baseRegistry()));
    fireEvent.click(screen.getByTestId(testIds.appConfig.importCheck));
    await screen.findByTestId(testIds.appConfig.importPreview);

    paste('services: [');
    await waitFor(() => expect(screen.queryByTestId(testIds.appConfig.importPreview)).not.toBeInTheDocument());
    expect(posts()).toHaveLength(0);
  });
});
