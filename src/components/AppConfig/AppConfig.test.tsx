import { fireEvent, screen, within } from '@testing-library/react';
import { stringifyRegistryYaml } from '../../domain/io/native';
import { baseRegistry } from '../../domain/testing/builders';
import { readOnlyMessage } from '../../storage/messages';
import { saveAs } from '../../storage/testing/asUser';
import { adminUser, editorUser, otherAdminUser, viewerUser } from '../../storage/testing/users';
import { testIds } from '../testIds';
import { DEFAULT_SQL_BILLING_QUERY } from './billing';
import { mockBackend, renderAppConfig } from './testing/renderAppConfig';

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  DataSourcePicker: jest.requireActual('./testing/FakeDataSourcePicker').FakeDataSourcePicker,
  getBackendSrv: () => mockBackend.current,
}));

function pick(inputId: string, uid: string) {
  fireEvent.change(screen.getByLabelText(inputId), { target: { value: uid } });
}

describe('AppConfig', () => {
  test('data sources and defaults chosen by an admin are saved into the plugin settings', async () => {
    const server = renderAppConfig(adminUser, baseRegistry());
    await screen.findByTestId(testIds.appConfig.container);
    const documents = server.uids().map((uid) => server.dashboard(uid));

    pick('bizowner-prometheus', 'prom-main');
    pick('bizowner-loki', 'loki-main');
    pick('bizowner-billing', 'billing-pg');
    fireEvent.click(within(screen.getByTestId(testIds.appConfig.defaultWindow)).getByLabelText('28 days'));
    expect(screen.getByTestId(testIds.appConfig.billingQuery)).toHaveValue(DEFAULT_SQL_BILLING_QUERY);
    fireEvent.click(screen.getByTestId(testIds.appConfig.saveSettings));

    // Settings live in the plugin settings, not in the registry's documents: the revision stays.
    expect(await screen.findByText('Saved as revision 1')).toBeInTheDocument();
    const settings = {
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
    };
    expect(server.settings().jsonData).toEqual({ settings, unrelated: 'keep me' });
    expect(server.registry()).toMatchObject({ revision: 1, settings, services: baseRegistry().services });
    expect(server.uids().map((uid) => server.dashboard(uid))).toEqual(documents);
  });

  test("Sloth's series are off by default; the switch turns them on and the save keeps it", async () => {
    const server = renderAppConfig(adminUser, baseRegistry());
    await screen.findByTestId(testIds.appConfig.container);
    const toggle = screen.getByRole('switch', { name: /^Also record Sloth's series/ });
    expect(toggle).not.toBeChecked();

    fireEvent.click(toggle);
    fireEvent.click(screen.getByTestId(testIds.appConfig.saveSettings));

    expect(await screen.findByText('Saved as revision 1')).toBeInTheDocument();
    expect(server.settings().jsonData).toMatchObject({ settings: { slothSeries: true } });
    expect(screen.getByRole('switch', { name: /^Also record Sloth's series/ })).toBeChecked();
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
    const server = renderAppConfig(adminUser, baseRegistry());
    await screen.findByTestId(testIds.appConfig.container);

    pick('bizowner-billing', 'prom-main');
    const query = screen.getByTestId(testIds.appConfig.billingQuery);
    fireEvent.change(query, { target: { value: 'sum(rate(cloud_cost_usd_total{$costTags}[1h])) * * 3600' } });
    expect(screen.getByText('unexpected "*" at column 50')).toBeInTheDocument();
    expect(screen.getByTestId(testIds.appConfig.saveSettings)).toBeDisabled();

    fireEvent.change(query, { target: { value: 'sum(rate(cloud_cost_usd_total{$costTags}[1h])) * 3600' } });
    expect(screen.queryByText(/unexpected/)).not.toBeInTheDocument();
    expect(server.writes()).toBe(0);
    fireEvent.click(screen.getByTestId(testIds.appConfig.saveSettings));
    expect(await screen.findByText('Saved as revision 1')).toBeInTheDocument();
    expect(server.settings().jsonData?.settings).toMatchObject({
      billing: { uid: 'prom-main', kind: 'prometheus', query: 'sum(rate(cloud_cost_usd_total{$costTags}[1h])) * 3600' },
    });
  });

  test('a viewer sees the read-only notice, disabled controls, and can still export', async () => {
    const server = renderAppConfig(viewerUser, baseRegistry());
    const before = server.snapshot();
    await screen.findByTestId(testIds.appConfig.container);

    expect(screen.getByTestId(testIds.appConfig.readOnlyNotice)).toHaveTextContent(readOnlyMessage());
    expect(readOnlyMessage()).toContain('saving needs edit permission on the "Business Owner registry" folder');
    for (const inputId of ['bizowner-prometheus', 'bizowner-loki', 'bizowner-billing']) {
      expect(screen.getByLabelText(inputId)).toBeDisabled();
    }
    expect(within(screen.getByTestId(testIds.appConfig.defaultWindow)).getByLabelText('30 days')).toBeDisabled();
    expect(screen.getByTestId(testIds.appConfig.saveSettings)).toBeDisabled();
    expect(screen.getByTestId(testIds.appConfig.importText)).toBeDisabled();
    expect(screen.getByTestId(testIds.appConfig.importCheck)).toBeDisabled();
    expect(screen.queryByTestId(testIds.appConfig.importFile)).not.toBeInTheDocument();
    // The fake seeds the index at 2026-12-01 as `admin`; the export carries that stamp.
    const stored = { ...baseRegistry(), revision: 1, updatedAt: '2026-12-01T00:00:00Z', updatedBy: 'admin' };
    expect(screen.getByTestId(testIds.appConfig.exportYaml)).toHaveValue(stringifyRegistryYaml(stored));
    expect(screen.getByTestId(testIds.appConfig.exportDownload)).toBeEnabled();
    expect(server.writes()).toBe(0);
    expect(server.snapshot()).toBe(before);
  });

  test('an Editor may import into the registry but not change the settings, which need plugins:write', async () => {
    const server = renderAppConfig(editorUser, baseRegistry());
    await screen.findByTestId(testIds.appConfig.container);

    expect(screen.queryByTestId(testIds.appConfig.readOnlyNotice)).not.toBeInTheDocument();
    expect(screen.getByTestId(testIds.appConfig.settingsReadOnly)).toHaveTextContent(
      'needs the Admin role (plugins:write)'
    );
    for (const inputId of ['bizowner-prometheus', 'bizowner-loki', 'bizowner-billing']) {
      expect(screen.getByLabelText(inputId)).toBeDisabled();
    }
    expect(screen.getByTestId(testIds.appConfig.saveSettings)).toBeDisabled();
    expect(screen.getByTestId(testIds.appConfig.importText)).toBeEnabled();
    expect(screen.getByTestId(testIds.appConfig.importFile)).toBeInTheDocument();
    expect(server.writes()).toBe(0);
  });

  test('a settings save after someone else saved the registry keeps their change', async () => {
    const server = renderAppConfig(adminUser, baseRegistry());
    await screen.findByTestId(testIds.appConfig.container);
    const theirs = await saveAs(server, otherAdminUser, (doc) => ({ ...doc, people: [] }));
    expect(theirs).toMatchObject({ revision: 2, people: [] });

    pick('bizowner-loki', 'loki-main');
    fireEvent.click(screen.getByTestId(testIds.appConfig.saveSettings));

    // The people are a document of their own, which a settings save does not write.
    // The page still shows the registry it loaded (revision 1) until it reloads.
    expect(await screen.findByTestId(testIds.appConfig.saveOutcome)).toHaveTextContent('Saved as revision 1');
    expect(server.registry()).toMatchObject({
      revision: 2,
      people: [],
      updatedBy: 'bruno',
      settings: { loki: { uid: 'loki-main' } },
    });
    expect(server.settings().jsonData?.unrelated).toBe('keep me');
  });

  test('Check storage reads every document and says the index is up to date', async () => {
    renderAppConfig(adminUser, baseRegistry());
    await screen.findByTestId(testIds.appConfig.container);
    fireEvent.click(screen.getByTestId(testIds.appConfig.checkStorage));
    const outcome = await screen.findByTestId(testIds.appConfig.checkOutcome);
    expect(outcome).toHaveTextContent('3 documents checked');
    expect(outcome).toHaveTextContent('The index was up to date.');
  });

  test('a Viewer cannot run Check storage', async () => {
    renderAppConfig(viewerUser, baseRegistry());
    await screen.findByTestId(testIds.appConfig.container);
    expect(screen.getByTestId(testIds.appConfig.checkStorage)).toBeDisabled();
  });
});
