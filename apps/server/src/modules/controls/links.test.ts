import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp } from '../../test/app.js';
import { createFolder, createOrgWithOwner, userWithRole } from '../../test/factories.js';
import { auditEvents } from '../audit/tables.js';
import { referenceControls } from '../frameworks/tables.js';
import { createControl, nodeIds, saveTwoFrameworks } from './testing.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const api = '/api/v1/applied-controls';
const _missing = '00000000-0000-4000-8000-000000000000';

describe('applied control links', () => {
  it('one control satisfies requirements of two frameworks; library and own frameworks; not another org’s', async () => {
    const { session, rootFolderId, organization } = await createOrgWithOwner(t.app, t.database);
    const own = await saveTwoFrameworks(t.database, { organizationId: organization.id, folderId: rootFolderId });
    const shipped = await saveTwoFrameworks(t.database, { organizationId: null, folderId: null });
    const other = await createOrgWithOwner(t.app, t.database);
    const foreign = await saveTwoFrameworks(t.database, {
      organizationId: other.organization.id,
      folderId: other.rootFolderId,
    });
    const mine = await nodeIds(t.database, own.tag);
    const library = await nodeIds(t.database, shipped.tag);
    const theirs = await nodeIds(t.database, foreign.tag);
    const control = await createControl(t.app, session, rootFolderId);

    const set = await call(t.app, session, {
      method: 'PUT',
      url: `${api}/${control.id}/requirements`,
      payload: { requirementNodeIds: [mine.a1, mine.b1] },
    });
    expect(set.statusCode, set.body).toBe(200);
    const linked = set.json().requirements as { id: string; framework: { id: string; name: string } }[];
    expect(linked.map((r) => r.framework.id).sort()).toEqual([own.frameworkA, own.frameworkB].sort());
    expect(set.json().requirementCount).toBe(2);

    const addLibrary = await call(t.app, session, {
      method: 'POST',
      url: `${api}/${control.id}/requirements`,
      payload: { requirementNodeId: library.a2 },
    });
    expect(addLibrary.statusCode, addLibrary.body).toBe(200);
    expect(addLibrary.json().requirements).toHaveLength(3);
    const again = await call(t.app, session, {
      method: 'POST',
      url: `${api}/${control.id}/requirements`,
      payload: { requirementNodeId: library.a2 },
    });
    expect(again.json().requirements).toHaveLength(3);

    const foreignAdd = await call(t.app, session, {
      method: 'POST',
      url: `${api}/${control.id}/requirements`,
      payload: { requirementNodeId: theirs.a1 },
    });
    expect(foreignAdd.statusCode).toBe(404);
    const foreignSet = await call(t.app, session, {
      method: 'PUT',
      url: `${api}/${control.id}/requirements`,
      payload: { requirementNodeIds: [mine.a1, theirs.b1] },
    });
    expect(foreignSet.statusCode).toBe(400);
    expect(foreignSet.json().errors[0].field).toBe('body.requirementNodeIds');

    // The control answers from either framework's side.
    for (const node of [mine.a1, mine.b1]) {
      const byRequirement = await call(t.app, session, { method: 'GET', url: `${api}?requirementNodeId=${node}` });
      expect(byRequirement.json().items.map((i: { id: string }) => i.id)).toEqual([control.id]);
    }

    const removed = await call(t.app, session, {
      method: 'DELETE',
      url: `${api}/${control.id}/requirements/${mine.b1}`,
    });
    expect(removed.statusCode).toBe(200);
    expect(removed.json().requirements).toHaveLength(2);
    const removedAgain = await call(t.app, session, {
      method: 'DELETE',
      url: `${api}/${control.id}/requirements/${mine.b1}`,
    });
    expect(removedAgain.statusCode).toBe(404);

    const [rc] = await t.database.db
      .select({ id: referenceControls.id })
      .from(referenceControls)
      .where(eq(referenceControls.urn, `urn:test:${own.tag}:rc:1`));
    const [foreignRc] = await t.database.db
      .select({ id: referenceControls.id })
      .from(referenceControls)
      .where(eq(referenceControls.urn, `urn:test:${foreign.tag}:rc:1`));
    const withRc = await call(t.app, session, {
      method: 'PUT',
      url: `${api}/${control.id}/reference-controls`,
      payload: { referenceControlIds: [rc?.id] },
    });
    expect(withRc.statusCode, withRc.body).toBe(200);
    expect(withRc.json().referenceControls.map((r: { id: string }) => r.id)).toEqual([rc?.id]);
    const foreignRcAdd = await call(t.app, session, {
      method: 'POST',
      url: `${api}/${control.id}/reference-controls`,
      payload: { referenceControlId: foreignRc?.id },
    });
    expect(foreignRcAdd.statusCode).toBe(404);

    const events = await t.database.db
      .select({ action: auditEvents.action, changes: auditEvents.changes })
      .from(auditEvents)
      .where(eq(auditEvents.objectId, control.id))
      .orderBy(auditEvents.seq);
    expect(events.map((e) => e.action)).toEqual([
      'applied_control.created',
      'applied_control.requirements_changed',
      'applied_control.requirements_changed',
      'applied_control.requirements_changed',
      'applied_control.reference_controls_changed',
    ]);
    expect(events[3]?.changes).toEqual({ added: [], removed: [mine.b1] });
  });

  it('links evidence the caller can read, filters both ways, and hides links to evidence out of reach', async () => {
    const { session, rootFolderId, organization } = await createOrgWithOwner(t.app, t.database);
    const secret = await createFolder(t.app, session, rootFolderId, 'Secret');
    const open = await createFolder(t.app, session, rootFolderId, 'Open');
    const control = await createControl(t.app, session, open.id);
    const newEvidence = async (folderId: string) => {
      const response = await call(t.app, session, {
        method: 'POST',
        url: '/api/v1/evidence',
        payload: { folderId, name: 'Evidence' },
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json().id as string;
    };
    const visible = await newEvidence(open.id);
    const hidden = await newEvidence(secret.id);
    const linked = await call(t.app, session, {
      method: 'PUT',
      url: `${api}/${control.id}/evidence`,
      payload: { evidenceIds: [visible, hidden] },
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().evidence).toHaveLength(2);
    const byEvidence = await call(t.app, session, { method: 'GET', url: `${api}?evidenceId=${visible}` });
    expect(byEvidence.json().items.map((i: { id: string }) => i.id)).toEqual([control.id]);
    const evidenceOfControl = await call(t.app, session, {
      method: 'GET',
      url: `/api/v1/evidence?appliedControlId=${control.id}`,
    });
    expect(evidenceOfControl.json().items).toHaveLength(2);

    // A contributor on the "Open" folder sees only the evidence there, and their PUT keeps the hidden link.
    const contributor = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: open.id,
      role: 'contributor',
    });
    const seen = await call(t.app, contributor.session, { method: 'GET', url: `${api}/${control.id}` });
    expect(seen.json().evidence.map((e: { id: string }) => e.id)).toEqual([visible]);
    expect(seen.json().evidenceCount).toBe(1);
    const listed = await call(t.app, contributor.session, { method: 'GET', url: api });
    expect(listed.json().items[0].evidenceCount).toBe(1);
    const outOfReach = await call(t.app, contributor.session, {
      method: 'POST',
      url: `${api}/${control.id}/evidence`,
      payload: { evidenceId: hidden },
    });
    expect(outOfReach.statusCode).toBe(404);
    const cleared = await call(t.app, contributor.session, {
      method: 'PUT',
      url: `${api}/${control.id}/evidence`,
      payload: { evidenceIds: [] },
    });
    expect(cleared.statusCode).toBe(200);
    const asOwner = await call(t.app, session, { method: 'GET', url: `${api}/${control.id}` });
    expect(asOwner.json().evidence.map((e: { id: string }) => e.id)).toEqual([hidden]);
  });
});
