import type { SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../platform/db/client.js';
import type { FieldError } from '../../platform/errors.js';
import type { Permission, Person } from '../access/index.js';
import type { Actor, Lifecycle } from './lifecycle.js';

/**
 * A decision record: someone asks, a named approver holding approve authority in the folder decides, the decision
 * holds until an expiry date. The columns every kind's table has; each kind adds its own (an owner, a severity,
 * submission and revocation stamps).
 */
export interface DecisionRow<S extends string = string> {
  id: string;
  organizationId: string;
  folderId: string;
  refId: string | null;
  name: string;
  description: string | null;
  justification: string | null;
  createdById: string | null;
  approverId: string | null;
  state: S;
  expiryDate: string | null;
  decidedAt: Date | null;
  decidedById: string | null;
  /** The expiry date a reminder was last sent for: one mail per date, even when the worker runs twice. */
  remindedForDate: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

/** The kind's table, seen through the columns the engine reads and writes. */
export type DecisionTable = PgTable &
  Record<
    | 'id'
    | 'organizationId'
    | 'folderId'
    | 'refId'
    | 'name'
    | 'description'
    | 'justification'
    | 'approverId'
    | 'state'
    | 'expiryDate'
    | 'remindedForDate'
    | 'updatedAt'
    | 'version',
    PgColumn
  >;

/** One kind of object a record is linked to (risk scenarios; requirement assessments; applied controls). */
export interface LinkKind {
  /** Its name in errors: "Risk scenario not found", "Risk scenario link not found". */
  what: string;
  /** Who may link, see and unlink one: the caller must hold this where the target lives. */
  read: Permission;
  /** The ids field of the create body, also the key of the created audit event (`riskScenarioIds`). */
  inputField: string;
  /** The list filter naming one target (`riskScenarioId`). */
  filterParam: string;
  /** The audit action of a change of these links. */
  auditAction: `${string}.${string}`;
  /** The link table and its two columns. */
  table: PgTable;
  recordColumn: PgColumn;
  targetColumn: PgColumn;
  /** Targets among `ids` in the organisation, with the folder path their read permission is checked on. */
  findForLinking(db: DbOrTx, organizationId: string, ids: string[]): Promise<{ id: string; folderPath: string }[]>;
  /** The linked targets as the detail answer shows them, those in `visible` folders only. */
  listLinked(db: DbOrTx, recordId: string, visible: SQL): Promise<unknown[]>;
  /** SQL: how many linked targets of the record row `recordId` (a column) lie in `visible` folders. */
  visibleCount(recordId: unknown, visible: SQL): SQL<number>;
}

/** A record as loaded for the caller: the row, its folder path, and the linked targets they may read, counted. */
export interface Found<Row, L extends string> {
  row: Row;
  folderPath: string;
  counts: Record<L, number>;
}

/** What a list item is built from besides the record: the people named on it, the caller's abilities, today. */
export interface PresentContext<S extends string> {
  people: Map<string, Person>;
  abilities: { update: boolean; delete: boolean; transitions: S[] };
  today: string;
}

/** A person named on a record, and what they must hold in its folder to be named (400 naming the field). */
export interface NamedPerson {
  field: 'approverId' | 'ownerId';
  permission: Permission;
  message: string;
}

/**
 * Everything that tells one kind of decision record from another, as data: the engine (service, transitions,
 * links, expiry) runs the same code for each. `S` its states, `Row` its table row, `L` the names of its link
 * kinds (also the keys of the linked targets in the detail answer), `Summary` its list item.
 */
export interface DecisionRecordKind<S extends string, Row extends DecisionRow<S>, L extends string, Summary> {
  table: DecisionTable;
  /** The audit object type; audit actions are `<objectType>.created`, `.updated`, `.moved`, `.state_changed`… */
  objectType: string;
  /** Its name in 404s: "Risk acceptance not found". */
  noun: string;
  permissions: Record<'read' | 'create' | 'update' | 'delete' | 'approve', Permission>;
  lifecycle: Lifecycle<S>;
  /** The people named on a record, checked in this order; the approver among them. */
  people: readonly NamedPerson[];
  links: Record<L, LinkKind>;
  /** The state a record is sent to for a decision, and what it must hold by then (400 naming each gap). */
  review: {
    state: S;
    notReady: string;
    problems(tx: DbOrTx, record: Row, today: string): Promise<FieldError[]>;
  };
  /** A decision arriving at this state is refused (409) once the expiry date has passed. */
  refusedAfterExpiry?: { state: S; message: string };
  /** The columns a step sets on arrival: who decided and when, so the record reads without the audit trail. */
  stamps(to: S, userId: string, now: Date): Record<string, unknown>;
  messages: {
    notEditable(state: S): string;
    linksFrozen(state: S): string;
    forbiddenStep(from: S, to: S, actor: Actor): string;
    deleteLive(state: S): string;
    deleteForbidden(state: S): string;
  };
  /** The list conditions only this kind has (severity, in force…), built from the list parameters. */
  listFilters(params: Record<string, unknown>, today: string): (SQL | undefined)[];
  /** The list item, in the contract's field names; `abilities` are what the caller may do with it now. */
  present(found: Found<Row, L>, context: PresentContext<S>): Summary;
}
