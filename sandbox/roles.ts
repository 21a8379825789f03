/** Grafana's basic organisation roles, as the sandbox stands in for them. */
export type OrgRole = 'Admin' | 'Editor' | 'Viewer';

/**
 * What a folder's managed permission levels grant, on the folder and on the dashboards in it
 * (pkg/services/accesscontrol/ossaccesscontrol: FolderViewActions/FolderEditActions/FolderAdminActions
 * joined with the dashboard actions of the same level).
 */
const FOLDER_VIEW = ['folders:read', 'dashboards:read'];
const FOLDER_EDIT = [
  ...FOLDER_VIEW,
  'folders:write',
  'folders:delete',
  'dashboards:create',
  'dashboards:write',
  'dashboards:delete',
];
const FOLDER_ADMIN = [
  ...FOLDER_EDIT,
  'folders.permissions:read',
  'folders.permissions:write',
  'dashboards.permissions:read',
  'dashboards.permissions:write',
];

/**
 * What every basic role reads: alert rules, their instances and silences (`fixed:alerting:reader`,
 * granted to Viewer) and organization annotations (`fixed:annotations:reader`, Viewer).
 */
const READER = ['plugins.app:access', 'alert.rules:read', 'alert.instances:read', 'annotations:read'];

/** Organization annotations written: `fixed:annotations:writer`, granted to Editor (pkg/api/accesscontrol.go). */
const ANNOTATIONS_WRITE = ['annotations:create', 'annotations:write', 'annotations:delete'];

/**
 * Permissions Grafana OSS grants each basic role (RBAC defaults). Everyone signed in may open the
 * app and read its settings; only org admins hold `plugins:write`. A new folder gives the Viewer
 * role View and the Editor role Edit, and Admins hold `fixed:folders:writer`/`fixed:dashboards:writer`
 * on every folder; the sandbox never changes a folder's permissions, so each role's level holds on
 * every folder and on the root. `folders:create` comes from `fixed:folders:creator` (Editor) and
 * `fixed:folders:writer` (Admin); Viewers may not create folders (pkg/api/accesscontrol.go).
 * Editors and Admins write organization annotations; Viewers only read them.
 */
const ROLE_PERMISSIONS: Record<OrgRole, string[]> = {
  Viewer: [...READER, ...FOLDER_VIEW],
  Editor: [...READER, 'alert.provisioning:read', 'folders:create', ...ANNOTATIONS_WRITE, ...FOLDER_EDIT],
  Admin: [
    ...READER,
    'plugins:write',
    'alert.provisioning:read',
    'alert.provisioning:write',
    'folders:create',
    ...ANNOTATIONS_WRITE,
    ...FOLDER_ADMIN,
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

/** The permissions map Grafana puts in the browser's bootData (`user.permissions`). */
export function permissionsOf(role: OrgRole): Record<string, boolean> {
  return Object.fromEntries(ROLE_PERMISSIONS[role].map((permission) => [permission, true]));
}

export function can(role: OrgRole, permission: string): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
