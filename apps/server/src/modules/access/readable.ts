import { notFound } from '../../platform/errors.js';
import type { Access } from './access.js';
import type { Permission } from './permissions-catalog.js';

/**
 * The one rule for loading an object by id: it is answered only when it was found in the caller's organisation
 * and the caller holds `permission` on its folder; otherwise 404 naming `noun`. Another organisation's object
 * (the lookup, scoped to the caller's organisation, finds nothing), a missing one and one in a folder the caller
 * cannot read all answer the same 404, so that an id reveals nothing about whether it exists elsewhere.
 *
 * The object's folder path is its `folderPath`, or what `pathOf` says; a null path (an object outside the tree)
 * is never readable through this rule — built-in rows that everyone reads are answered before asking it.
 */
export function readableOr404<T extends { folderPath: string | null }>(
  found: T | null | undefined,
  access: Access,
  permission: Permission,
  noun: string,
): T;
export function readableOr404<T>(
  found: T | null | undefined,
  access: Access,
  permission: Permission,
  noun: string,
  pathOf: (found: T) => string | null,
): T;
export function readableOr404<T>(
  found: T | null | undefined,
  access: Access,
  permission: Permission,
  noun: string,
  pathOf: (found: T) => string | null = (f) => (f as { folderPath: string | null }).folderPath,
): T {
  const path = found ? pathOf(found) : null;
  if (!found || path === null || !access.can(permission, path)) throw notFound(noun);
  return found;
}
