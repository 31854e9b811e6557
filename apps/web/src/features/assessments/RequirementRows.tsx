import { IconFileCheck, IconMessage, IconShieldCheck, IconSparkles } from '@tabler/icons-react';
import {
  type CSSProperties,
  type KeyboardEvent,
  memo,
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { requirementResults, resultColor } from './use-assessments';
import classes from './workspace.module.css';
import type { WorkspaceRow } from './workspace-rows';

interface RequirementRowsProps {
  rows: WorkspaceRow[];
  labelledBy: string;
  openId: string | null;
  checked: ReadonlySet<string>;
  /** Whether rows can be selected for bulk edits (not on a locked or read-only assessment). */
  selectable: boolean;
  onOpen: (requirementAssessmentId: string) => void;
  onToggleChecked: (requirementAssessmentId: string) => void;
}

/**
 * The requirements to assess as a flat list (headings give the tree context). One tab stop; ↑/↓ move, Home/End
 * jump, Enter or Space opens the requirement in the side panel, X toggles its checkbox for a bulk edit. Rows are
 * memoised and skip layout off-screen, so 800-53's 1,200 rows re-render only what changed.
 *
 * The selection is not a prop of the rows: "select all" would change it on every one of them and re-render a
 * thousand rows (≈ 1 s on 800-53). The checkboxes are left uncontrolled and set from the `checked` set after each
 * commit, before paint — a thousand DOM property writes instead of a thousand renders.
 */
export function RequirementRows(props: RequirementRowsProps) {
  const { rows, openId, checked, selectable } = props;
  const container = useRef<HTMLUListElement>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const requirementIds = rows.flatMap((r) => (r.kind === 'requirement' ? [r.item.assessment.id] : []));
  const tabStop =
    (focusedId && requirementIds.includes(focusedId) && focusedId) ||
    (openId && requirementIds.includes(openId) && openId) ||
    requirementIds[0];
  const latest = useRef(props);
  latest.current = props;
  const { t } = useTranslation('assessments');
  const texts = useMemo<RowTexts>(
    () => ({
      result: Object.fromEntries(requirementResults.map((r) => [r, t(`result.${r}`)])),
      inferred: t('panel.inferred'),
      hasObservation: t('workspace.hasObservation'),
      evidence: (count) => t('workspace.evidenceCount', { count }),
      controls: (count) => t('workspace.controlCount', { count }),
      select: (label) => t('workspace.select', { label }),
      row: (label, result) => t('workspace.rowLabel', { label, result }),
    }),
    [t],
  );

  const focusRow = useCallback((id: string | undefined) => {
    if (!id) return;
    setFocusedId(id);
    container.current?.querySelector<HTMLElement>(`[data-ra-id="${id}"]`)?.focus();
  }, []);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLLIElement>, id: string) => {
      const ids = latest.current.rows.flatMap((r) => (r.kind === 'requirement' ? [r.item.assessment.id] : []));
      const index = ids.indexOf(id);
      const handled = (() => {
        switch (event.key) {
          case 'ArrowDown':
            return focusRow(ids[index + 1]);
          case 'ArrowUp':
            return focusRow(ids[index - 1]);
          case 'Home':
            return focusRow(ids[0]);
          case 'End':
            return focusRow(ids.at(-1));
          case 'Enter':
          case ' ':
            return latest.current.onOpen(id);
          case 'x':
          case 'X':
            if (!latest.current.selectable) return false;
            return latest.current.onToggleChecked(id);
          default:
            return false;
        }
      })();
      if (handled !== false) event.preventDefault();
    },
    [focusRow],
  );
  const onClick = useCallback((id: string) => {
    setFocusedId(id);
    latest.current.onOpen(id);
  }, []);
  const onCheck = useCallback((id: string) => latest.current.onToggleChecked(id), []);

  // Also after `rows` change: rows mounted by a filter change start unchecked and are set here.
  useLayoutEffect(() => {
    if (!selectable || rows.length === 0) return;
    for (const input of container.current?.querySelectorAll<HTMLInputElement>('input[data-check]') ?? []) {
      const wanted = checked.has(input.dataset.check ?? '');
      if (input.checked !== wanted) input.checked = wanted;
    }
  }, [checked, rows, selectable]);

  return (
    <ul aria-labelledby={props.labelledBy} ref={container} className={classes.list}>
      {rows.map((row) =>
        row.kind === 'heading' ? (
          <li
            key={row.item.id}
            className={classes.heading}
            style={{ paddingInlineStart: `calc(${row.item.depth} * 1rem + 0.25rem)` }}
          >
            {[row.item.refId, row.item.name].filter(Boolean).join(' ')}
          </li>
        ) : (
          <Row
            key={row.item.id}
            row={row}
            open={row.item.assessment.id === openId}
            selectable={selectable}
            tabbable={row.item.assessment.id === tabStop}
            texts={texts}
            onKeyDown={onKeyDown}
            onClick={onClick}
            onCheck={onCheck}
          />
        ),
      )}
    </ul>
  );
}

