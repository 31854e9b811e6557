import type { MatrixDefinition } from './use-risk-assessments';

/**
 * Turns a risk scenario's audit events into sentences a risk owner reads: ratings by their scale names on the
 * matrix that was in force when the event was written, field labels instead of column names, link changes as
 * counts. Pure (translation comes in as `t`), so the rules are testable without a browser.
 */

export interface HistoryEvent {
  action: string;
  changes?: unknown;
}

export interface HistoryLine {
  label: string;
  before?: string;
  after?: string;
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

interface Context {
  t: Translate;
  /** The definition of a matrix revision by id; undefined while loading or when it cannot be read. */
  definitionOf: (matrixId: string | undefined) => MatrixDefinition | undefined;
}

const kinds = ['inherent', 'current', 'residual'] as const;
type Kind = (typeof kinds)[number];
interface Rating {
  probability: number;
  impact: number;
  level: number;
}
export type Ratings = Record<Kind, Rating>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const changeOf = (v: unknown) => (isRecord(v) && ('before' in v || 'after' in v) ? v : { after: v });

/**
 * The matrix each event's ratings refer to, newest event first: the assessment's matrix now, until a re-rating
 * is passed — events older than it were written on the matrix it moved away from.
 */
export function matricesInEffect(events: HistoryEvent[], currentMatrixId: string): string[] {
  let matrix = currentMatrixId;
  return events.map((event) => {
    const inEffect = matrix;
    if (event.action === 'risk_scenario.re_rated' && isRecord(event.changes)) {
      const moved = changeOf(event.changes.riskMatrixId);
      if (typeof moved.before === 'string') matrix = moved.before;
    }
    return inEffect;
  });
}

/** "Likely × Major (High)" on the definition, or the 1-based points when the matrix cannot be read. */
export function ratingText(def: MatrixDefinition | undefined, rating: Rating | undefined, t: Translate): string {
  if (!rating || rating.probability < 0 || rating.impact < 0) return t('riskAssessments:notRated');
  const p = def?.probability[rating.probability]?.name ?? String(rating.probability + 1);
  const i = def?.impact[rating.impact]?.name ?? String(rating.impact + 1);
  const level = rating.level >= 0 ? def?.risk[rating.level]?.name : undefined;
  return level ? `${p} × ${i} (${level})` : `${p} × ${i}`;
}

const axes = ['probability', 'impact', 'level'] as const;
const column = (kind: Kind, axis: (typeof axes)[number]) => `${kind}${axis[0]?.toUpperCase()}${axis.slice(1)}`;
const touches = (changes: Record<string, unknown>, kind: Kind) => axes.some((axis) => column(kind, axis) in changes);

/** The ratings before and after each event; `before` is undefined for a creation. */
export interface RatingState {
  before?: Ratings;
  after: Ratings;
}

/**
 * The whole ratings around each event, newest first. An edit records only the columns that changed (an impact
 * moved, the probability not), so each event is read against the state it left: the scenario's ratings now,
 * walked back through the recorded "before" values of every newer event. Re-ratings and imports record the
 * three ratings whole. An event that does not say what came before (an import from before imports recorded
 * ratings) ends the walk: older events get `undefined` rather than a state that was never true.
 */
export function ratingStates(events: HistoryEvent[], now: Ratings): (RatingState | undefined)[] {
  let state: Ratings | undefined = structuredClone(now);
  return events.map((event) => {
    if (!state) return undefined;
    const after: Ratings = state;
    const changes = isRecord(event.changes) ? event.changes : {};
    if (event.action === 'risk_scenario.created') {
      state = undefined;
      return { after };
    }
    if (event.action === 'risk_scenario.re_rated' || event.action === 'risk_scenario.imported') {
      const recorded = isRecord(changes.ratings) ? changes.ratings.before : undefined;
      // An import that created the scenario (before: null), or one that recorded nothing: nothing older is known.
      state = isRecord(recorded) ? ({ ...structuredClone(after), ...recorded } as Ratings) : undefined;
      return state ? { before: state, after } : { after };
    }
    const before: Ratings = structuredClone(after);
    for (const kind of kinds) {
      for (const axis of axes) {
        const change = changeOf(changes[column(kind, axis)]);
        if (column(kind, axis) in changes && 'before' in change) before[kind][axis] = Number(change.before ?? -1);
      }
    }
    state = before;
    return { before, after };
  });
}

/** Plain fields: label key in the riskAssessments namespace and how to show a value. */
const plainFields: Record<string, { label: string; value?: (v: unknown, t: Translate) => string }> = {
  name: { label: 'fields.name' },
  refId: { label: 'fields.refId' },
  description: { label: 'fields.description' },
  vulnerabilities: { label: 'scenarios.vulnerabilities' },
  existingControlsText: { label: 'scenarios.existingControlsText' },
  justification: { label: 'scenarios.justification' },
  treatment: { label: 'scenarios.treatment', value: (v, t) => t(`riskAssessments:treatment.${String(v)}`) },
  strengthOfKnowledge: {
    label: 'scenarios.strengthOfKnowledge',
    value: (v, t) => t(`riskAssessments:knowledge.${String(v)}`),
  },
};
/** Fields holding another object's id: the history says that they changed, not an opaque uuid. */
const referenceFields: Record<string, string> = { ownerId: 'scenarios.owner', folderId: 'fields.folder' };

const MAX_TEXT = 140;
const shortText = (v: unknown) => {
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
};
const shownValue = (v: unknown, t: Translate, show?: (v: unknown, t: Translate) => string) =>
  v === undefined ? undefined : v === null || v === '' ? '—' : show ? show(v, t) : shortText(v);

function fieldLines(
  changes: Record<string, unknown>,
  ctx: Context,
  def: MatrixDefinition | undefined,
  state: RatingState | undefined,
) {
  const { t } = ctx;
  const lines: HistoryLine[] = [];
  for (const kind of kinds) {
    if (!touches(changes, kind)) continue;
    const label = t('scenarioHistory:rating', { kind: t(`riskAssessments:ratings.${kind}`) });
    if (!state) {
      lines.push({ label, after: t('scenarioHistory:changed') });
      continue;
    }
    const before = state.before?.[kind];
    const after = state.after[kind];
    // A scenario created without this rating: nothing to tell.
    if (!before && (after.probability < 0 || after.impact < 0)) continue;
    lines.push({ label, before: before ? ratingText(def, before, t) : undefined, after: ratingText(def, after, t) });
  }
  for (const [field, raw] of Object.entries(changes)) {
    const change = changeOf(raw);
    const plain = plainFields[field];
    if (plain) {
      lines.push({
        label: t(`riskAssessments:${plain.label}`),
        before: shownValue(change.before, t, plain.value),
        after: shownValue(change.after, t, plain.value),
      });
    } else if (referenceFields[field]) {
      lines.push({
        label: t(`riskAssessments:${referenceFields[field]}`),
        after: change.after === null ? t('scenarioHistory:cleared') : t('scenarioHistory:changed'),
      });
    }
  }
  return lines;
}

/** The ratings an import changed (or, for a scenario it created, the ones it set), from the rebuilt state. */
function importedRatingLines(state: RatingState | undefined, def: MatrixDefinition | undefined, t: Translate) {
  if (!state) return [];
  return kinds
    .filter((kind) => {
      const after = state.after[kind];
      const before = state.before?.[kind];
      return before
        ? before.probability !== after.probability || before.impact !== after.impact
        : after.probability >= 0;
    })
    .map((kind) => ({
      label: t('scenarioHistory:rating', { kind: t(`riskAssessments:ratings.${kind}`) }),
      before: state.before ? ratingText(def, state.before[kind], t) : undefined,
      after: ratingText(def, state.after[kind], t),
    }));
}

const linkActions: Record<string, string> = {
  'risk_scenario.assets_changed': 'links.assets',
  'risk_scenario.threats_changed': 'links.threats',
  'risk_scenario.existing_controls_changed': 'links.existingControls',
  'risk_scenario.planned_controls_changed': 'links.plannedControls',
};

const count = (v: unknown) => (Array.isArray(v) ? v.length : 0);

/**
 * The translated action and the lines of one event; `matrixId` is the matrix in effect for it and `state` the
 * ratings around it (from ratingStates).
 */
export function describeEvent(event: HistoryEvent, matrixId: string, ctx: Context, state?: RatingState) {
  const { t } = ctx;
  const changes = isRecord(event.changes) ? event.changes : {};
  const known = ['created', 'updated', 'deleted', 're_rated', 'imported'].map((a) => `risk_scenario.${a}`);
  const action = linkActions[event.action]
    ? t('scenarioHistory:actions.linksChanged', { links: t(`riskAssessments:${linkActions[event.action]}`) })
    : known.includes(event.action)
      ? t(`scenarioHistory:actions.${event.action.slice('risk_scenario.'.length)}`)
      : event.action;

  if (linkActions[event.action]) {
    const added = count(changes.added);
    const removed = count(changes.removed);
    return { action, lines: [{ label: t('scenarioHistory:linkCounts', { added, removed }) }] };
  }
  if (event.action === 'risk_scenario.re_rated') {
    const moved = changeOf(changes.riskMatrixId);
    const ratings = changeOf(changes.ratings) as { before?: Ratings; after?: Ratings };
    const from = ctx.definitionOf(typeof moved.before === 'string' ? moved.before : undefined);
    const to = ctx.definitionOf(typeof moved.after === 'string' ? moved.after : matrixId);
    const lines = kinds
      .filter((kind) => JSON.stringify(ratings.before?.[kind]) !== JSON.stringify(ratings.after?.[kind]))
      .map((kind) => ({
        label: t('scenarioHistory:rating', { kind: t(`riskAssessments:ratings.${kind}`) }),
        before: ratingText(from, ratings.before?.[kind], t),
        after: ratingText(to, ratings.after?.[kind], t),
      }));
    return { action, lines };
  }
  if (event.action === 'risk_scenario.imported') {
    const fields = Array.isArray(changes.fields) ? changes.fields.length : 0;
    return {
      action,
      lines: [
        {
          label: t('scenarioHistory:importedFrom', {
            file: String(changes.file ?? ''),
            row: String(changes.row ?? ''),
          }),
          after: t(`scenarioHistory:importResult.${changes.result === 'created' ? 'created' : 'updated'}`, {
            count: fields,
          }),
        },
        ...importedRatingLines(state, ctx.definitionOf(matrixId), t),
      ],
    };
  }
  return { action, lines: fieldLines(changes, ctx, ctx.definitionOf(matrixId), state) };
}
