/**
 * PostgreSQL's unique_violation (23505). Drizzle wraps driver errors, so the code may sit on the error or on its
 * cause, depending on the driver.
 */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return e?.code === '23505' || e?.cause?.code === '23505';
}
