import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { DEFAULT_SLA, type SlaDays } from './rules.js';
import { findingSlas } from './tables.js';

export interface StoredSla {
  days: SlaDays;
  /** 0 while no row exists (the defaults apply). */
  version: number;
  isDefault: boolean;
}

/** The organisation's SLAs, or the defaults while it has saved none. */
export async function loadSla(db: DbOrTx, organizationId: string): Promise<StoredSla> {
  const [row] = await db.select().from(findingSlas).where(eq(findingSlas.organizationId, organizationId));
  if (!row) return { days: { ...DEFAULT_SLA }, version: 0, isDefault: true };
  return {
    days: {
      critical: row.criticalDays,
      high: row.highDays,
      medium: row.mediumDays,
      low: row.lowDays,
      info: row.infoDays,
    },
    version: row.version,
    isDefault: false,
  };
}

export const slaColumns = (days: SlaDays) => ({
  criticalDays: days.critical,
  highDays: days.high,
  mediumDays: days.medium,
  lowDays: days.low,
  infoDays: days.info,
});
