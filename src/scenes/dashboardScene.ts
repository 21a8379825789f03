/**
 * A dashboard model as an embedded scene: time range with picker and refresh, the model's
 * variables (URL-synced as `var-<name>`), annotations, the save and download actions and the
 * panels. Scenes are built fresh on each visit from the registry.
 */
import {
  CustomVariable,
  dataLayers,
  EmbeddedScene,
  QueryVariable,
  SceneDataLayerSet,
  SceneControlsSpacer,
  SceneObject,
  SceneRefreshPicker,
  SceneTimePicker,
  SceneTimeRange,
  SceneVariable,
  SceneVariableSet,
  TextBoxVariable,
  VariableValueSelectors,
} from '@grafana/scenes';
import { AnnotationEventFieldSource, VariableRefresh, VariableSort } from '@grafana/data';
import { DataQuery } from '@grafana/schema';
import { Dashboard, Variable } from '../domain/dashboards';
import { dataSourceJson } from '../domain/dashboards/json/datasources';
import { AppSettings } from '../domain/model';
import { DashboardActions } from './DashboardActions';
import { DashboardBody } from './DashboardBody';
import { DataLayerToggles } from './DataLayerToggles';
import { dataSourceProblem } from './dataSources';

/** A model variable as a scenes variable; a `query` variable reads the data source of `settings`. */
export function sceneVariable(variable: Variable, settings: AppSettings): SceneVariable {
  if (variable.kind === 'textbox') {
    return new TextBoxVariable({ name: variable.name, label: variable.label, value: variable.current[0] ?? '' });
  }
  if (variable.kind === 'query') {
    return new QueryVariable({
      name: variable.name,
      label: variable.label,
      datasource: dataSourceJson(variable.datasource ?? 'prometheus', settings),
      query: variable.query ?? '',
      refresh: VariableRefresh.onTimeRangeChanged,
      sort: VariableSort.alphabeticalAsc,
      isMulti: variable.multi,
      includeAll: variable.includeAll,
      allValue: variable.allValue,
      value: variable.current,
      text: variable.current,
    });
  }
  return new CustomVariable({
    name: variable.name,
    label: variable.label,
    query: variable.options.map((option) => `${option.text.replace(/[,:]/g, ' ')} : ${option.value}`).join(','),
    isMulti: variable.multi,
    includeAll: variable.includeAll,
    allValue: variable.allValue,
    value: variable.current,
    text: variable.current,
  });
}

function annotationLayers(dashboard: Dashboard, settings: AppSettings): SceneDataLayerSet | undefined {
  const usable = dashboard.annotations.filter((annotation) => !dataSourceProblem(annotation.datasource, settings));
  if (usable.length === 0) {
    return undefined;
  }
  const layers = usable.map((annotation) => {
    const datasource = dataSourceJson(annotation.datasource, settings);
    return new dataLayers.AnnotationsDataLayer({
      name: annotation.name,
      query: {
        name: annotation.name,
        datasource,
        enable: true,
        iconColor: annotation.color,
        // Prometheus reads `expr`; the title becomes the event text through the legend.
        target: { refId: 'Anno', datasource, expr: annotation.expr, legendFormat: annotation.title } as DataQuery,
        // Data sources without annotation support of their own get the event text from here.
        mappings: { text: { source: AnnotationEventFieldSource.Text, value: annotation.title } },
      },
    });
  });
  return new SceneDataLayerSet({ layers });
}

export interface DashboardSceneParts {
  scene: EmbeddedScene;
  body: DashboardBody;
  actions: DashboardActions;
}

/**
 * The scene of `dashboard`; `variables` replace the model's (the executive page's filters) and
 * `behaviors` run while the scene is active.
 */
export function buildDashboardScene(
  dashboard: Dashboard,
  settings: AppSettings,
  extra: { variables?: SceneVariable[]; behaviors?: Array<(scene: SceneObject) => () => void> } = {}
): DashboardSceneParts {
  const body = new DashboardBody({ dashboard, settings });
  const actions = new DashboardActions({ dashboard, settings });
  const layers = annotationLayers(dashboard, settings);
  const scene = new EmbeddedScene({
    $timeRange: new SceneTimeRange({ from: dashboard.time.from, to: dashboard.time.to }),
    $variables: new SceneVariableSet({
      variables: extra.variables ?? dashboard.variables.map((variable) => sceneVariable(variable, settings)),
    }),
    ...(layers ? { $data: layers } : {}),
    $behaviors: extra.behaviors,
    controls: [
      new VariableValueSelectors({}),
      ...(layers ? [new DataLayerToggles({})] : []),
      new SceneControlsSpacer(),
      actions,
      new SceneTimePicker({ isOnCanvas: true }),
      // with its text the refresh button has a name; without, it is an icon that says nothing
      new SceneRefreshPicker({ refresh: dashboard.refresh, isOnCanvas: true, withText: true }),
    ],
    body,
  });
  return { scene, body, actions };
}
