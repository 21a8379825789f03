/**
 * The preview's panels as a scene: the SLI per bucket over the SLO window against the objective,
 * and the error-budget burn-down, both queried through the configured Prometheus (or Loki for log
 * SLIs) by scene query runners. Built fresh for every change of the SLI or window.
 */
import { t } from '@grafana/i18n';
import {
  EmbeddedScene,
  PanelBuilders,
  SceneDataTransformer,
  SceneFlexItem,
  SceneFlexLayout,
  SceneQueryRunner,
  SceneTimeRange,
} from '@grafana/scenes';
import { DataSourceRef } from '../../../../domain/model';
import { ThresholdsMode } from '@grafana/schema';
import { burnDownTransformation } from './burnDown';
import { PreviewPlan } from './previewPlan';

const MAX_POINTS = 200;

/** The query runner parameters of the preview, for the scene and for tests. */
export function previewQueries(plan: PreviewPlan, datasource: DataSourceRef) {
  const ref = { uid: datasource.uid, type: datasource.type ?? (plan.language === 'logql' ? 'loki' : 'prometheus') };
  const step = plan.language === 'logql' ? { queryType: 'range' } : { range: true, instant: false };
  const query = (refId: string, expr: string) => ({ refId, expr, datasource: ref, ...step });
  const counts =
    plan.errorsExpr && plan.totalExpr ? [query('errors', plan.errorsExpr), query('total', plan.totalExpr)] : [];
  return {
    datasource: ref,
    sli: [query('sli', plan.sliExpr)],
    budget: counts.length > 0 ? counts : [query('sli', plan.sliExpr)],
    runner: { maxDataPoints: MAX_POINTS, minInterval: plan.bucket },
  };
}

/** The preview scene of `plan`; `noValue` says why a panel is empty instead of showing nothing. */
export function buildPreviewScene(plan: PreviewPlan, datasource: DataSourceRef, noValue: string): EmbeddedScene {
  const queries = previewQueries(plan, datasource);
  const sliRunner = new SceneQueryRunner({ datasource: queries.datasource, queries: queries.sli, ...queries.runner });
  const budgetRunner = new SceneQueryRunner({
    datasource: queries.datasource,
    queries: queries.budget,
    ...queries.runner,
  });
  const budgetName = t('bizowner.sloEditor.preview.budgetSeries', 'Budget left');
  const sliPanel = PanelBuilders.timeseries()
    .setTitle(t('bizowner.sloEditor.preview.sliPanel', 'SLI per {{bucket}}', { bucket: plan.bucket }))
    .setData(sliRunner)
    .setUnit('percentunit')
    .setDecimals(3)
    .setNoValue(noValue)
    .setOverrides((overrides) =>
      overrides.matchFieldsByQuery('sli').overrideDisplayName(t('bizowner.sloEditor.preview.sliSeries', 'SLI'))
    )
    .setThresholds({
      mode: ThresholdsMode.Absolute,
      steps: [
        { value: -Infinity, color: 'red' },
        { value: plan.objective, color: 'green' },
      ],
    })
    .setCustomFieldConfig('thresholdsStyle', { mode: 'line+area' } as never)
    .build();
  const budgetPanel = PanelBuilders.timeseries()
    .setTitle(t('bizowner.sloEditor.preview.budgetPanel', 'Error budget burn-down over the window'))
    .setData(
      new SceneDataTransformer({
        $data: budgetRunner,
        transformations: [burnDownTransformation(plan.allowed, budgetName)],
      })
    )
    .setUnit('percentunit')
    .setNoValue(noValue)
    .setThresholds({
      mode: ThresholdsMode.Absolute,
      steps: [
        { value: -Infinity, color: 'red' },
        { value: 0, color: 'green' },
      ],
    })
    .setCustomFieldConfig('thresholdsStyle', { mode: 'line' } as never)
    .build();
  return new EmbeddedScene({
    $timeRange: new SceneTimeRange({ from: plan.from, to: 'now' }),
    body: new SceneFlexLayout({
      direction: 'row',
      children: [
        new SceneFlexItem({ minHeight: 260, body: sliPanel }),
        new SceneFlexItem({ minHeight: 260, body: budgetPanel }),
      ],
    }),
  });
}
