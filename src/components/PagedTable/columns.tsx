import React from 'react';
import { Column, Stack, Text, TextLink } from '@grafana/ui';
import { personUrl } from '../../routing';

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
        <TextLink href={href(original)} inline={false}>
          {original.name}
        </TextLink>
        <Text variant="bodySmall" color="secondary">
          {original.id}
        </Text>
      </Stack>
    ),
  };
}

/** A link to a person's page, named by `name` or else by the id. */
export function PersonLink({ id, name }: { id: string; name?: string }) {
  return (
    <TextLink href={personUrl(id)} inline={false}>
      {name ?? id}
    </TextLink>
  );
}
