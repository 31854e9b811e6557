import { Badge, Group } from '@mantine/core';
import type { FrameworkSummary } from './use-library';

/** Implementation groups (baselines, levels, profiles) by their names. */
export function GroupBadges({ groups }: { groups: FrameworkSummary['implementationGroups'] }) {
  return (
    <Group gap={4}>
      {groups.map((group) => (
        <Badge
          key={group.refId}
          size="sm"
          variant="outline"
          tt="none"
          maw="100%"
          title={group.description ?? group.name}
        >
          {group.name}
        </Badge>
      ))}
    </Group>
  );
}
