import { ColorSwatch, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A status in words beside a colour dot. The colour only repeats what the words say, so the text keeps the
 * normal contrast (light badges in yellow or green fall below WCAG AA).
 */
export function StatusLabel({
  color,
  size = 'sm',
  children,
}: {
  color: string;
  size?: 'xs' | 'sm';
  children: ReactNode;
}) {
  return (
    <Group gap={6} wrap="nowrap" display="inline-flex">
      <ColorSwatch
        color={`var(--mantine-color-${color}-6)`}
        size={size === 'xs' ? 8 : 10}
        withShadow={false}
        aria-hidden
      />
      <Text span size={size}>
        {children}
      </Text>
    </Group>
  );
}
