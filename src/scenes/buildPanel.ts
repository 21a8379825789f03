/**
 * One neutral panel as a scenes `VizPanel`: the visualisation of its kind, the same targets as the
 * exported JSON (see `targetJson`), units, thresholds, value mappings, data links, the panel links
 * in its header and, for tables, the merge of its queries into the model's columns.
 */
import { FieldColorModeId, ThresholdsMode, ValueMapping as GrafanaValueMapping, MappingType } from '@grafana/data';
import {
  PanelBuilders,
  SceneDataQuery,
  SceneDataTransformer,
  SceneQueryRunner,
  VizPanel,
  VizPanelBuilder,
} from '@grafana/scenes';
import { GraphThresholdsStyleMode, TableCellDisplayMode } from '@grafana/schema';
import { Panel, Threshold, ValueMapping } from '../domain/dashboards';
import { targetJson } from '../domain/dashboards/json';
import { dataSourceJson } from '../domain/dashboards/json/datasources';
import { AppSettings } from '../domain/model';
import { COMPACT_LINKS_WIDTH, PanelLinks } from './PanelLinks';
import { mergeTableTransformation } from './tableMerge';

type AnyBuilder = VizPanelBuilder<any, any>;

function builderOf(item: Panel): AnyBuilder {
  switch (item.kind) {
    case 'timeseries':
      return PanelBuilders.timeseries();
    case 'stat':
      return PanelBuilders.stat();
    case 'table':
      return PanelBuilders.table();
    case 'gauge':
      return PanelBuilders.gauge();
    case 'bargauge':
      return PanelBuilders.bargauge();
    case 'logs':
      return PanelBuilders.logs().setOption('showTime', true).setOption('wrapLogMessage', true);
    case 'text':
      // Markdown is the text panel's default mode.
      return PanelBuilders.text().setOption('content', item.content ?? '');
  }
}

function thresholds(steps: Threshold[]) {
  return {
    mode: ThresholdsMode.Absolute,
    steps: steps.map((step) => ({ value: step.value ?? -Infinity, color: step.color })),
  };
}

function mappings(list: ValueMapping[]): GrafanaValueMapping[] {
  return list.map((mapping, index) =>
    mapping.to === undefined
      ? {
          type: MappingType.ValueToText,
          options: { [String(mapping.from)]: { text: mapping.text, color: mapping.color, index } },
        }
      : {
          type: MappingType.RangeToText,
          options: { from: mapping.from, to: mapping.to, result: { text: mapping.text, color: mapping.color, index } },
        }
  );
}

function data(item: Panel, settings: AppSettings) {
  const runner = new SceneQueryRunner({
    datasource: dataSourceJson(item.queries[0].datasource, settings),
    queries: item.queries.map((query) => targetJson(query, settings) as SceneDataQuery),
    maxDataPoints: 500,
    ...(item.minInterval ? { minInterval: item.minInterval } : {}),
  });
  return item.columns
    ? new SceneDataTransformer({ $data: runner, transformations: [mergeTableTransformation(item)] })
    : runner;
}

function applyFieldConfig(builder: AnyBuilder, item: Panel): void {
  if (item.unit) {
    builder.setUnit(item.unit);
  }
  if (item.min !== undefined) {
    builder.setMin(item.min);
  }
  if (item.max !== undefined) {
    builder.setMax(item.max);
  }
  if (item.decimals !== undefined) {
    builder.setDecimals(item.decimals);
  }
  if (item.thresholds) {
    builder.setThresholds(thresholds(item.thresholds));
    if (item.kind !== 'timeseries') {
      builder.setColor({ mode: FieldColorModeId.Thresholds });
    }
  }
  if (item.mappings) {
    builder.setMappings(mappings(item.mappings));
  }
  if (item.showThresholds) {
    builder.setCustomFieldConfig('thresholdsStyle', { mode: GraphThresholdsStyleMode.Line });
  }
  if (item.dataLinks.length > 0) {
    builder.setLinks(
      item.dataLinks.map((link) => ({ title: link.title, url: link.url, targetBlank: Boolean(link.external) }))
    );
  }
}

function applyColumns(builder: AnyBuilder, item: Panel): void {
  builder.setOverrides((overrides) => {
    for (const column of item.columns ?? []) {
      if (column.kind === 'label') {
        continue;
      }
      const override = overrides.matchFieldsWithName(column.title);
      if (column.unit) {
        override.overrideUnit(column.unit);
      }
      if (column.thresholds) {
        override.overrideThresholds(thresholds(column.thresholds)).overrideColor({ mode: FieldColorModeId.Thresholds });
      }
      if (column.mappings) {
        override.overrideMappings(mappings(column.mappings));
      }
      if (column.thresholds || column.mappings) {
        override.overrideCustomFieldConfig('cellOptions', { type: TableCellDisplayMode.ColorText });
      }
    }
  });
}

/** The scenes panel of `item`, querying the data sources chosen in `settings`. */
export function buildVizPanel(item: Panel, settings: AppSettings): VizPanel {
  const builder = builderOf(item).setTitle(item.title);
  if (item.description) {
    builder.setDescription(item.description);
  }
  if (item.queries.length > 0) {
    builder.setData(data(item, settings));
  }
  applyFieldConfig(builder, item);
  if (item.columns) {
    applyColumns(builder, item);
  }
  if (item.links.length > 0) {
    builder.setHeaderActions(new PanelLinks({ links: item.links, compact: item.width <= COMPACT_LINKS_WIDTH }));
  }
  return builder.build();
}
