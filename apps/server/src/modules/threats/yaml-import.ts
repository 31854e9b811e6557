import type { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import {
  issuesFromZod,
  LibraryFormatError,
  type LibraryIssue,
  MAX_REPORTED_ISSUES,
  type PathSegment,
  parseYamlLocated,
  yamlPath,
} from '../frameworks/index.js';

/** A located problem in an uploaded file, as the 400 answers it: `field` is `file.<yaml path>`. */
export function fileRejected(issues: LibraryIssue[]): AppError {
  const n = issues.length;
  return new AppError(
    'validation_failed',
    `The file cannot be imported: ${n} problem${n === 1 ? '' : 's'} found; nothing was changed`,
    issues.slice(0, MAX_REPORTED_ISSUES).map((issue) => ({
      field: issue.path ? `file.${issue.path}` : 'file',
      message: `${issue.file}${issue.line ? ` line ${issue.line}` : ''}: ${issue.message}`,
    })),
  );
}

export interface ParsedLibrary<T> {
  data: T;
  /** Where a path of the data is written, to report problems found after the shape is checked. */
  locate(path: readonly PathSegment[]): LibraryIssue;
}

/**
 * Reads a CISO Assistant library YAML against `schema` (only the part this module imports), reporting every
 * problem with its YAML path and line as a 400. Uses the frameworks module's located YAML reader (aliases capped,
 * duplicate keys refused).
 */
export function readLibraryYaml<S extends z.ZodType>(text: string, fileName: string, schema: S) {
  let source: ReturnType<typeof parseYamlLocated>;
  try {
    source = parseYamlLocated(text, fileName);
  } catch (error) {
    if (error instanceof LibraryFormatError) throw fileRejected(error.issues);
    throw error;
  }
  const locate = (path: readonly PropertyKey[]) => ({
    path: yamlPath(path),
    line: source.lineOf(path as PathSegment[]),
  });
  const parsed = schema.safeParse(source.data);
  if (!parsed.success) throw fileRejected(issuesFromZod(parsed.error, fileName, locate));
  return {
    data: parsed.data as z.infer<S>,
    locate: (path: readonly PathSegment[]): LibraryIssue => ({ file: fileName, ...locate(path), message: '' }),
  };
}
