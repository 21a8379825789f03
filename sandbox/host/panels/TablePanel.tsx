import React from 'react';
import { css } from '@emotion/css';
import { Field, GrafanaTheme2, PanelProps, formattedValueToString } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';

function cell(field: Field, row: number): { text: string; color?: string } {
  const value = field.values[row];
  if (!field.display) {
    return { text: String(value ?? '') };
  }
  const display = field.display(value);
  const colored =
    (field.config.custom as { cellOptions?: { type?: string } } | undefined)?.cellOptions?.type === 'color-text';
  return { text: formattedValueToString(display), color: colored ? display.color : undefined };
}

/**
 * Stands in for Grafana's table panel in the sandbox: a plain HTML table of the first frame
 * (generated tables merge their queries into one frame), with the units, colours and data links
 * the panel applied to its fields. The first column links to the row's first data link.
 */
export function TablePanel({ data, height }: PanelProps) {
  const styles = useStyles2(getStyles);
  const frame = data.series[0];
  if (!frame || frame.length === 0) {
    return <div className={styles.empty}>No data</div>;
  }
  const rows = Array.from({ length: frame.length }, (_, i) => i);
  return (
    <div className={styles.scroll} style={{ maxHeight: height }}>
      <table className={styles.table}>
        <thead>
          <tr>
            {frame.fields.map((field) => (
              <th key={field.name}>{field.config.displayName ?? field.name}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row}>
              {frame.fields.map((field, column) => {
                const { text, color } = cell(field, row);
                const link = column === 0 ? field.getLinks?.({ valueRowIndex: row })[0] : undefined;
                return (
                  <td key={field.name} style={color ? { color } : undefined}>
                    {link ? (
                      <a href={link.href} title={link.title}>
                        {text}
                      </a>
                    ) : (
                      text
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  scroll: css({ overflow: 'auto' }),
  table: css({
    width: '100%',
    borderCollapse: 'collapse',
    fontSize: theme.typography.bodySmall.fontSize,
    'th, td': {
      textAlign: 'left',
      padding: theme.spacing(0.5, 1),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
    },
    th: { color: theme.colors.text.secondary, fontWeight: theme.typography.fontWeightMedium },
    a: { color: theme.colors.text.link },
  }),
  empty: css({ color: theme.colors.text.secondary, padding: theme.spacing(1) }),
});
