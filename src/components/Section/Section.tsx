import React, { ReactNode } from 'react';
import { Box, Stack, Text } from '@grafana/ui';

/** A titled, bordered block of a detail page. */
export function Section({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <Box borderColor="weak" borderStyle="solid" padding={2} borderRadius="default">
      <Stack direction="column" gap={1.5}>
        <Stack justifyContent="space-between" alignItems="center">
          <Text element="h3" variant="h5">
            {title}
          </Text>
          {actions}
        </Stack>
        {children}
      </Stack>
    </Box>
  );
}
