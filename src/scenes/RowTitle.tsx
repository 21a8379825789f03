import React from 'react';
import { Text } from '@grafana/ui';
import { testIds } from '../components/testIds';

/** A row header of a generated dashboard; titles come from the dashboard model. */
export function RowTitle({ title }: { title: string }) {
  return (
    <div data-testid={testIds.dashboards.rowTitle}>
      <Text element="h3" variant="h5">
        {title}
      </Text>
    </div>
  );
}
