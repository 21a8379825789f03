// Types only: this module also runs in Node (command line, sandbox), where @grafana/data cannot load.
import type { CurrentUserDTO } from '@grafana/data';

/** Grafana's basic organisation roles, as `bootData.user.orgRole` spells them. */
type BasicRole = 'Admin' | 'Editor' | 'Viewer';

/** The RBAC action Grafana checks on `POST /api/plugins/:pluginId/settings`. */
const SETTINGS_WRITE_PERMISSION = 'plugins:write';

/** The RBAC action Grafana checks on `POST /api/folders`; OSS grants it to Editors and Admins. */
const FOLDER_CREATE_PERMISSION = 'folders:create';

/** What the registry needs to know about the signed-in user (a slice of `config.bootData.user`). */
export type RegistryUser = Pick<CurrentUserDTO, 'login' | 'orgRole' | 'permissions'>;

/**
 * Whether `user` holds `action`. Grafana puts the user's RBAC actions in
 * `bootData.user.permissions`; without that map (older servers) the org roles that hold the action
 * by default decide. Being a Grafana server admin is not enough: permissions are per organisation.
 */
function holds(user: RegistryUser | undefined, actions: string[], defaultRoles: BasicRole[]): boolean {
  if (!user) {
    return false;
  }
  if (user.permissions && Object.keys(user.permissions).length > 0) {
    return actions.some((action) => user.permissions?.[action] === true);
  }
  return defaultRoles.includes(user.orgRole as BasicRole);
}

/**
 * Whether the user may change the app's settings (data sources, billing query, defaults), which
 * Grafana keeps in the plugin settings: `plugins:write`, org Admins by default.
 */
export function canWriteSettings(user: RegistryUser | undefined): boolean {
  return holds(user, [SETTINGS_WRITE_PERMISSION], ['Admin']);
}

/** Whether the user may create the registry's folder on a first save: `folders:create`. */
export function canCreateFolders(user: RegistryUser | undefined): boolean {
  return holds(user, [FOLDER_CREATE_PERMISSION], ['Admin', 'Editor']);
}

/**
 * RBAC actions that let a user write alert rules through Grafana's provisioning API
 * (`/api/v1/provisioning/alert-rules`): the general one and, on newer servers, the rules-only one.
 */
const ALERT_PROVISIONING_WRITE = ['alert.provisioning:write', 'alert.rules.provisioning:write'];

/** Whether the user may push alert rules to Grafana (org Admins by default). */
export function canPushAlertRules(user: RegistryUser | undefined): boolean {
  return holds(user, ALERT_PROVISIONING_WRITE, ['Admin']);
}

/**
 * RBAC actions that let a user write contact points and notification policies through Grafana's
 * provisioning API: the general one and the notifications-only one.
 */
const NOTIFICATION_PROVISIONING_WRITE = ['alert.provisioning:write', 'alert.notifications.provisioning:write'];

/** Whether the user may push contact points and notification policies to Grafana (org Admins by default). */
export function canPushNotifications(user: RegistryUser | undefined): boolean {
  return holds(user, NOTIFICATION_PROVISIONING_WRITE, ['Admin']);
}

/**
 * The RBAC action Grafana checks on `POST /api/annotations`; for organization annotations (no
 * dashboard) on `annotations:type:organization`, which OSS grants Editors (`fixed:annotations:writer`)
 * and Admins. `bootData` lists actions without their scopes: a Viewer who may edit some dashboard
 * holds it for that dashboard's annotations only, and Grafana's 403 then says so.
 */
const ANNOTATION_CREATE_PERMISSION = 'annotations:create';

/** Whether the user may record an acknowledgement (an organization annotation): Editors and Admins by default. */
export function canWriteAnnotations(user: RegistryUser | undefined): boolean {
  return holds(user, [ANNOTATION_CREATE_PERMISSION], ['Admin', 'Editor']);
}
