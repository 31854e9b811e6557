import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type Session } from '../../test/app.js';
import { createFolder, createOrgWithOwner } from '../../test/factories.js';
import { createAssessment, createScenario, insertMatrix } from './testing.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const api = '/api/v1/risk-scenarios';

interface Item {
  id: string;
  name: string;
  refId: string | null;
  treatment: string;
  current: { probability: number; impact: number; level: number };
  residual: { level: number };
}

async function all(session: Session, query: string, limit = 3) {
  const items: Item[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 50; pages++) {
    const url = `${api}?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`;
    const response = await call(t.app, session, { method: 'GET', url });
    expect(response.statusCode, response.body).toBe(200);
    items.push(...(response.json().items as Item[]));
    cursor = response.json().nextCursor;
    if (!cursor) break;
  }
  return items;
}

describe('the scenario list', () => {
  it('filters on the rating cell, treatment, owner and folder; sorts by level and ref id; pages without loss', async () => {
    const { session, rootFolderId, owner } = await createOrgWithOwner(t.app, t.database);
    const matrix = await insertMatrix(t.database, { organizationId: null });
    const sub = await createFolder(t.app, session, rootFolderId);
    const a = await createAssessment(t.app, session, rootFolderId, matrix.id, { riskToleranceLevel: 0 });
    const b = await createAssessment(t.app, session, sub.id, matrix.id);
    const cells = [
      [0, 0],
      [0, 2],
      [1, 1],
      [2, 2],
      [2, 0],
      [1, 2],
      [-1, -1],
    ] as const;
    const made: string[] = [];
    for (const [index, [probability, impact]] of cells.entries()) {
      const scenario = await createScenario(t.app, session, index % 2 === 0 ? a.id : b.id, {
        name: `S${index} ${index % 3 === 0 ? 'alpha' : 'beta'}`,
        refId: index === 3 ? null : `R-${10 - index}`,
        current: { probability, impact },
        residual: { probability: 0, impact: index % 3 },
        treatment: index < 3 ? 'mitigate' : 'open',
        ownerId: index === 1 ? owner.id : null,
      });
      made.push(scenario.id);
    }

    const everything = await all(session, '');
    expect(everything.map((i) => i.id).sort()).toEqual([...made].sort());
    expect(everything.map((i) => i.name)).toEqual([...everything.map((i) => i.name)].sort());

    const byLevel = await all(session, '&sort=-currentLevel', 2);
    expect(byLevel).toHaveLength(7);
    const levels = byLevel.map((i) => i.current.level);
    expect(levels).toEqual([...levels].sort((x, y) => y - x));
    const byResidual = await all(session, '&sort=residualLevel', 2);
    expect(byResidual.map((i) => i.residual.level)).toEqual([...byResidual.map((i) => i.residual.level)].sort());
    const byRef = await all(session, '&sort=-refId', 2);
    expect(byRef).toHaveLength(7);
    expect(byRef[6]?.refId).toBeNull();
    expect(byRef.slice(0, 6).map((i) => i.refId)).toEqual(['R-9', 'R-8', 'R-6', 'R-5', 'R-4', 'R-10']);
    expect(await all(session, '&sort=updatedAt', 2)).toHaveLength(7);
    expect(await all(session, '&sort=-treatment', 2)).toHaveLength(7);

    const cell = await all(session, '&probability=2&impact=2');
    expect(cell.map((i) => i.name)).toEqual(['S3 alpha']);
    const levelOne = await all(session, '&level=1', 2);
    expect(levelOne.map((i) => i.name)).toEqual(['S1 beta', 'S2 beta', 'S4 beta', 'S5 beta']);
    const residualCell = await all(session, '&ratingKind=residual&impact=2');
    expect(residualCell.map((i) => i.name)).toEqual(['S2 beta', 'S5 beta']);
    const unrated = await all(session, '&level=-1');
    expect(unrated.map((i) => i.name)).toEqual(['S6 alpha']);
    expect((await all(session, '&treatment=mitigate')).map((i) => i.name)).toEqual(['S0 alpha', 'S1 beta', 'S2 beta']);
    expect((await all(session, `&ownerId=${owner.id}`)).map((i) => i.name)).toEqual(['S1 beta']);
    expect(
      (await all(session, `&folderId=${sub.id}`)).every((i) => ['S1 beta', 'S3 alpha', 'S5 beta'].includes(i.name)),
    ).toBe(true);
    expect(await all(session, `&riskAssessmentId=${b.id}`)).toHaveLength(3);
    expect((await all(session, '&q=alpha')).map((i) => i.name)).toEqual(['S0 alpha', 'S3 alpha', 'S6 alpha']);
    // Tolerance 0 on assessment a: its rated scenarios above level 0 are flagged; b has no tolerance.
    const flagged = await all(session, '&flagged=true');
    expect(flagged.map((i) => i.name)).toEqual(['S2 beta', 'S4 beta']);

    const badSort = await call(t.app, session, { method: 'GET', url: `${api}?sort=likelihood` });
    expect(badSort.statusCode).toBe(400);
    const badCursor = await call(t.app, session, { method: 'GET', url: `${api}?cursor=nonsense` });
    expect(badCursor.statusCode).toBe(400);
    const badLevel = await call(t.app, session, { method: 'GET', url: `${api}?probability=-2` });
    expect(badLevel.statusCode).toBe(400);
  });
});
