import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { stringifyRegistryYaml } from '../../domain/io/native';
import { RegistryDocument } from '../../domain/model';
import { baseRegistry } from '../../domain/testing/builders';
import { PLUGIN_ID } from '../../constants';
import { createGrafanaSettingsApi } from '../../storage/grafanaSettingsApi';
import { loadRegistry, saveRegistry } from '../../storage/registryStore';
import { FakeSettingsServer } from '../../storage/testing/fakeSettingsServer';
import { adminUser, otherAdminUser, viewerUser } from '../../storage/testing/users';
import { testIds } from '../testIds';
import { DEFAULT_SQL_BILLING_QUERY } from './billing';
import { mockBackend, renderAppConfig } from './testing/renderAppConfig';

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  DataSourcePicker: jest.requireActual('./testing/FakeDataSourcePicker').FakeDataSourcePicker,
  getBackendSrv: () => mockBackend.current,
}));

function storedRegistry(): RegistryDocument {
  return mockBackend.current?.stored().jsonData?.registry as RegistryDocument;
}

/** Another admin (bruno) loads and saves the registry behind the page's back. */
async function saveAsOtherAdmin(server: FakeSettingsServer, change: (doc: RegistryDocument) => RegistryDocument) {
  const api = createGrafanaSettingsApi(PLUGIN_ID, server);
  const loaded = await loadRegistry(api);
  if (!loaded.ok) {
    throw new Error(loaded.message);
  }
  const saved = await saveRegistry(loaded, change(loaded.doc), {
    api,
    user: otherAdminUser,
    now: () => new Date('2026-11-27T09:00:00Z'),
  });
  if (!saved.ok) {
    throw new Error(saved.message);
  }
  return saved.doc;
}

function pick(inputId: string, uid: string) {
  fireEvent.change(screen.getByLabelText(inputId), { target: { value: uid } });
}

