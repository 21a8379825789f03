import React, { useCallback } from 'react';
import { EmbeddedScene } from '@grafana/scenes';
import { RegistryDocument } from '../domain/model';
import { RegistrySceneView } from './RegistrySceneView';
import { getCostScene, getDebugScene, getOnCallScene } from './serviceScenes';

export type ServiceDashboardKind = 'onCall' | 'debug' | 'cost';

const FACTORIES: Record<ServiceDashboardKind, (doc: RegistryDocument, serviceId: string) => EmbeddedScene> = {
  onCall: getOnCallScene,
  debug: getDebugScene,
  cost: getCostScene,
};

/** The on-call, debug or cost dashboard of a service, as a URL-synced scene. */
export function ServiceDashboard({
  doc,
  serviceId,
  kind,
}: {
  doc: RegistryDocument;
  serviceId: string;
  kind: ServiceDashboardKind;
}) {
  const build = useCallback((registry: RegistryDocument) => FACTORIES[kind](registry, serviceId), [kind, serviceId]);
  return <RegistrySceneView doc={doc} build={build} />;
}
