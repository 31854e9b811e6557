import { eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.js';
import { ensureBuiltinThreats } from '../threats/builtin.js';
import { builtinThreats } from '../threats/catalogue.js';
import { threats } from '../threats/tables.js';
import { ensureBuiltinRiskMatrices } from './builtin.js';
import { riskMatrices } from './tables.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('built-in content at start', () => {
  it('is already in the template and a second run changes nothing', async () => {
    const snapshot = async () => ({
      matrices: await t.database.db.select().from(riskMatrices).where(isNull(riskMatrices.organizationId)),
      threats: await t.database.db.select().from(threats).where(isNull(threats.organizationId)),
    });
    const before = await snapshot();
    expect(before.matrices.map((m) => [m.urn, m.revision]).sort()).toEqual([
      ['urn:rampart:risk:matrix:3x3', 1],
      ['urn:rampart:risk:matrix:4x4', 1],
      ['urn:rampart:risk:matrix:5x5', 1],
    ]);
    expect(before.threats).toHaveLength(builtinThreats.length);
    await ensureBuiltinRiskMatrices(t.database.db);
    await ensureBuiltinThreats(t.database.db);
    const after = await snapshot();
    expect(after.matrices.map((m) => [m.id, m.version])).toEqual(before.matrices.map((m) => [m.id, m.version]));
    expect(after.threats.map((m) => [m.id, m.version])).toEqual(before.threats.map((m) => [m.id, m.version]));
  });

  it('restores a built-in threat whose wording was changed behind its back', async () => {
    const [one] = await t.database.db.select().from(threats).where(isNull(threats.organizationId)).limit(1);
    if (!one) throw new Error('no built-in threat');
    await t.database.db.update(threats).set({ name: 'Tampered' }).where(eq(threats.id, one.id));
    await ensureBuiltinThreats(t.database.db);
    const [restored] = await t.database.db.select().from(threats).where(eq(threats.id, one.id));
    expect(restored?.name).toBe(one.name);
  });
});