describe('AppConfig', () => {
  test('data sources and defaults chosen by an admin are saved into the registry settings', async () => {
    const server = renderAppConfig(adminUser, baseRegistry({ revision: 3 }));
    await screen.findByTestId(testIds.appConfig.container);

    pick('bizowner-prometheus', 'prom-main');
    pick('bizowner-loki', 'loki-main');
    pick('bizowner-billing', 'billing-pg');
    fireEvent.click(within(screen.getByTestId(testIds.appConfig.defaultWindow)).getByLabelText('28 days'));
    expect(screen.getByTestId(testIds.appConfig.billingQuery)).toHaveValue(DEFAULT_SQL_BILLING_QUERY);
    fireEvent.click(screen.getByTestId(testIds.appConfig.saveSettings));

    expect(await screen.findByText('Saved as revision 4')).toBeInTheDocument();
    expect(storedRegistry().settings).toEqual({
      defaultWindow: '28d',
      defaultAlertPreset: 'google-30d',
      prometheus: { uid: 'prom-main', type: 'prometheus' },
      loki: { uid: 'loki-main', type: 'loki' },
      billing: {
        uid: 'billing-pg',
        type: 'grafana-postgresql-datasource',
        kind: 'sql',
        query: DEFAULT_SQL_BILLING_QUERY,
      },
    });
    expect(storedRegistry().services).toEqual(baseRegistry().services);
    expect(server.stored().jsonData?.unrelated).toBe('keep me');
  });

  test('each picker offers only data sources of its kind', async () => {
    renderAppConfig(adminUser);
    await screen.findByTestId(testIds.appConfig.container);
    const offered = (inputId: string) =>
      Array.from((screen.getByLabelText(inputId) as HTMLSelectElement).options)
        .map((option) => option.value)
        .filter(Boolean);

    expect(offered('bizowner-prometheus')).toEqual(['prom-main', 'prom-cost']);
    expect(offered('bizowner-loki')).toEqual(['loki-main']);
    expect(offered('bizowner-billing')).toEqual(['prom-main', 'prom-cost', 'billing-pg', 'billing-mysql']);
  });

  test('a Prometheus billing source gets the PromQL default, and an edited query is kept', async () => {
    renderAppConfig(adminUser);
    await screen.findByTestId(testIds.appConfig.container);

    pick('bizowner-billing', 'prom-cost');
    const query = screen.getByTestId(testIds.appConfig.billingQuery);
    expect(query).toHaveValue('sum(rate(cloud_cost_usd_total{$costTags}[1h])) * 3600');
    fireEvent.change(query, { target: { value: 'sum(cost{$costTags})' } });
    pick('bizowner-billing', 'prom-main');
    expect(screen.getByTestId(testIds.appConfig.billingQuery)).toHaveValue('sum(cost{$costTags})');
  });

  test('a PromQL billing query that does not parse is named under the field and cannot be saved', async () => {
    const revision = 3;
    renderAppConfig(adminUser, baseRegistry({ revision }));
    await screen.findByTestId(testIds.appConfig.container);

    pick('bizowner-billing', 'prom-main');
    const query = screen.getByTestId(testIds.appConfig.billingQuery);
    fireEvent.change(query, { target: { value: 'sum(rate(cloud_cost_usd_total{$costTags}[1h])) * * 3600' } });
    expect(screen.getByText('unexpected "*" at column 50')).toBeInTheDocument();
    expect(screen.getByTestId(testIds.appConfig.saveSettings)).toBeDisabled();

    fireEvent.change(query, { target: { value: 'sum(rate(cloud_cost_usd_total{$costTags}[1h])) * 3600' } });
    expect(screen.queryByText(/unexpected/)).not.toBeInTheDocument();
    fireEvent.click(screen.getByTestId(testIds.appConfig.saveSettings));
    expect(await screen.findByText(`Saved as revision ${revision + 1}`)).toBeInTheDocument();
  });

  test('a viewer sees the read-only notice, disabled controls, and can still export', async () => {
    const server = renderAppConfig(viewerUser, baseRegistry());
    await screen.findByTestId(testIds.appConfig.container);

    expect(screen.getByTestId(testIds.appConfig.readOnlyNotice)).toHaveTextContent(
      'You can view but not change the registry: saving needs the Admin role (plugins:write). Ask an admin, or export YAML.'
    );
    for (const inputId of ['bizowner-prometheus', 'bizowner-loki', 'bizowner-billing']) {
      expect(screen.getByLabelText(inputId)).toBeDisabled();
    }
    expect(within(screen.getByTestId(testIds.appConfig.defaultWindow)).getByLabelText('30 days')).toBeDisabled();
    expect(screen.getByTestId(testIds.appConfig.saveSettings)).toBeDisabled();
    expect(screen.getByTestId(testIds.appConfig.importText)).toBeDisabled();
    expect(screen.getByTestId(testIds.appConfig.importCheck)).toBeDisabled();
    expect(screen.queryByTestId(testIds.appConfig.importFile)).not.toBeInTheDocument();
    expect(screen.getByTestId(testIds.appConfig.exportYaml)).toHaveValue(stringifyRegistryYaml(baseRegistry()));
    expect(screen.getByTestId(testIds.appConfig.exportDownload)).toBeEnabled();
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  test('a save refused because someone else saved first shows who and what, and offers a reload', async () => {
    const server = renderAppConfig(adminUser, baseRegistry({ revision: 3 }));
    await screen.findByTestId(testIds.appConfig.container);
    const theirs = await saveAsOtherAdmin(server, (doc) => ({ ...doc, people: [] }));

    pick('bizowner-loki', 'loki-main');
    fireEvent.click(screen.getByTestId(testIds.appConfig.saveSettings));

    const outcome = await screen.findByTestId(testIds.appConfig.saveOutcome);
    expect(outcome).toHaveTextContent('bruno saved the registry at 2026-11-27T09:00:00.000Z (revision 4)');
    expect(outcome).toHaveTextContent('person ana removed, person bruno removed');
    expect(storedRegistry()).toEqual(theirs);

    fireEvent.click(screen.getByTestId(testIds.appConfig.reload));
    expect(screen.queryByTestId(testIds.appConfig.saveOutcome)).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId(testIds.appConfig.saveSettings)).toBeEnabled());
    fireEvent.click(screen.getByTestId(testIds.appConfig.saveSettings));
    expect(await screen.findByText('Saved as revision 5')).toBeInTheDocument();
    expect(storedRegistry()).toMatchObject({ people: [], settings: { loki: { uid: 'loki-main' } } });
  });
});