/** Texts every row shows, computed once per render of the list rather than once per row. */
interface RowTexts {
  result: Record<string, string>;
  inferred: string;
  hasObservation: string;
  evidence: (count: number) => string;
  controls: (count: number) => string;
  select: (label: string) => string;
  row: (label: string, result: string) => string;
}

interface RowProps {
  row: Extract<WorkspaceRow, { kind: 'requirement' }>;
  open: boolean;
  selectable: boolean;
  tabbable: boolean;
  texts: RowTexts;
  onKeyDown: (event: KeyboardEvent<HTMLLIElement>, id: string) => void;
  onClick: (id: string) => void;
  onCheck: (id: string) => void;
}

/**
 * One requirement. Plain elements and no hooks: a thousand Mantine components (or translation hooks) make the
 * first render of 800-53 take seconds; these take a fraction of that.
 */
const Row = memo(function Row({ row, open, selectable, tabbable, texts, onKeyDown, onClick, onCheck }: RowProps) {
  const { item } = row;
  const a = item.assessment;
  const label = [item.refId, item.name].filter(Boolean).join(' ') || item.urn;
  const result = texts.result[a.result] ?? a.result;
  return (
    <li
      data-ra-id={a.id}
      tabIndex={tabbable ? 0 : -1}
      aria-current={open || undefined}
      aria-label={texts.row(label, result)}
      className={classes.row}
      data-selected={open || undefined}
      style={{ paddingInlineStart: `calc(${item.depth} * 1rem + 0.25rem)` }}
      onClick={() => onClick(a.id)}
      onKeyDown={(event) => onKeyDown(event, a.id)}
    >
      {selectable && (
        // Uncontrolled on purpose: RequirementRows sets `checked` from the selection (see there).
        <input
          type="checkbox"
          className={classes.checkbox}
          data-check={a.id}
          tabIndex={-1}
          aria-label={texts.select(label)}
          onClick={(event) => event.stopPropagation()}
          onChange={() => onCheck(a.id)}
        />
      )}
      <span className={classes.label}>
        {item.refId && <span className={classes.ref}>{item.refId} </span>}
        {item.name}
      </span>
      <span className={classes.badges}>
        {a.inferred && <IconSparkles size={14} aria-label={texts.inferred} className={classes.inferred} />}
        {a.hasObservation && <IconMessage size={14} aria-label={texts.hasObservation} />}
        {a.evidenceCount > 0 && <IconFileCheck size={14} aria-label={texts.evidence(a.evidenceCount)} />}
        {a.controlCount > 0 && <IconShieldCheck size={14} aria-label={texts.controls(a.controlCount)} />}
        <span
          className={classes.result}
          style={{ '--result-color': `var(--mantine-color-${resultColor[a.result]}-6)` } as CSSProperties}
        >
          {result}
        </span>
      </span>
    </li>
  );
});
