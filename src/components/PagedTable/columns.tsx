import React from 'react';
import { Column, Stack, Text } from '@grafana/ui';
import { personUrl } from '../../routing';
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

/** What a cell renderer reads of react-table's cell props. */
type Cell<T> = { row: { original: T } };

/** A list's first column: the name, linked to `href(row)`, over the id; sorts by name. */
export function nameColumn<T extends { id: string; name: string }>(
  header: string,
  href: (row: T) => string
): Column<T> {
  return {
    id: 'name',
    header,
    sortType: 'string',
    cell: ({ row: { original } }: Cell<T>) => (
      <Stack direction="column" gap={0}>
        <RowLink href={href(original)}>{original.name}</RowLink>
        <Text variant="bodySmall" color="secondary">
          {original.id}
        </Text>
      </Stack>
    ),
  };
}

/** A link to a person's page, named by `name` or else by the id. */
export function PersonLink({ id, name }: { id: string; name?: string }) {
  return <RowLink href={personUrl(id)}>{name ?? id}</RowLink>;
}
