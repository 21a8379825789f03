import React from 'react';
import { css } from '@emotion/css';
import {
  Field,
  FieldType,
  GrafanaTheme2,
  PanelProps,
  formattedValueToString,
  getFieldDisplayName,
} from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';
import { lastValue } from './values';

interface Series {
  name: string;
  field: Field;
  points: Array<[number, number]>;
}

const LEGEND_HEIGHT = 22;
const AXIS_WIDTH = 56;

function seriesOf(data: PanelProps['data']): Series[] {
  return data.series.flatMap((frame) => {
    const time = frame.fields.find((field) => field.type === FieldType.time);
    return frame.fields
      .filter((field) => field.type === FieldType.number)
      .map((field) => ({
        name: getFieldDisplayName(field, frame, data.series),
        field,
        points: field.values
          .map((value, i): [number, number] => [Number(time?.values[i]), Number(value)])
          .filter(([t, v]) => Number.isFinite(t) && Number.isFinite(v)),
      }));
  });
}

function thresholdLines(series: Series[]): number[] {
  const field = series[0]?.field;
  const style = (field?.config.custom as { thresholdsStyle?: { mode?: string } } | undefined)?.thresholdsStyle;
  if (style?.mode !== 'line') {
    return [];
  }
  return (field?.config.thresholds?.steps ?? []).map((step) => step.value).filter((value) => Number.isFinite(value));
}

/**
 * Stands in for Grafana's time series panel in the sandbox: a plain SVG line graph with a legend,
 * the y range from the data (and threshold lines, drawn dashed, when the panel asks for them).
 * Grafana's own panel (uPlot, tooltips, zoom, axes with ticks) does far more.
 */
export function TimeSeriesPanel({ data, width, height, timeRange }: PanelProps) {
  const theme = useTheme2();
  const styles = useStyles2(getStyles);
  const series = seriesOf(data);
  if (series.every((item) => item.points.length === 0)) {
    return <div className={styles.empty}>No data</div>;
  }
  const lines = thresholdLines(series);
  const values = [...series.flatMap((item) => item.points.map(([, v]) => v)), ...lines];
  let min = Math.min(...values, series[0].field.config.min ?? Infinity);
  let max = Math.max(...values, series[0].field.config.max ?? -Infinity);
  if (min === max) {
    min -= 1;
    max += 1;
  }
  const from = timeRange.from.valueOf();
  const to = timeRange.to.valueOf();
  const plotWidth = Math.max(10, width - AXIS_WIDTH);
  const plotHeight = Math.max(10, height - LEGEND_HEIGHT * Math.ceil(series.length / 3));
  const x = (t: number) => AXIS_WIDTH + ((t - from) / (to - from)) * plotWidth;
  const y = (v: number) => plotHeight - ((v - min) / (max - min)) * (plotHeight - 8) - 4;
  const format = (v: number) => formattedValueToString(series[0].field.display!(v));
  const color = (i: number) =>
    theme.visualization.getColorByName(theme.visualization.palette[i % theme.visualization.palette.length]);
  return (
    <div>
      <svg
        width={width}
        height={plotHeight}
        role="img"
        aria-label={`Graph of ${series.map((item) => item.name).join(', ')}`}
      >
        <text x={0} y={12} className={styles.axis}>
          {format(max)}
        </text>
        <text x={0} y={plotHeight - 2} className={styles.axis}>
          {format(min)}
        </text>
        {lines.map((value) => (
          <line
            key={value}
            x1={AXIS_WIDTH}
            x2={width}
            y1={y(value)}
            y2={y(value)}
            stroke={theme.colors.error.main}
            strokeDasharray="4 4"
          />
        ))}
        {series.map((item, i) => (
          <polyline
            key={i}
            fill="none"
            stroke={color(i)}
            strokeWidth={1.5}
            points={item.points.map(([t, v]) => `${x(t)},${y(v)}`).join(' ')}
          />
        ))}
      </svg>
      <div className={styles.legend}>
        {series.map((item, i) => {
          const last = lastValue(item.field);
          return (
            <span key={i} className={styles.legendItem}>
              <span className={styles.swatch} style={{ background: color(i) }} />
              {item.name} {last === null ? '' : format(last)}
            </span>
          );
        })}
      </div>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  axis: css({ fill: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
  legend: css({
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0, 2),
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  legendItem: css({ display: 'inline-flex', alignItems: 'center', gap: theme.spacing(0.5) }),
  swatch: css({ width: 12, height: 3, display: 'inline-block' }),
  empty: css({ color: theme.colors.text.secondary, padding: theme.spacing(1) }),
});
