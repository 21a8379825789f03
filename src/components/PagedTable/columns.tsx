import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { personUrl } from '../../routing';
import { ListColumn } from './ListTable';
import { RowLink } from './RowLink';

/**
 * `label`, translating each value (told apart by `key`, by default the first argument) once per
 * column set rather than once per cell: a list page renders 50 rows, and each translation looks its
 * text up again.
 */
export function cached<A extends unknown[]>(
  label: (...args: A) => string,
  key: (...args: A) => unknown = (...args) => args[0]
): (...args: A) => string {
  const labels = new Map<unknown, string>();
  return (...args) => {
    const id = key(...args);
    let text = labels.get(id);
    if (text === undefined) {
      text = label(...args);
      labels.set(id, text);
    }
    return text;
  };
}

export type CellStyles = ReturnType<typeof getCellStyles>;

/** The cell class names of the current theme. */
export function useCellStyles(): CellStyles {
  return useStyles2(getCellStyles);
}

/** A list's first column: the name, linked to `href(row)`, over the id; sorts by name. */
export function nameColumn<T extends { id: string; name: string }>(
  header: string,
  href: (row: T) => string,
  styles: CellStyles
): ListColumn<T> {
  return {
    id: 'name',
    header,
    sortable: true,
    cell: (row) => (
      <div className={styles.column}>
        <RowLink href={href(row)}>{row.name}</RowLink>
        <span className={styles.secondarySmall}>{row.id}</span>
      </div>
    ),
  };
}

/** A link to a person's page, named by `name` or else by the id. */
export function PersonLink({ id, name }: { id: string; name?: string }) {
  return <RowLink href={personUrl(id)}>{name ?? id}</RowLink>;
}

/**
 * Class names for what list cells show, made once per theme for every cell: Grafana's `Stack` and
 * `Text` look their styles up by their props on each render (up to a dozen of them), and a page of
 * a list renders a few hundred. Each class is what those components make for the props named.
 */
export const getCellStyles = (theme: GrafanaTheme2) => ({
  /** `<Stack direction="column" gap={0}>` */
  column: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(0) }),
  /** `<Stack gap={0.5}>` */
  inline: css({ display: 'flex', gap: theme.spacing(0.5) }),
  /** `<Stack gap={0.5} alignItems="center">` */
  inlineCentered: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(0.5) }),
  /** `<Text color="secondary">` */
  secondary: css({ margin: 0, padding: 0, color: theme.colors.text.secondary }),
  /** `<Text variant="bodySmall" color="secondary">` */
  secondarySmall: css({
    margin: 0,
    padding: 0,
    ...theme.typography.bodySmall,
    color: theme.colors.text.secondary,
  }),
  /** `<Text color="warning">` */
  warning: css({ margin: 0, padding: 0, color: theme.colors.warning.text }),
  /** `<Text color="primary">` */
  primary: css({ margin: 0, padding: 0, color: theme.colors.text.primary }),
});
