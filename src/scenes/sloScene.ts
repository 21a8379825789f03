/**
 * The scene of an SLO's page, built from the registry on each visit: the neutral SLO page model
 * (domain/dashboards/sloPage.ts), plus the SLO's edits from the registry's change history drawn
 * beside the deploys and incidents.
 */
import { EmbeddedScene, SceneDataLayerSet } from '@grafana/scenes';
import { buildSloDashboard } from '../domain/dashboards/sloPage';
import { RegistryDocument } from '../domain/model';
import { buildDashboardScene } from './dashboardScene';
import { EditAnnotationsLayer, EditEvent } from './EditAnnotationsLayer';

/** The page of `sloId`; `loadEdits` reads its edits when the edits layer runs. */
export function getSloScene(
  doc: RegistryDocument,
  sloId: string,
  loadEdits: () => Promise<EditEvent[]>
): EmbeddedScene {
  const { scene } = buildDashboardScene(buildSloDashboard(doc, sloId), doc.settings);
  const edits = new EditAnnotationsLayer({ name: 'Edits', load: loadEdits, color: 'purple' });
  const layers = scene.state.$data;
  // The deploy and incident layers exist whenever Prometheus does, which the page requires.
  if (layers instanceof SceneDataLayerSet) {
    layers.setState({ layers: [...layers.state.layers, edits] });
  }
  return scene;
}
