import { AppError } from '../../platform/errors.js';

/**
 * Who may take one step of a lifecycle. Permissions are the record kind's own (`update`, `approve`), checked in
 * the record's folder; the person rules read the names on the record (approver, owner).
 */
export type StepRule =
  /** Holds the kind's update permission. */
  | 'editor'
  /** Holds update, or is the record's named owner. */
  | 'editor or owner'
  /**
   * ONLY the named approver, whatever roles anyone holds (a decision is one named person's, so an owner or manager
   * who is not that person cannot take it for them), and only while they hold approve authority (naming one
   * requires it too: someone who may merely edit cannot name themselves and decide their own request).
   */
  | 'named approver'
  /** As 'named approver'; when none is named, anyone holding approve (someone must decide an unaddressed request). */
  | 'named approver, else approve authority'
  /** The named approver, or anyone holding approve (someone must be able to end what an absent approver decided). */
  | 'approver or approve authority';

/** What the step rules know about the caller and one record. */
export interface Actor {
  /** The caller is the record's named approver. */
  isApprover: boolean;
  canUpdate: boolean;
  canApprove: boolean;
  /** An approver is named on the record; read only by 'named approver, else approve authority'. */
  approverNamed?: boolean;
  /** The caller is the record's named owner; read only by 'editor or owner' (kinds without owners leave it out). */
  isOwner?: boolean;
}

/** A lifecycle as data: the states, the steps between them with who may take each, and what each state allows. */
export interface LifecycleDefinition<S extends string> {
  /** Where a record starts: the draft, deleted with the kind's delete permission. */
  initial: S;
  /**
   * from → to → who may take the step. A step missing here does not exist for a person (409), even when a task
   * takes it (an expiry). The order of the `to` keys is the order the UI shows the buttons in.
   */
  steps: Record<S, Partial<Record<S, StepRule>>>;
  /** States in which fields and links may change (the approver decides on what they read). */
  editable: readonly S[];
  /** States in which the record has effect or awaits a decision: never deleted (409: withdraw, revoke, resolve). */
  live: readonly S[];
}

export type Lifecycle<S extends string> = ReturnType<typeof lifecycle<S>>;

function permitted(rule: StepRule, actor: Actor): boolean {
  switch (rule) {
    case 'editor':
      return actor.canUpdate;
    case 'editor or owner':
      return actor.canUpdate || actor.isOwner === true;
    case 'named approver':
      return actor.isApprover && actor.canApprove;
    case 'named approver, else approve authority':
      return actor.approverNamed === false ? actor.canApprove : actor.isApprover && actor.canApprove;
    case 'approver or approve authority':
      return actor.isApprover || actor.canApprove;
  }
}

/** The questions every service, presenter and test asks of a lifecycle. */
export function lifecycle<S extends string>(definition: LifecycleDefinition<S>) {
  const { initial, steps, editable, live } = definition;
  return {
    ...definition,

    /** Why a move is refused: 'transition' (no such step for a person, 409) or 'permission' (403); null when allowed. */
    transitionProblem(from: S, to: S, actor: Actor): 'transition' | 'permission' | null {
      const rule = steps[from][to];
      if (!rule) return 'transition';
      return permitted(rule, actor) ? null : 'permission';
    },

    /** The states the caller may move a record in `from` to (the UI shows only these buttons). */
    allowedTransitions(from: S, actor: Actor): S[] {
      return (Object.entries(steps[from]) as [S, StepRule | undefined][])
        .filter(([, rule]) => rule !== undefined && permitted(rule, actor))
        .map(([to]) => to);
    },

    isEditable: (state: S) => editable.includes(state),

    /**
     * Deletion: a draft with the delete permission; closed records (neither the draft nor live) with approve only
     * (housekeeping by someone with approval authority; the audit trail keeps the history); live ones never.
     */
    deleteProblem(state: S, can: { delete: boolean; approve: boolean }): 'state' | 'permission' | null {
      if (live.includes(state)) return 'state';
      if (state === initial) return can.delete ? null : 'permission';
      return can.approve ? null : 'permission';
    },
  };
}

/** 409 `invalid_transition`: a step the lifecycle does not have (from → to). */
export function invalidTransition(what: string, from: string, to: string): AppError {
  return new AppError('invalid_transition', `${what} cannot go from ${from} to ${to}`, [
    { field: 'body.to', message: `No transition from ${from} to ${to}` },
  ]);
}

/** Today in UTC as `YYYY-MM-DD`: expiry dates are calendar dates, the last day something is in force. */
export const todayOf = (now: Date) => now.toISOString().slice(0, 10);
