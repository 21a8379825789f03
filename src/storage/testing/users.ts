import { OrgRole } from '@grafana/data';
import { RegistryUser } from '../access';

/** An org Admin, who holds `plugins:write` and `alert.provisioning:write` by default. */
export const adminUser: RegistryUser = {
  login: 'ana',
  orgRole: OrgRole.Admin,
  permissions: { 'plugins:write': true, 'alert.provisioning:write': true },
};

/** A second org Admin, for two writers saving at the same time. */
export const otherAdminUser: RegistryUser = { ...adminUser, login: 'bruno' };

/** An org Viewer: can read the app's settings, cannot write them. */
export const viewerUser: RegistryUser = {
  login: 'vera',
  orgRole: OrgRole.Viewer,
  permissions: { 'plugins.app:access': true, 'plugins:read': true },
};

/** An org Editor granted `plugins:write` (may save the registry) but not alert provisioning. */
export const registryEditorUser: RegistryUser = {
  login: 'eli',
  orgRole: OrgRole.Editor,
  permissions: { 'plugins:write': true, 'alert.provisioning:read': true },
};
