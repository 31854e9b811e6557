import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp } from '../../test/app.js';
import { createOrgWithOwner } from '../../test/factories.js';
import { createAssessment, createControl, createFramework } from '../assessment-exports/testing.js';
import { complianceAssessments } from '../assessments/tables.js';
import { appliedControlRequirements, appliedControls } from '../controls/tables.js';
import { frameworks, requirementNodes } from './tables.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const api = '/api/v1/frameworks';

describe('DELETE /frameworks/:id of a framework in use', () => {
  it('409 naming the count while assessments use it (not a 500); 204 once they are deleted', async () => {
    const { session, organization, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const ids = { organizationId: organization.id, folderId: rootFolderId };
    const framework = await createFramework(t.database, ids.organizationId, ids.folderId);
    await createAssessment(t.database, { ...ids, frameworkId: framework.id });
    await createAssessment(t.database, { ...ids, frameworkId: framework.id });

    const refused = await call(t.app, session, { method: 'DELETE', url: `${api}/${framework.id}` });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().detail).toContain('used by 2 assessment(s); delete them first');
    const [kept] = await t.database.db.select().from(frameworks).where(eq(frameworks.id, framework.id));
    expect(kept).toBeDefined();

    await t.database.db.delete(complianceAssessments).where(eq(complianceAssessments.frameworkId, framework.id));
    const deleted = await call(t.app, session, { method: 'DELETE', url: `${api}/${framework.id}` });
    expect(deleted.statusCode, deleted.body).toBe(204);
  });

  it('a framework that applied controls map to is deleted: the mappings go, the controls stay', async () => {
    const { session, organization, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const ids = { organizationId: organization.id, folderId: rootFolderId };
    const framework = await createFramework(t.database, ids.organizationId, ids.folderId);
    const control = await createControl(t.database, { ...ids, name: 'Access policy' });
    const [node] = await t.database.db
      .select({ id: requirementNodes.id })
      .from(requirementNodes)
      .where(eq(requirementNodes.frameworkId, framework.id));
    await t.database.db
      .insert(appliedControlRequirements)
      .values({ appliedControlId: control.id, requirementNodeId: node?.id ?? '' });

    const deleted = await call(t.app, session, { method: 'DELETE', url: `${api}/${framework.id}` });
    expect(deleted.statusCode, deleted.body).toBe(204);
    const links = await t.database.db
      .select()
      .from(appliedControlRequirements)
      .where(eq(appliedControlRequirements.appliedControlId, control.id));
    expect(links).toEqual([]);
    const [still] = await t.database.db.select().from(appliedControls).where(eq(appliedControls.id, control.id));
    expect(still?.name).toBe('Access policy');
  });
});
