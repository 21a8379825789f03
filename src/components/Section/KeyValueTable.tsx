import React, { ReactNode } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Text, useStyles2 } from '@grafana/ui';

export interface KeyValueRow {
  key: string;
  label: string;
  value: ReactNode;
}

/** Labels on the left, values on the right: the facts of a detail page. */
export function KeyValueTable({ rows }: { rows: KeyValueRow[] }) {
  const styles = useStyles2(getStyles);
  return (
    <table className={styles.table}>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row" className={styles.label}>
              <Text color="secondary">{row.label}</Text>
            </th>
            <td className={styles.value}>{row.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  table: css({
    borderCollapse: 'collapse',
  }),
  label: css({
    textAlign: 'left',
    verticalAlign: 'top',
    fontWeight: theme.typography.fontWeightRegular,
    padding: theme.spacing(0.5, 3, 0.5, 0),
    whiteSpace: 'nowrap',
    // Shrinks the label column to its content when the table is stretched.
    width: '1%',
  }),
  value: css({
    padding: theme.spacing(0.5, 0),
    verticalAlign: 'top',
  }),
});
