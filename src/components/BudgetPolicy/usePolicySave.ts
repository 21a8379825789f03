import { useCallback, useState } from 'react';
import { config } from '@grafana/runtime';
import { RegistryDocument } from '../../domain/model';
import { RegistryFailure } from '../../storage/registryStore';
import { useRegistry } from '../../storage/RegistryContext';

/** Who records a policy edit: the signed-in user's login. */
export function currentLogin(): string {
  return config.bootData.user?.login || 'unknown';
}

/**
 * Saves a policy edit through the registry's save path, as the service page's other edits do:
 * `run` resolves to whether it was saved, and `failure` says why not.
 */
export function usePolicySave() {
  const { save } = useRegistry();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<RegistryFailure>();
  const run = useCallback(
    async (next: RegistryDocument): Promise<boolean> => {
      setSaving(true);
      const result = await save(next);
      setSaving(false);
      setFailure(result.ok ? undefined : result);
      return result.ok;
    },
    [save]
  );
  return { saving, failure, run };
}
