import { Badge, Box, Group, Text } from '@mantine/core';
import { IconChevronRight, IconPointFilled } from '@tabler/icons-react';
import { type KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './library.module.css';
import type { VisibleRow } from './tree';

interface RequirementTreeProps {
  rows: VisibleRow[];
  labelledBy: string;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onToggle: (id: string, open: boolean) => void;
}

/**
 * A WAI-ARIA tree drawn flat (aria-level carries the nesting): one tab stop, arrow keys move, Right/Left open and
 * close, Enter selects. Only the rows of open branches are rendered, so a 1,200-node catalog stays light.
 */
export function RequirementTree({ rows, labelledBy, selectedId, onSelect, onToggle }: RequirementTreeProps) {
  const { t } = useTranslation('library');
  const container = useRef<HTMLDivElement>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const tabStop = rows.some((r) => r.item.id === focusedId)
    ? focusedId
    : rows.some((r) => r.item.id === selectedId)
      ? selectedId
      : (rows[0]?.item.id ?? null);
  const baseDepth = rows.reduce((min, r) => Math.min(min, r.item.depth), Number.POSITIVE_INFINITY);

  const focusRow = (id: string | undefined) => {
    if (!id) return;
    setFocusedId(id);
    container.current?.querySelector<HTMLElement>(`[data-node-id="${id}"]`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>, index: number) => {
    const row = rows[index];
    if (!row) return;
    const { item } = row;
    const next = rows[index + 1]?.item.id;
    const handled = (() => {
      switch (event.key) {
        case 'ArrowDown':
          return focusRow(next);
        case 'ArrowUp':
          return focusRow(rows[index - 1]?.item.id);
        case 'Home':
          return focusRow(rows[0]?.item.id);
        case 'End':
          return focusRow(rows.at(-1)?.item.id);
        case 'ArrowRight':
          if (row.hasChildren && !row.expanded) return onToggle(item.id, true);
          return row.expanded ? focusRow(next) : true;
        case 'ArrowLeft':
          if (row.expanded) return onToggle(item.id, false);
          return item.parentId ? focusRow(item.parentId) : true;
        case 'Enter':
        case ' ':
          return onSelect(item.id);
        default:
          return false;
      }
    })();
    if (handled !== false) event.preventDefault();
  };

  return (
    <div role="tree" aria-labelledby={labelledBy} ref={container}>
      {rows.map((row, index) => {
        const { item } = row;
        const selected = item.id === selectedId;
        const level = item.depth - baseDepth + 1;
        return (
          <div
            key={item.id}
            role="treeitem"
            data-node-id={item.id}
            aria-level={level}
            aria-expanded={row.hasChildren ? row.expanded : undefined}
            aria-selected={selected}
            tabIndex={item.id === tabStop ? 0 : -1}
            className={classes.row}
            data-selected={selected || undefined}
            data-withdrawn={item.withdrawn || undefined}
            style={{ paddingInlineStart: `calc(${level - 1} * 1.25rem + 0.25rem)` }}
            onClick={() => {
              setFocusedId(item.id);
              onSelect(item.id);
            }}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            <Group gap={6} wrap="nowrap" align="flex-start">
              {row.hasChildren ? (
                <Box
                  component="span"
                  className={classes.toggle}
                  data-open={row.expanded || undefined}
                  onClick={(event) => {
                    // The chevron opens and closes without selecting; the keyboard uses the arrows instead.
                    event.stopPropagation();
                    onToggle(item.id, !row.expanded);
                  }}
                >
                  <IconChevronRight size={14} aria-hidden />
                </Box>
              ) : (
                <Box component="span" className={classes.leaf}>
                  <IconPointFilled size={8} aria-hidden />
                </Box>
              )}
              <Text component="span" size="sm" className={classes.label} fw={row.matched ? 600 : undefined}>
                {item.refId && (
                  <>
                    <Text component="span" ff="monospace" size="sm" fw={600}>
                      {item.refId}
                    </Text>{' '}
                  </>
                )}
                {item.name ?? (item.refId ? '' : item.urn)}
              </Text>
              {item.withdrawn && (
                <Badge size="xs" color="gray" variant="outline" className={classes.badge}>
                  {t('node.withdrawn')}
                </Badge>
              )}
            </Group>
          </div>
        );
      })}
    </div>
  );
}
