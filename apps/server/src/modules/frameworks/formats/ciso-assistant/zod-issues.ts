import type { z } from 'zod';
import type { LibraryIssue } from '../../library-content.js';

/** Enough for a user to fix a file in a few passes without drowning the job result in one repeated mistake. */
export const MAX_REPORTED_ISSUES = 50;

export type Locate = (path: readonly PropertyKey[]) => { path: string; line?: number };

/**
 * Turns zod's issues into located library issues. An unknown key is reported at the key itself (not at the
 * object holding it), so the line points at the typo.
 */
export function issuesFromZod(error: z.ZodError, file: string, locate: Locate): LibraryIssue[] {
  const issues: LibraryIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        issues.push({ file, ...locate([...issue.path, key]), message: `Unknown field "${key}"` });
      }
    } else {
      issues.push({ file, ...locate(issue.path), message: issue.message });
    }
    if (issues.length >= MAX_REPORTED_ISSUES) break;
  }
  return issues.slice(0, MAX_REPORTED_ISSUES);
}
