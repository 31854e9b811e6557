import { z } from 'zod';

/** A calendar date as `YYYY-MM-DD` (due dates, expiry dates), a real one: 2026-02-30 is refused. */
export const isoDate = z.iso.date();
