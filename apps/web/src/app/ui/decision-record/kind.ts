import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import type { ComponentType, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Resources } from '../../i18n/resources';
import type { Column, PagedItems } from '../list/PagedTable';

/**
 * What the decision-record pages need of a record: risk acceptances and security exceptions are two kinds of the
 * server's one decision-record engine (a lifecycle as data, the named approver, links, expiry), and the same pages
 * show them. What differs is said by a kind (`DecisionKind`), written by each feature.
 */
export interface DecisionRecord<S extends string = string> {
  id: string;
  version: number;
  name: string;
  refId: string | null;
  state: S;
  expiryDate: string | null;
  /** What the caller may do: edit, delete, and the states the record may move to now. */
  abilities: { update: boolean; delete: boolean; transitions: S[] };
}

/** A row of the list: what the shared columns show. */
export type DecisionSummary<S extends string = string> = Pick<DecisionRecord<S>, 'id' | 'name' | 'refId' | 'state'>;

/** The texts every decision kind's i18n namespace holds, under the same keys. */
interface DecisionTexts {
  title: string;
  intro: string;
  back: string;
  search: string;
  searchHint: string;
  any: string;
  awaitingMe: string;
  empty: string;
  noMatch: string;
  comment: string;
  commentHint: string;
  transitioned: string;
  noExpiry: string;
  deleteTitle: string;
  deleteBody: string;
  deleted: string;
  details: string;
  lockedHint: string;
  nameRequired: string;
  folderRequired: string;
  createTitle: string;
  created: string;
  fields: {
    refId: string;
    name: string;
    state: string;
    description: string;
    justification: string;
    expiryDate: string;
    folder: string;
  };
  state: Record<string, string>;
  action: Record<string, string>;
  confirm: Record<string, string>;
  badge: { expiresToday: string; expiresIn_one: string; expiresIn_other: string };
}

/** The i18n namespaces that hold the decision texts (checked by the compiler: a missing key fails the build). */
export type DecisionNamespace = {
  [N in keyof Resources]: Resources[N] extends DecisionTexts ? N : never;
}[keyof Resources];

/** A translation function over a kind's namespace (its keys are checked through `DecisionNamespace`). */
export type DecisionT = (key: string, options?: Record<string, unknown>) => string;

/** The kind's texts, and the language dates are written in. */
export function useDecisionT(ns: DecisionNamespace): { t: DecisionT; language: string } {
  const { t, i18n } = useTranslation([ns, 'common']);
  return { t: t as unknown as DecisionT, language: i18n.language };
}

/** Renders the anchor of a link (`Anchor`'s `renderRoot`): the feature knows its typed route. */
export type LinkRoot = (props: Record<string, unknown>) => ReactNode;

/**
 * What a kind says of itself on a record's page: its texts, its list's URL, its steps and its hooks. (Its state
 * colours are its badges', through `StateBadge`.)
 */
export interface DecisionKind<S extends string, R extends DecisionRecord<S>> {
  ns: DecisionNamespace;
  /** The list page (`Link to`, and where a deleted record's page goes). */
  listPath: '/risk-acceptances' | '/security-exceptions';
  /** Steps whose button and dialog are red (a refusal, a revocation). */
  dangerous: readonly S[];
  /** The `action.*` / `confirm.*` key of a step, when it is not the target state's name. */
  stepKey?: (to: S, record: R) => string;
  /** Values for a step's confirmation sentence, beside `expiry`. */
  confirmValues?: (record: R, t: DecisionT) => Record<string, string>;
  /** Dates and people shown above the form, once known (null: not shown). */
  facts: (record: R) => { label: string; value: string | null; date?: boolean }[];
  useRecord: (id: string) => UseQueryResult<R>;
  useTransition: () => UseMutationResult<R, unknown, { id: string; version: number; to: S; comment?: string }>;
  useDelete: () => UseMutationResult<unknown, unknown, { id: string; version: number }>;
}

/** The list page of a kind: its filters in the URL, its query, the columns and filters that are its own. */
export interface DecisionListKind<S extends string, T extends DecisionSummary<S>, Search extends DecisionSearch<S>> {
  ns: DecisionNamespace;
  /** A record's page. */
  recordLink: (id: string) => LinkRoot;
  /** The states, in lifecycle order (the state filter's options). */
  states: readonly S[];
  /** The permission that shows "New …" (held on at least one folder). */
  createPermission: string;
  /** The i18n key of the "New …" button. */
  createLabel: string;
  validateSearch: (search: Record<string, unknown>) => Search;
  useList: (search: Search) => PagedItems<T>;
  Badges: ComponentType<{ record: T }>;
  NewDialog: ComponentType<{ opened: boolean; onClose: () => void }>;
  /** The columns after name and state. */
  columns: (t: DecisionT) => Column<T>[];
  /** The filters between the state filter and "awaiting me". */
  filters?: (search: Search, setSearch: (patch: Partial<Search>) => void, t: DecisionT) => ReactNode;
}

/** The filters every decision list has in its URL. */
export interface DecisionSearch<S extends string> {
  q?: string | undefined;
  state?: S | undefined;
  awaitingMe?: true | undefined;
}
