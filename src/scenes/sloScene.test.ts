import { DataTopic } from '@grafana/data';
import { SceneDataLayerSet } from '@grafana/scenes';
import { demoRegistry } from '../domain/dashboards/testing/fixtures';
import { EditAnnotationsLayer } from './EditAnnotationsLayer';
import { getSloScene } from './sloScene';
import { installFakeGrafana } from './testing/fakeGrafana';

installFakeGrafana();

test("the SLO's edits are annotations beside the deploys and incidents, read when the layer runs", async () => {
  const edit = { time: Date.parse('2026-11-02T10:00:00Z'), title: 'Edited by ana (version 2)', text: 'SLO x changed' };
  const loadEdits = jest.fn().mockResolvedValue([edit]);
  const scene = getSloScene(demoRegistry(), 'checkout-availability', loadEdits);
  const set = scene.state.$data as SceneDataLayerSet;
  expect(set.state.layers.map((layer) => layer.state.name)).toEqual(['Deploys', 'Incidents', 'Edits']);
  expect(loadEdits).not.toHaveBeenCalled();

  const layer = set.state.layers[2] as EditAnnotationsLayer;
  const deactivate = layer.activate();
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(loadEdits).toHaveBeenCalledTimes(1);
  const [frame] = layer.state.data!.series;
  expect(frame.meta?.dataTopic).toBe(DataTopic.Annotations);
  expect(Object.fromEntries(frame.fields.map((field) => [field.name, field.values[0]]))).toEqual({
    ...edit,
    color: 'purple',
  });

  // switched off, it draws nothing; switched on again, it reads the history again
  layer.setState({ isEnabled: false });
  expect(layer.state.data!.series).toEqual([]);
  layer.setState({ isEnabled: true });
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(loadEdits).toHaveBeenCalledTimes(2);
  deactivate();
});

test('a history that fails to load draws no edits instead of failing the page', async () => {
  const scene = getSloScene(demoRegistry(), 'checkout-availability', () => Promise.reject(new Error('offline')));
  const layer = (scene.state.$data as SceneDataLayerSet).state.layers[2] as EditAnnotationsLayer;
  const deactivate = layer.activate();
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(layer.state.data!.series[0].length).toBe(0);
  deactivate();
});
