import type { User } from '@grafana/plugin-e2e';

/** The admin plugin-e2e logs in as (its defaults and environment variables). */
export const ADMIN: User = {
  user: process.env.GRAFANA_ADMIN_USER || 'admin',
  password: process.env.GRAFANA_ADMIN_PASSWORD || 'admin',
};

/**
 * The Viewer the read-only journey runs as. The `viewer-auth` project creates it through Grafana's
 * admin API (`POST /api/admin/users`, then the Viewer role in the main org) and stores its session.
 */
export const VIEWER: User & { role: 'Viewer' } = {
  user: process.env.GRAFANA_VIEWER_USER ?? 'bizowner-viewer',
  password: process.env.GRAFANA_VIEWER_PASSWORD ?? 'bizowner-viewer-password',
  role: 'Viewer',
};

/**
 * The Editor the restart journey runs as, created the same way by the `editor-auth` project. Editors
 * edit the registry through the default permissions of its folder.
 */
export const EDITOR: User & { role: 'Editor' } = {
  user: process.env.GRAFANA_EDITOR_USER ?? 'bizowner-editor',
  password: process.env.GRAFANA_EDITOR_PASSWORD ?? 'bizowner-editor-password',
  role: 'Editor',
};

/** Where plugin-e2e's `login` stores a user's session (`playwright/.auth/<login>.json`). */
export function storageStateOf(user: User): string {
  return `playwright/.auth/${user.user}.json`;
}
