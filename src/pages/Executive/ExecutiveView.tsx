import React from 'react';
import { RegistryLoaded } from '../../components/Registry/RegistryLoaded';
import { RegistryDocument } from '../../domain/model';
import { getExecutiveScene } from '../../scenes/executiveScene';
import { RegistrySceneView } from '../../scenes/RegistrySceneView';

const buildExecutive = (doc: RegistryDocument) => getExecutiveScene(doc);

/** The executive dashboard of the loaded registry. */
export function ExecutiveView() {
  return <RegistryLoaded>{(doc) => <RegistrySceneView doc={doc} build={buildExecutive} />}</RegistryLoaded>;
}
