/**
 * What the registry's storage tells people, in one place: the store returns these as values and
 * the UI shows them next to the form or page.
 */
import { t } from '@grafana/i18n';
import { REGISTRY_FOLDER } from './documents/layout';

// The interpolated values are user data shown as React text, which React escapes itself.
const RAW = { interpolation: { escapeValue: false } };

/** Why a user without write access to the registry's folder cannot save. */
export function readOnlyMessage(): string {
  return t(
    'bizowner.storage.readOnly',
    'You can view but not change the registry: saving needs edit permission on the "{{folder}}" folder (Editors have it unless an admin changed the folder permissions). Ask an admin, or export YAML.',
    { folder: REGISTRY_FOLDER.title, ...RAW }
  );
}

/** Why nobody can save in the app when the registry is provisioned from files. */
export function provisionedMessage(file: string): string {
  return t(
    'bizowner.storage.provisioned',
    'This registry is provisioned from files ({{file}}), which are its source of truth: the app shows it read-only. Change the registry YAML in its repository and regenerate the files with `cli provision`; Grafana applies them at its next start.',
    { file, ...RAW }
  );
}

/** Why a user without `plugins:write` cannot change the app's settings. */
export function settingsReadOnlyMessage(): string {
  return t(
    'bizowner.storage.settingsReadOnly',
    "You can view but not change the app's settings (data sources, billing, defaults): that needs the Admin role (plugins:write)."
  );
}

export function loadFailedMessage(status: number, reason: string): string {
  return t('bizowner.storage.loadFailed', 'Could not read the registry ({{answer}}): {{reason}}', {
    answer: answerOf(status),
    reason,
    ...RAW,
  });
}

export function saveFailedMessage(status: number, reason: string, left: string[]): string {
  const base = t('bizowner.storage.saveFailed', 'Saving failed ({{answer}}): {{reason}}.', {
    answer: answerOf(status),
    reason,
    ...RAW,
  });
  return `${base} ${rollbackSentence(left)}`;
}

/** Whether a refused save left anything changed. */
export function rollbackSentence(left: string[]): string {
  return left.length === 0
    ? t('bizowner.storage.nothingSaved', 'The stored registry was not changed.')
    : t(
        'bizowner.storage.partlySaved',
        'These documents were changed and could not be put back because someone changed them since: {{uids}}. Reload to see what is stored.',
        { uids: left.join(', '), ...RAW }
      );
}

export function conflictMessage(values: {
  who: string;
  when: string;
  what: string;
  version: number;
  summary: string;
}): string {
  return t(
    'bizowner.storage.conflict',
    '{{who}} saved {{what}} at {{when}} (version {{version}}) after you loaded it: {{summary}}. Nothing was saved; your edits are still here. Reload to see their changes, then apply yours again.',
    { ...values, ...RAW }
  );
}

export function settingsConflictMessage(summary: string): string {
  return t(
    'bizowner.storage.settingsConflict',
    "Someone changed the app's settings after you loaded them: {{summary}}. Nothing was saved; your edits are still here. Reload to see their changes, then apply yours again.",
    { summary, ...RAW }
  );
}

export function settingsNotSavedMessage(status: number, reason: string): string {
  return t(
    'bizowner.storage.settingsNotSaved',
    'The services, SLOs and people were saved, but the settings were not ({{answer}}: {{reason}}). Reload, then save the settings again.',
    { answer: answerOf(status), reason, ...RAW }
  );
}

export function someone(): string {
  return t('bizowner.storage.someone', 'someone');
}

export function unknownTime(): string {
  return t('bizowner.storage.unknownTime', 'an unknown time');
}

export function indexWarningMessage(reason: string): string {
  return t(
    'bizowner.storage.indexWarning',
    'Saved. The index that pages read the registry from could not be updated ({{reason}}), so some pages may show the previous values until the next save; "Check storage" on the configuration page rebuilds it.',
    { reason, ...RAW }
  );
}

export function migratedMessage(counts: { services: number; slos: number; people: number }): string {
  return t(
    'bizowner.storage.migrated',
    'The registry was moved from the plugin settings into the "{{folder}}" folder ({{services}} services, {{slos}} SLOs, {{people}} people) and checked value by value. The plugin settings now keep only the data sources and defaults.',
    { folder: REGISTRY_FOLDER.title, ...counts, ...RAW }
  );
}

export function legacyPendingMessage(): string {
  return t(
    'bizowner.storage.legacyPending',
    'The registry is still in the plugin settings, where Grafana provisioning can overwrite it. An admin opening the app moves it into the "{{folder}}" folder; until then it is read-only.',
    { folder: REGISTRY_FOLDER.title, ...RAW }
  );
}

export function legacyIgnoredMessage(): string {
  return t(
    'bizowner.storage.legacyIgnored',
    'The plugin settings still hold a registry (jsonData.registry), probably from a provisioning file. It is ignored: the registry lives in the "{{folder}}" folder. Remove jsonData.registry from the provisioning file.',
    { folder: REGISTRY_FOLDER.title, ...RAW }
  );
}

export function indexRebuiltMessage(documents: number): string {
  return t(
    'bizowner.storage.indexRebuilt',
    'The index of the "{{folder}}" folder was missing and was rebuilt from its {{documents}} documents.',
    { folder: REGISTRY_FOLDER.title, documents, ...RAW }
  );
}

export function editedSinceMoveMessage(): string {
  return t(
    'bizowner.storage.editedSinceMove',
    'The folder already holds registry documents that were edited after an earlier move, so the registry in the plugin settings was not moved over them; remove jsonData.registry from the plugin settings (or their provisioning file).'
  );
}

function answerOf(status: number): string {
  return status ? `HTTP ${status}` : t('bizowner.storage.noAnswer', 'no answer from Grafana');
}
