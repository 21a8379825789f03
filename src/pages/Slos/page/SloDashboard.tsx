import React, { useCallback } from 'react';
import { RegistryDocument } from '../../../domain/model';
import { RegistrySceneView } from '../../../scenes/RegistrySceneView';
import { getSloScene } from '../../../scenes/sloScene';
import { useRegistry } from '../../../storage/RegistryContext';
import { sloEditEvents } from './sloEdits';

/** The SLO page's panels as a URL-synced scene, with the SLO's edits from its service's history. */
export function SloDashboard({ doc, sloId, serviceId }: { doc: RegistryDocument; sloId: string; serviceId: string }) {
  const { history } = useRegistry();
  const loadEdits = useCallback(
    () => history(serviceId).then((result) => sloEditEvents(result, sloId)),
    [history, serviceId, sloId]
  );
  const build = useCallback(
    (registry: RegistryDocument) => getSloScene(registry, sloId, loadEdits),
    [sloId, loadEdits]
  );
  return <RegistrySceneView doc={doc} build={build} />;
}
