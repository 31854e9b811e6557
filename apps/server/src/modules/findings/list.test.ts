import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { call, createTestApp, type Session } from '../../test/app.js';
import { createFolder, createOrgWithOwner } from '../../test/factories.js';
import { createAssessment, createFinding, insertAsset, insertScenario } from './testing.js';

const clock = new ManualClock(new Date('2026-03-10T08:00:00Z'));
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_TTL_HOURS: String(24 * 90) } });
});
afterAll(() => t.close());

interface Item {
  id: string;
  title: string;
  severity: string;
  dueDate: string | null;
}

/** Every page of a list, following nextCursor. */
async function allPages(session: Session, query: string, limit: number) {
  const items: Item[] = [];
  let cursor: string | null = null;
  do {
    const url: string = `/api/v1/findings?limit=${limit}&${query}${cursor ? `&cursor=${cursor}` : ''}`;
    const response = await call(t.app, session, { method: 'GET', url });
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json() as { items: Item[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

// Many requests per test on two shared cores: a generous timeout, no timing assertion.
vi.setConfig({ testTimeout: 180_000 });

describe('finding lists', () => {
  it('sorts by severity rank and pages through nullable due dates without losing rows', async () => {
    clock.set(new Date('2026-03-10T08:00:00Z'));
    const { session, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const severities = ['low', 'critical', 'info', 'high', 'medium', 'critical', 'info'];
    const created = [];
    for (const [i, severity] of severities.entries()) {
      created.push(await createFinding(t.app, session, { folderId: rootFolderId, severity, title: `F${i}` }));
    }
    const bySeverity = await allPages(session, 'sort=-severity', 2);
    expect(bySeverity.map((i) => i.severity)).toEqual([
      'critical',
      'critical',
      'high',
      'medium',
      'low',
      'info',
      'info',
    ]);
    const ascending = await allPages(session, 'sort=severity', 3);
    expect(ascending.map((i) => i.severity)).toEqual(['info', 'info', 'low', 'medium', 'high', 'critical', 'critical']);

    // Two info findings have no due date: they come last in both directions, and every row appears once.
    for (const sort of ['dueDate', '-dueDate']) {
      const pages = await allPages(session, `sort=${sort}`, 2);
      expect(pages).toHaveLength(7);
      expect(new Set(pages.map((i) => i.id)).size).toBe(7);
      expect(pages.slice(-2).map((i) => i.dueDate)).toEqual([null, null]);
      const dated = pages.slice(0, 5).map((i) => i.dueDate ?? '');
      const sorted = [...dated].sort();
      expect(dated).toEqual(sort === 'dueDate' ? sorted : sorted.reverse());
    }
    const byTitle = await allPages(session, 'sort=title', 4);
    expect(byTitle.map((i) => i.title)).toEqual(['F0', 'F1', 'F2', 'F3', 'F4', 'F5', 'F6']);
    expect(await allPages(session, 'sort=-identifiedAt', 3)).toHaveLength(7);
    const bad = await call(t.app, session, { method: 'GET', url: '/api/v1/findings?cursor=garbage' });
    expect(bad.statusCode).toBe(400);
  });

  it('filters by text, severity, status, open, overdue, folder, owner, assessment and links', async () => {
    clock.set(new Date('2026-03-10T08:00:00Z'));
    const { session, rootFolderId, organization, owner } = await createOrgWithOwner(t.app, t.database);
    const sub = await createFolder(t.app, session, rootFolderId, 'Sub');
    const assessment = await createAssessment(t.app, session, rootFolderId);
    const sqli = await createFinding(t.app, session, {
      folderId: rootFolderId,
      title: 'SQL injection in login',
      severity: 'critical',
      ownerId: owner.id,
      findingsAssessmentId: assessment.id,
      externalRef: 'CVE-2026-0001',
    });
    const tls = await createFinding(t.app, session, {
      folderId: sub.id,
      title: 'Weak TLS ciphers',
      severity: 'low',
      status: 'closed',
    });
    const late = await createFinding(t.app, session, {
      folderId: sub.id,
      title: 'Missing patch',
      severity: 'high',
      dueDate: '2026-03-01',
    });
    const asset = await insertAsset(t.database, organization.id, rootFolderId);
    const scenario = await insertScenario(t.database, organization.id, rootFolderId);
    const control = await call(t.app, session, {
      method: 'POST',
      url: '/api/v1/applied-controls',
      payload: { folderId: rootFolderId, name: 'WAF' },
    });
    const f = `/api/v1/findings/${sqli.id}`;
    await call(t.app, session, { method: 'POST', url: `${f}/assets`, payload: { assetId: asset } });
    await call(t.app, session, { method: 'POST', url: `${f}/risk-scenarios`, payload: { riskScenarioId: scenario } });
    await call(t.app, session, {
      method: 'POST',
      url: `${f}/applied-controls`,
      payload: { appliedControlId: control.json().id },
    });

    const ids = async (query: string) => (await allPages(session, `sort=title&${query}`, 50)).map((i) => i.id).sort();
    const expectIds = async (query: string, expected: string[]) =>
      expect(await ids(query), query).toEqual([...expected].sort());
    await expectIds('q=injection', [sqli.id]);
    await expectIds('q=cve-2026', [sqli.id]);
    await expectIds('severity=low', [tls.id]);
    await expectIds('status=closed', [tls.id]);
    await expectIds('open=true', [sqli.id, late.id]);
    await expectIds('open=false', [tls.id]);
    await expectIds('overdue=true', [late.id]);
    await expectIds('overdue=false', [sqli.id, tls.id]);
    await expectIds(`folderId=${sub.id}`, [tls.id, late.id]);
    await expectIds(`folderId=${rootFolderId}`, [sqli.id, tls.id, late.id]);
    await expectIds(`ownerId=${owner.id}`, [sqli.id]);
    await expectIds(`findingsAssessmentId=${assessment.id}`, [sqli.id]);
    await expectIds(`assetId=${asset}`, [sqli.id]);
    await expectIds(`riskScenarioId=${scenario}`, [sqli.id]);
    await expectIds(`appliedControlId=${control.json().id}`, [sqli.id]);

    const assessments = await call(t.app, session, {
      method: 'GET',
      url: '/api/v1/findings-assessments?category=pentest&q=pen',
    });
    expect(assessments.json().items.map((a: { id: string }) => a.id)).toEqual([assessment.id]);
    const none = await call(t.app, session, { method: 'GET', url: '/api/v1/findings-assessments?category=audit' });
    expect(none.json().items).toEqual([]);
    const subtree = await call(t.app, session, {
      method: 'GET',
      url: `/api/v1/findings-assessments?folderId=${sub.id}`,
    });
    expect(subtree.json().items).toEqual([]);
  });
});
