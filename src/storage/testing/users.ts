import { OrgRole } from '@grafana/data';
import { RegistryUser } from '../access';

/** An org Admin, who holds `plugins:write` and `alert.provisioning:write` by default. */
export const adminUser: RegistryUser = {
  login: 'ana',
  orgRole: OrgRole.Admin,
  permissions: { 'plugins:write': true, 'alert.provisioning:write': true, 'folders:create': true },
};

/** A second org Admin, for two writers saving at the same time. */
export const otherAdminUser: RegistryUser = { ...adminUser, login: 'bruno' };

/** An org Viewer: can read the app's settings, cannot write them. */
export const viewerUser: RegistryUser = {
  login: 'vera',
  orgRole: OrgRole.Viewer,
  permissions: { 'plugins.app:access': true, 'plugins:read': true },
};

/** An org Editor: edits the registry's folder, creates folders, cannot change the app's settings. */
export const editorUser: RegistryUser = {
  login: 'eli',
  orgRole: OrgRole.Editor,
  permissions: { 'folders:create': true, 'dashboards:write': true, 'alert.provisioning:read': true },
};
