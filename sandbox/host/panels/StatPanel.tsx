import React from 'react';
import { css } from '@emotion/css';
import { FieldType, GrafanaTheme2, PanelProps, getFieldDisplayName } from '@grafana/data';
import {
  BigValue,
  BigValueColorMode,
  BigValueGraphMode,
  BigValueJustifyMode,
  BigValueTextMode,
  useStyles2,
  useTheme2,
} from '@grafana/ui';
import { lastValue } from './values';

/**
 * Stands in for Grafana's stat, gauge and bar gauge panels in the sandbox: one `BigValue` per
 * series, coloured by the field's thresholds. Grafana's own panels do far more.
 */
export function StatPanel({ data, width, height }: PanelProps) {
  const theme = useTheme2();
  const styles = useStyles2(getStyles);
  const values = data.series.flatMap((frame) =>
    frame.fields
      .filter((field) => field.type === FieldType.number)
      .map((field) => {
        const display = field.display!(lastValue(field));
        return { ...display, title: getFieldDisplayName(field, frame, data.series) };
      })
  );
  if (values.length === 0) {
    return <div className={styles.empty}>No data</div>;
  }
  const columns = Math.min(values.length, Math.max(1, Math.floor(width / 140)));
  const rows = Math.ceil(values.length / columns);
  return (
    <div className={styles.grid} style={{ gridTemplateColumns: `repeat(${columns}, 1fr)` }}>
      {values.map((value, i) => (
        <BigValue
          key={i}
          theme={theme}
          value={value}
          width={Math.floor(width / columns) - 4}
          height={Math.floor(height / rows) - 4}
          colorMode={BigValueColorMode.Value}
          graphMode={BigValueGraphMode.None}
          justifyMode={BigValueJustifyMode.Auto}
          textMode={values.length > 1 ? BigValueTextMode.ValueAndName : BigValueTextMode.Value}
        />
      ))}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  grid: css({ display: 'grid', gap: theme.spacing(0.5), height: '100%' }),
  empty: css({ color: theme.colors.text.secondary, padding: theme.spacing(1) }),
});
