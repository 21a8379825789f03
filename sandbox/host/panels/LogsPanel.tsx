import React from 'react';
import { css } from '@emotion/css';
import { FieldType, GrafanaTheme2, PanelProps, dateTimeFormat } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';

/** Stands in for Grafana's logs panel in the sandbox: a plain list of lines, newest first. */
export function LogsPanel({ data }: PanelProps) {
  const styles = useStyles2(getStyles);
  const lines = data.series.flatMap((frame) => {
    const time = frame.fields.find((field) => field.type === FieldType.time);
    const line =
      frame.fields.find((field) => field.type === FieldType.string && field.name !== 'id') ?? frame.fields[1];
    return Array.from({ length: frame.length }, (_, i) => ({
      time: Number(time?.values[i] ?? 0),
      text: String(line?.values[i] ?? ''),
    }));
  });
  lines.sort((a, b) => b.time - a.time);
  return (
    <div className={styles.list}>
      {lines.length === 0
        ? 'No log lines'
        : lines.map((line, i) => (
            <div key={i} className={styles.line}>
              <span className={styles.time}>{dateTimeFormat(line.time)}</span> {line.text}
            </div>
          ))}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  list: css({
    fontFamily: theme.typography.fontFamilyMonospace,
    fontSize: theme.typography.bodySmall.fontSize,
    overflow: 'auto',
    height: '100%',
  }),
  line: css({ whiteSpace: 'pre-wrap' }),
  time: css({ color: theme.colors.text.secondary }),
});
