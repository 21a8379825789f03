import { OrgRole } from '@grafana/data';
import { canCreateFolders, canPushAlertRules, canPushNotifications, canWriteSettings, RegistryUser } from './access';

describe('canWriteSettings', () => {
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
    [
      'Editor who may edit dashboards and create folders',
      { login: 'e', orgRole: OrgRole.Editor, permissions: { 'dashboards:write': true, 'folders:create': true } },
      false,
    ],
    [
      'Admin whose plugins:write was removed',
      { login: 'a', orgRole: OrgRole.Admin, permissions: { 'plugins:read': true } },
      false,
    ],
    ['Viewer', { login: 'v', orgRole: OrgRole.Viewer, permissions: { 'plugins.app:access': true } }, false],
    ['no permission map: org Admin', { login: 'a', orgRole: OrgRole.Admin }, true],
    ['empty permission map: org Admin', { login: 'a', orgRole: OrgRole.Admin, permissions: {} }, true],
    ['no permission map: Editor', { login: 'e', orgRole: OrgRole.Editor, permissions: {} }, false],
  ])('%s → %s', (_name, user, expected) => {
    expect(canWriteSettings(user)).toBe(expected);
  });
});

describe('canCreateFolders', () => {
  test.each<[string, RegistryUser | undefined, boolean]>([
    ['no user', undefined, false],
    [
      'Editor with folders:create',
      { login: 'e', orgRole: OrgRole.Editor, permissions: { 'folders:create': true } },
      true,
    ],
    [
      'Viewer granted folders:create',
      { login: 'v', orgRole: OrgRole.Viewer, permissions: { 'folders:create': true } },
      true,
    ],
    [
      'Admin whose folders:create was removed',
      { login: 'a', orgRole: OrgRole.Admin, permissions: { 'plugins:write': true } },
      false,
    ],
    ['Viewer', { login: 'v', orgRole: OrgRole.Viewer, permissions: { 'plugins.app:access': true } }, false],
    ['no permission map: org Admin', { login: 'a', orgRole: OrgRole.Admin }, true],
    ['no permission map: Editor', { login: 'e', orgRole: OrgRole.Editor }, true],
    ['no permission map: Viewer', { login: 'v', orgRole: OrgRole.Viewer, permissions: {} }, false],
    ['no permission map: no org role', { login: 'n', orgRole: OrgRole.None }, false],
  ])('%s → %s', (_name, user, expected) => {
    expect(canCreateFolders(user)).toBe(expected);
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

describe('canPushNotifications', () => {
  test.each<[string, RegistryUser | undefined, boolean]>([
    ['no user', undefined, false],
    [
      'Admin with alert.provisioning:write',
      { login: 'a', orgRole: OrgRole.Admin, permissions: { 'alert.provisioning:write': true } },
      true,
    ],
    [
      'Editor granted the notifications-only provisioning action',
      { login: 'e', orgRole: OrgRole.Editor, permissions: { 'alert.notifications.provisioning:write': true } },
      true,
    ],
    [
      'Editor granted the rules-only provisioning action',
      { login: 'e', orgRole: OrgRole.Editor, permissions: { 'alert.rules.provisioning:write': true } },
      false,
    ],
    ['no permission map: org Admin', { login: 'a', orgRole: OrgRole.Admin }, true],
    ['no permission map: Editor', { login: 'e', orgRole: OrgRole.Editor }, false],
  ])('%s → %s', (_name, user, expected) => {
    expect(canPushNotifications(user)).toBe(expected);
  });
});
