import React, { ReactNode } from 'react';
import { act, renderHook, waitFor } from '@testing-library/react';
import { PLUGIN_ID } from '../constants';
import { baseRegistry } from '../domain/testing/builders';
import { RegistryUser } from './access';
import { readOnlyMessage } from './messages';
import { RegistryProvider, useRegistry } from './RegistryContext';
import { createFakeGrafana, FakeGrafana } from './testing/fakeGrafana';
import { apiAs } from './testing/asUser';
import { adminUser, otherAdminUser, viewerUser } from './testing/users';

function renderRegistry(user: RegistryUser, server: FakeGrafana) {
  const api = apiAs(server, user);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <RegistryProvider api={api} user={user}>
      {children}
    </RegistryProvider>
  );
  return renderHook(() => useRegistry(), { wrapper });
}

/** A fake Grafana whose folder holds the base registry: its index is at version 1, so is the revision. */
function seededServer() {
  return createFakeGrafana(PLUGIN_ID, { registry: baseRegistry() });
}

describe('RegistryProvider', () => {
  test('loads the registry and lets an admin save, after which the saved revision is shown', async () => {
    const { result } = renderRegistry(adminUser, seededServer());
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current).toMatchObject({
      canWrite: true,
      canWriteSettings: true,
      readOnlyReason: undefined,
      doc: { revision: 1 },
    });

    await act(async () => {
      const saved = await result.current.save({ ...result.current.doc!, people: [] });
      expect(saved.ok).toBe(true);
    });
    expect(result.current.doc).toMatchObject({ revision: 2, people: [], updatedBy: 'ana' });
  });

  test('a viewer reads the registry, is told why it is read-only, and cannot save', async () => {
    const server = seededServer();
    const before = server.snapshot();
    const { result } = renderRegistry(viewerUser, server);
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.doc?.services).toEqual(baseRegistry().services);
    expect(result.current).toMatchObject({ canWrite: false, canWriteSettings: false });
    expect(result.current.readOnlyReason).toBe(readOnlyMessage());
    expect(result.current.readOnlyReason).toContain('edit permission on the "Business Owner registry" folder');

    const saved = await result.current.save({ ...result.current.doc!, people: [] });
    expect(saved).toMatchObject({ ok: false, kind: 'forbidden', message: readOnlyMessage() });
    expect(server.writes()).toBe(0);
    expect(server.snapshot()).toBe(before);
  });

  test('a failed load is shown as an error, and reload recovers', async () => {
    const server = seededServer();
    server.failNext('GET', 500, 'database is locked', /\/api\/dashboards\/uid\//);
    const { result } = renderRegistry(adminUser, server);
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.error).toContain('database is locked');
    expect(result.current.doc).toBeUndefined();

    await act(() => result.current.reload());
    expect(result.current).toMatchObject({ error: undefined, doc: { revision: 1 } });
  });

  test('a conflict leaves the shown registry alone until reload', async () => {
    const server = seededServer();
    const { result } = renderRegistry(adminUser, server);
    await waitFor(() => expect(result.current.loading).toBe(false));
    const other = renderRegistry(otherAdminUser, server);
    await waitFor(() => expect(other.result.current.loading).toBe(false));
    // Both change the people, which one document holds: the second save is refused.
    await act(async () => {
      await other.result.current.save({ ...other.result.current.doc!, people: [] });
    });

    let outcome;
    await act(async () => {
      outcome = await result.current.save({ ...result.current.doc!, people: result.current.doc!.people.slice(0, 1) });
    });
    expect(outcome).toMatchObject({ ok: false, kind: 'conflict', updatedBy: 'bruno' });
    expect(result.current.doc).toMatchObject({ revision: 1, people: baseRegistry().people });
    expect(server.registry()).toMatchObject({ revision: 2, people: [] });

    await act(() => result.current.reload());
    expect(result.current.doc).toMatchObject({ revision: 2, people: [] });
  });

  test('saves of different documents do not conflict: each keeps the other one', async () => {
    const server = seededServer();
    const { result } = renderRegistry(adminUser, server);
    await waitFor(() => expect(result.current.loading).toBe(false));
    const other = renderRegistry(otherAdminUser, server);
    await waitFor(() => expect(other.result.current.loading).toBe(false));
    await act(async () => {
      await other.result.current.save({ ...other.result.current.doc!, slos: [] });
    });

    await act(async () => {
      const saved = await result.current.save({ ...result.current.doc!, people: [] });
      expect(saved.ok).toBe(true);
    });
    expect(result.current.doc).toMatchObject({ revision: 3, people: [], slos: [] });
    expect(server.registry()).toMatchObject({ revision: 3, people: [], slos: [] });
  });
});
