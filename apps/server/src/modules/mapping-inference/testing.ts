import { and, eq, inArray } from 'drizzle-orm';
import type { DatabaseHandle } from '../../platform/db/client.js';
import { insertAssessment } from '../assessments/creation.js';
import { type RequirementResult, requirementAssessments } from '../assessments/tables.js';
import { parseRampartLibrary } from '../frameworks/formats/rampart/parse.js';
import { requirementNodes } from '../frameworks/tables.js';
import { saveLibraryContent } from '../frameworks/writer.js';

/**
 * Three small frameworks chained by two mapping sets, in the Rampart library format:
 *   A → B: A1 equal B1, A2 subset B2, A3 equal B3
 *   B → C: B1 equal C1, B2 equal C2, B3 superset C3, B3 subset C4   (C5 is mapped by nothing)
 * A's results carried to C give: C1 = A1, C2 at most partially, C3 undetermined for a failed A3, C4 = a failed A3.
 */
export const chainedLibrary = `
format: rampart-library
formatVersion: 1
frameworks:
  - urn: urn:test:fw:a
    refId: A
    name: Framework A
    version: "1"
    requirements:
      - { urn: urn:test:req:a1, refId: A1, name: A one, assessable: true }
      - { urn: urn:test:req:a2, refId: A2, name: A two, assessable: true }
      - { urn: urn:test:req:a3, refId: A3, name: A three, assessable: true }
  - urn: urn:test:fw:b
    refId: B
    name: Framework B
    version: "1"
    requirements:
      - { urn: urn:test:req:b1, refId: B1, name: B one, assessable: true }
      - { urn: urn:test:req:b2, refId: B2, name: B two, assessable: true }
      - { urn: urn:test:req:b3, refId: B3, name: B three, assessable: true }
  - urn: urn:test:fw:c
    refId: C
    name: Framework C
    version: "1"
    implementationGroups:
      - { refId: basic, name: Basic }
    requirements:
      - urn: urn:test:req:c
        refId: C
        name: All of C
        assessable: false
        requirements:
          - { urn: urn:test:req:c1, refId: C1, name: C one, assessable: true, implementationGroups: [basic] }
          - { urn: urn:test:req:c2, refId: C2, name: C two, assessable: true, implementationGroups: [basic] }
          - { urn: urn:test:req:c3, refId: C3, name: C three, assessable: true }
          - { urn: urn:test:req:c4, refId: C4, name: C four, assessable: true }
          - { urn: urn:test:req:c5, refId: C5, name: C five, assessable: true }
mappingSets:
  - urn: urn:test:map:a-b
    name: A to B
    sourceFrameworkUrn: urn:test:fw:a
    targetFrameworkUrn: urn:test:fw:b
    rules:
      - { source: urn:test:req:a1, target: urn:test:req:b1, relationship: equal }
      - { source: urn:test:req:a2, target: urn:test:req:b2, relationship: subset }
      - { source: urn:test:req:a3, target: urn:test:req:b3, relationship: equal }
  - urn: urn:test:map:b-c
    name: B to C
    sourceFrameworkUrn: urn:test:fw:b
    targetFrameworkUrn: urn:test:fw:c
    rules:
      - { source: urn:test:req:b1, target: urn:test:req:c1, relationship: equal }
      - { source: urn:test:req:b2, target: urn:test:req:c2, relationship: equal }
      - { source: urn:test:req:b3, target: urn:test:req:c3, relationship: superset }
      - { source: urn:test:req:b3, target: urn:test:req:c4, relationship: subset }
`;

/** Loads the chained library for an organisation; returns framework ids by ref id and mapping set ids by URN. */
export async function loadChainedLibrary(database: DatabaseHandle, organizationId: string, folderId: string) {
  const content = parseRampartLibrary(chainedLibrary, 'chained.yaml');
  const saved = await database.db.transaction((tx) => saveLibraryContent(tx, content, { organizationId, folderId }));
  const id = (urn: string) => saved.frameworks.find((f) => f.urn === urn)?.id ?? '';
  const set = (urn: string) => saved.mappingSets.find((s) => s.urn === urn)?.id ?? '';
  return {
    A: id('urn:test:fw:a'),
    B: id('urn:test:fw:b'),
    C: id('urn:test:fw:c'),
    setAB: set('urn:test:map:a-b'),
    setBC: set('urn:test:map:b-c'),
  };
}

/** An assessment with the given results by requirement ref id, written straight to the database. */
export async function assessWith(
  database: DatabaseHandle,
  params: { organizationId: string; folderId: string; frameworkId: string; name?: string },
  results: Record<string, RequirementResult>,
) {
  const { id } = await database.db.transaction((tx) =>
    insertAssessment(tx, { ...params, name: params.name ?? 'Source assessment', status: 'in_progress' }),
  );
  await setResults(database, id, params.frameworkId, results);
  return id;
}

/** Sets results as a person would (not inferred), by requirement ref id. */
export async function setResults(
  database: DatabaseHandle,
  assessmentId: string,
  frameworkId: string,
  results: Record<string, RequirementResult>,
) {
  const nodes = await database.db
    .select({ id: requirementNodes.id, refId: requirementNodes.refId })
    .from(requirementNodes)
    .where(and(eq(requirementNodes.frameworkId, frameworkId), inArray(requirementNodes.refId, Object.keys(results))));
  for (const node of nodes) {
    await database.db
      .update(requirementAssessments)
      .set({ result: results[node.refId ?? ''] ?? 'not_assessed', inferred: false, inference: null })
      .where(
        and(
          eq(requirementAssessments.assessmentId, assessmentId),
          eq(requirementAssessments.requirementNodeId, node.id),
        ),
      );
  }
}
