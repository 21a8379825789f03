import { useState } from 'react';
import { RegistryDocument } from '../../domain/model';
import { useRegistry } from '../../storage/RegistryContext';
import { SaveResult } from '../../storage/registryStore';

/**
 * One form's save: whether it is running, its last result, and a reload that also clears that
 * result (after a conflict the user reloads, keeps their edits and saves again).
 */
export function useSave(needs: 'registry' | 'settings' = 'registry') {
  const registry = useRegistry();
  const { loading, save, reload } = registry;
  const canWrite = needs === 'settings' ? registry.canWriteSettings : registry.canWrite;
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<SaveResult>();

  const run = async (next: RegistryDocument): Promise<SaveResult> => {
    setSaving(true);
    const outcome = await save(next);
    setSaving(false);
    setResult(outcome);
    return outcome;
  };
  const reloadLatest = () => {
    setResult(undefined);
    reload();
  };

  return {
    /** Controls are disabled for read-only users, while saving and while the registry reloads. */
    disabled: !canWrite || saving || loading,
    canWrite,
    saving,
    result,
    clearResult: () => setResult(undefined),
    save: run,
    reloadLatest,
  };
}
