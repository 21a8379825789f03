import { OrgRole } from '@grafana/data';
import { canPushAlertRules, canWriteRegistry, RegistryUser } from './access';

describe('canWriteRegistry', () => {
  test.each<[string, RegistryUser | undefined, boolean]>([
    ['no user', undefined, false],
    [
      'org Admin with plugins:write',
      { login: 'a', orgRole: OrgRole.Admin, permissions: { 'plugins:write': true } },
      true,
    ],
    [
      'Editor granted plugins:write',
      { login: 'e', orgRole: OrgRole.Editor, permissions: { 'plugins:write': true } },
      true,
    ],
    ['Editor without it', { login: 'e', orgRole: OrgRole.Editor, permissions: { 'dashboards:write': true } }, false],
    [
      'Admin whose plugins:write was removed',
      { login: 'a', orgRole: OrgRole.Admin, permissions: { 'plugins:read': true } },
      false,
    ],
    ['Viewer', { login: 'v', orgRole: OrgRole.Viewer, permissions: { 'plugins.app:access': true } }, false],
    ['no permission map: org Admin', { login: 'a', orgRole: OrgRole.Admin }, true],
    ['no permission map: Editor', { login: 'e', orgRole: OrgRole.Editor, permissions: {} }, false],
  ])('%s → %s', (_name, user, expected) => {
    expect(canWriteRegistry(user)).toBe(expected);
  });
});

describe('canPushAlertRules', () => {
  test.each<[string, RegistryUser | undefined, boolean]>([
    ['no user', undefined, false],
    [
      'Admin with alert.provisioning:write',
      { login: 'a', orgRole: OrgRole.Admin, permissions: { 'alert.provisioning:write': true } },
      true,
    ],
    [
      'Editor granted the rules-only provisioning action',
      { login: 'e', orgRole: OrgRole.Editor, permissions: { 'alert.rules.provisioning:write': true } },
      true,
    ],
    [
      'Editor with provisioning read only',
      { login: 'e', orgRole: OrgRole.Editor, permissions: { 'alert.provisioning:read': true } },
      false,
    ],
    ['Viewer', { login: 'v', orgRole: OrgRole.Viewer, permissions: { 'plugins.app:access': true } }, false],
    ['no permission map: org Admin', { login: 'a', orgRole: OrgRole.Admin }, true],
    ['no permission map: Editor', { login: 'e', orgRole: OrgRole.Editor }, false],
  ])('%s → %s', (_name, user, expected) => {
    expect(canPushAlertRules(user)).toBe(expected);
  });
});
