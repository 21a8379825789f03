import React from 'react';
import { css } from '@emotion/css';
import { LoadingState } from '@grafana/data';
import {
  ControlsLabel,
  SceneComponentProps,
  SceneDataLayerProvider,
  SceneDataLayerSet,
  sceneGraph,
  SceneObjectBase,
  SceneObjectState,
} from '@grafana/scenes';
import { useStyles2 } from '@grafana/ui';

/**
 * The on/off switch of each annotation layer of the scene, each under a label of its own.
 * Scenes' `SceneDataLayerControls` labels a layer set once, with a label that points at the set,
 * while the set draws its layers' switches: that label names no switch. Here every layer's label
 * points at its switch, which scenes' annotation layers draw with the id `data-layer-<key>`.
 */
export class DataLayerToggles extends SceneObjectBase<SceneObjectState> {
  static Component = DataLayerTogglesRenderer;
}

function DataLayerTogglesRenderer({ model }: SceneComponentProps<DataLayerToggles>) {
  const layers = sceneGraph
    .getDataLayers(model, true)
    .flatMap((layer) => (layer instanceof SceneDataLayerSet ? layer.state.layers : [layer]));
  return (
    <>
      {layers.map((layer) => (
        <DataLayerToggle key={layer.state.key} layer={layer} />
      ))}
    </>
  );
}

function DataLayerToggle({ layer }: { layer: SceneDataLayerProvider }) {
  const styles = useStyles2(getStyles);
  const { name, description, data, isHidden } = layer.useState();
  if (isHidden) {
    return null;
  }
  return (
    <div className={styles.toggle}>
      <ControlsLabel
        htmlFor={`data-layer-${layer.state.key}`}
        label={name}
        description={description}
        isLoading={data?.state === LoadingState.Loading}
        onCancel={() => layer.cancelQuery?.()}
        error={data?.errors?.[0]?.message}
      />
      <layer.Component model={layer} />
    </div>
  );
}

const getStyles = () => ({
  toggle: css({ display: 'flex' }),
});
