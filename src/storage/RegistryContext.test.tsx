import React, { ReactNode } from 'react';
import { act, renderHook, waitFor } from '@testing-library/react';
import { PLUGIN_ID } from '../constants';
import { baseRegistry } from '../domain/testing/builders';
import { RegistryUser } from './access';
import { createGrafanaSettingsApi } from './grafanaSettingsApi';
import { RegistryProvider, useRegistry } from './RegistryContext';
import { createFakeSettingsServer, FakeSettingsServer } from './testing/fakeSettingsServer';
import { adminUser, viewerUser } from './testing/users';

function renderRegistry(user: RegistryUser, server: FakeSettingsServer) {
  const api = createGrafanaSettingsApi(PLUGIN_ID, server);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <RegistryProvider api={api} user={user}>
      {children}
    </RegistryProvider>
  );
  return renderHook(() => useRegistry(), { wrapper });
}

function serverWith(revision: number) {
  return createFakeSettingsServer(PLUGIN_ID, { jsonData: { registry: baseRegistry({ revision }) } });
}

describe('RegistryProvider', () => {
  test('loads the registry and lets an admin save, after which the saved revision is shown', async () => {
    const { result } = renderRegistry(adminUser, serverWith(2));
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current).toMatchObject({ canWrite: true, readOnlyReason: undefined, doc: { revision: 2 } });

    await act(async () => {
      const saved = await result.current.save({ ...result.current.doc!, people: [] });
      expect(saved.ok).toBe(true);
    });
    expect(result.current.doc).toMatchObject({ revision: 3, people: [], updatedBy: 'ana' });
  });

  test('a viewer reads the registry, is told why it is read-only, and cannot save', async () => {
    const server = serverWith(2);
    const { result } = renderRegistry(viewerUser, server);
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.canWrite).toBe(false);
    expect(result.current.readOnlyReason).toContain('saving needs the Admin role (plugins:write)');

    const saved = await result.current.save(result.current.doc!);
    expect(saved).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(server.requests.map((r) => r.method)).toEqual(['GET']);
  });

  test('a failed load is shown as an error, and reload recovers', async () => {
    const server = serverWith(2);
    server.failNext('GET', 500, 'database is locked');
    const { result } = renderRegistry(adminUser, server);
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.error).toContain('database is locked');
    expect(result.current.doc).toBeUndefined();

    await act(() => result.current.reload());
    expect(result.current).toMatchObject({ error: undefined, doc: { revision: 2 } });
  });

  test('a conflict leaves the shown registry alone until reload', async () => {
    const server = serverWith(2);
    const { result } = renderRegistry(adminUser, server);
    await waitFor(() => expect(result.current.loading).toBe(false));
    const other = renderRegistry({ ...adminUser, login: 'bruno' }, server);
    await waitFor(() => expect(other.result.current.loading).toBe(false));
    await act(async () => {
      await other.result.current.save({ ...other.result.current.doc!, slos: [] });
    });

    let outcome;
    await act(async () => {
      outcome = await result.current.save({ ...result.current.doc!, people: [] });
    });
    expect(outcome).toMatchObject({ ok: false, kind: 'conflict', updatedBy: 'bruno' });
    expect(result.current.doc).toMatchObject({ revision: 2 });

    await act(() => result.current.reload());
    expect(result.current.doc).toMatchObject({ revision: 3, slos: [] });
  });
});
