import { NavLink } from '@mantine/core';
import { IconFolder, IconFolderOpen } from '@tabler/icons-react';
import type { FolderNode } from './tree';

interface FolderTreeProps {
  nodes: FolderNode[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/** Nested, keyboard-reachable links; every branch stays open so the whole scope is visible at a glance. */
export function FolderTree({ nodes, selectedId, onSelect }: FolderTreeProps) {
  return (
    <>
      {nodes.map(({ folder, children }) => {
        const selected = folder.id === selectedId;
        const Icon = selected ? IconFolderOpen : IconFolder;
        return (
          <NavLink
            key={folder.id}
            component="button"
            type="button"
            label={folder.name}
            leftSection={<Icon size={16} aria-hidden />}
            active={selected}
            aria-current={selected ? 'true' : undefined}
            onClick={() => onSelect(folder.id)}
            opened
            childrenOffset={16}
            rightSection={null}
            variant="light"
          >
            {children.length > 0 ? (
              <FolderTree nodes={children} selectedId={selectedId} onSelect={onSelect} />
            ) : undefined}
          </NavLink>
        );
      })}
    </>
  );
}
