/** Grafana's basic organisation roles, as the sandbox stands in for them. */
export type OrgRole = 'Admin' | 'Editor' | 'Viewer';

/**
 * Permissions Grafana grants each basic role for this app (RBAC defaults): everyone signed in may
 * open the app and read its settings; only org admins hold `plugins:write`, which
 * `POST /api/plugins/:id/settings` requires.
 */
const ROLE_PERMISSIONS: Record<OrgRole, string[]> = {
  Viewer: ['plugins.app:access'],
  Editor: ['plugins.app:access', 'alert.provisioning:read', 'dashboards:create', 'dashboards:write'],
  Admin: [
    'plugins.app:access',
    'plugins:write',
    'alert.provisioning:read',
    'alert.provisioning:write',
    'dashboards:create',
    'dashboards:write',
  ],
};

export function parseRole(value: string | undefined): OrgRole {
  if (value === undefined || value === '') {
    return 'Admin';
  }
  if (value === 'Admin' || value === 'Editor' || value === 'Viewer') {
    return value;
  }
  throw new Error(`SANDBOX_ROLE must be Admin, Editor or Viewer, not "${value}"`);
}

export function permissionsOf(role: OrgRole): Record<string, boolean> {
  return Object.fromEntries(ROLE_PERMISSIONS[role].map((permission) => [permission, true]));
}

export function can(role: OrgRole, permission: string): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
