import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { frameworks, referenceControls, requirementNodes } from '../frameworks/index.js';
import { appliedControlReferenceControls, appliedControlRequirements } from './tables.js';

/**
 * Links of a control to the frameworks library. What an organisation may link to follows the library's
 * visibility rule (frameworks/queries.ts): entries shipped with Rampart (no organisation) and its own imports.
 */
const frameworkVisibleTo = (organizationId: string) =>
  or(isNull(frameworks.organizationId), eq(frameworks.organizationId, organizationId));
const referenceControlVisibleTo = (organizationId: string) =>
  or(isNull(referenceControls.organizationId), eq(referenceControls.organizationId, organizationId));

/** The ids among `ids` that are requirement nodes of a framework the organisation can see. */
export const visibleRequirementIds = async (db: DbOrTx, organizationId: string, ids: string[]) =>
  ids.length === 0
    ? new Set<string>()
    : new Set(
        (
          await db
            .select({ id: requirementNodes.id })
            .from(requirementNodes)
            .innerJoin(frameworks, eq(frameworks.id, requirementNodes.frameworkId))
            .where(and(inArray(requirementNodes.id, ids), frameworkVisibleTo(organizationId)))
        ).map((r) => r.id),
      );

export const visibleReferenceControlIds = async (db: DbOrTx, organizationId: string, ids: string[]) =>
  ids.length === 0
    ? new Set<string>()
    : new Set(
        (
          await db
            .select({ id: referenceControls.id })
            .from(referenceControls)
            .where(and(inArray(referenceControls.id, ids), referenceControlVisibleTo(organizationId)))
        ).map((r) => r.id),
      );

export const requirementsOfControl = (db: DbOrTx, controlId: string) =>
  db
    .select({
      id: requirementNodes.id,
      urn: requirementNodes.urn,
      refId: requirementNodes.refId,
      name: requirementNodes.name,
      frameworkId: frameworks.id,
      frameworkRefId: frameworks.refId,
      frameworkName: frameworks.name,
      frameworkVersion: frameworks.frameworkVersion,
    })
    .from(appliedControlRequirements)
    .innerJoin(requirementNodes, eq(requirementNodes.id, appliedControlRequirements.requirementNodeId))
    .innerJoin(frameworks, eq(frameworks.id, requirementNodes.frameworkId))
    .where(eq(appliedControlRequirements.appliedControlId, controlId))
    .orderBy(frameworks.name, requirementNodes.orderIndex)
    .limit(5000);

export const referenceControlsOfControl = (db: DbOrTx, controlId: string) =>
  db
    .select({
      id: referenceControls.id,
      urn: referenceControls.urn,
      refId: referenceControls.refId,
      name: referenceControls.name,
    })
    .from(appliedControlReferenceControls)
    .innerJoin(referenceControls, eq(referenceControls.id, appliedControlReferenceControls.referenceControlId))
    .where(eq(appliedControlReferenceControls.appliedControlId, controlId))
    .orderBy(referenceControls.urn)
    .limit(5000);

/** The two library link tables behind one interface, so the link service treats them alike. */
export const libraryLinkTables = {
  requirements: {
    current: async (db: DbOrTx, controlId: string) =>
      (
        await db
          .select({ id: appliedControlRequirements.requirementNodeId })
          .from(appliedControlRequirements)
          .where(eq(appliedControlRequirements.appliedControlId, controlId))
      ).map((r) => r.id),
    add: async (db: DbOrTx, controlId: string, ids: string[]) => {
      if (ids.length === 0) return;
      await db
        .insert(appliedControlRequirements)
        .values(ids.map((requirementNodeId) => ({ appliedControlId: controlId, requirementNodeId })))
        .onConflictDoNothing();
    },
    remove: async (db: DbOrTx, controlId: string, ids: string[]) => {
      if (ids.length === 0) return;
      await db
        .delete(appliedControlRequirements)
        .where(
          and(
            eq(appliedControlRequirements.appliedControlId, controlId),
            inArray(appliedControlRequirements.requirementNodeId, ids),
          ),
        );
    },
  },
  referenceControls: {
    current: async (db: DbOrTx, controlId: string) =>
      (
        await db
          .select({ id: appliedControlReferenceControls.referenceControlId })
          .from(appliedControlReferenceControls)
          .where(eq(appliedControlReferenceControls.appliedControlId, controlId))
      ).map((r) => r.id),
    add: async (db: DbOrTx, controlId: string, ids: string[]) => {
      if (ids.length === 0) return;
      await db
        .insert(appliedControlReferenceControls)
        .values(ids.map((referenceControlId) => ({ appliedControlId: controlId, referenceControlId })))
        .onConflictDoNothing();
    },
    remove: async (db: DbOrTx, controlId: string, ids: string[]) => {
      if (ids.length === 0) return;
      await db
        .delete(appliedControlReferenceControls)
        .where(
          and(
            eq(appliedControlReferenceControls.appliedControlId, controlId),
            inArray(appliedControlReferenceControls.referenceControlId, ids),
          ),
        );
    },
  },
};
