import { CurrentUserDTO, OrgRole } from '@grafana/data';

/** The RBAC action Grafana checks on `POST /api/plugins/:pluginId/settings`. */
const WRITE_PERMISSION = 'plugins:write';

/** What the registry needs to know about the signed-in user (a slice of `config.bootData.user`). */
export type RegistryUser = Pick<CurrentUserDTO, 'login' | 'orgRole' | 'permissions'>;

/**
 * Whether the user may save the registry. Grafana puts the user's RBAC actions in
 * `bootData.user.permissions`; `plugins:write` comes with the org Admin role by default and can be
 * granted to others. Without that map (older servers) the org role decides. Being a Grafana server
 * admin is not enough: the permission is granted per organisation.
 */
export function canWriteRegistry(user: RegistryUser | undefined): boolean {
  if (!user) {
    return false;
  }
  if (user.permissions && Object.keys(user.permissions).length > 0) {
    return user.permissions[WRITE_PERMISSION] === true;
  }
  return user.orgRole === OrgRole.Admin;
}

/**
 * RBAC actions that let a user write alert rules through Grafana's provisioning API
 * (`/api/v1/provisioning/alert-rules`): the general one and, on newer servers, the rules-only one.
 */
const ALERT_PROVISIONING_WRITE = ['alert.provisioning:write', 'alert.rules.provisioning:write'];

/**
 * Whether the user may push alert rules to Grafana. With RBAC actions in `bootData.user.permissions`
 * one of the provisioning write actions decides; without them (older servers) the org Admin role,
 * which holds them by default.
 */
export function canPushAlertRules(user: RegistryUser | undefined): boolean {
  if (!user) {
    return false;
  }
  if (user.permissions && Object.keys(user.permissions).length > 0) {
    return ALERT_PROVISIONING_WRITE.some((action) => user.permissions?.[action] === true);
  }
  return user.orgRole === OrgRole.Admin;
}
