/** `value` as a literal inside an ILIKE pattern: its `%`, `_` and `\\` match themselves. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
