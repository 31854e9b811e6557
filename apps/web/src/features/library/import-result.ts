import type { JobRun } from './use-library';

/** A problem located in the imported file, as the importers report it. */
export interface ImportIssue {
  file: string;
  path: string;
  line?: number;
  message: string;
}

export interface ImportedFramework {
  id: string;
  name: string;
  outcome: 'created' | 'unchanged';
}

export interface AppliedProfile {
  frameworkId: string;
  frameworkName: string;
  implementationGroup: string;
  outcome: 'applied' | 'unchanged';
  selected: number;
  unmatched: string[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** A job's result is free-form JSON in the API; these readers keep the UI safe from any other shape. */
export function issuesOf(run: JobRun): ImportIssue[] {
  const issues = run.result?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.filter(isRecord).map((issue) => ({
    file: text(issue.file),
    path: text(issue.path),
    ...(typeof issue.line === 'number' ? { line: issue.line } : {}),
    message: text(issue.message),
  }));
}

export function frameworksOf(run: JobRun): ImportedFramework[] {
  const frameworks = run.result?.frameworks;
  if (!Array.isArray(frameworks)) return [];
  return frameworks
    .filter(isRecord)
    .filter((f) => typeof f.id === 'string')
    .map((f) => ({ id: text(f.id), name: text(f.name), outcome: f.outcome === 'unchanged' ? 'unchanged' : 'created' }));
}

export function profileOf(run: JobRun): AppliedProfile | null {
  const profile = run.result?.profile;
  if (!isRecord(profile) || typeof profile.frameworkId !== 'string') return null;
  return {
    frameworkId: profile.frameworkId,
    frameworkName: text(profile.frameworkName),
    implementationGroup: text(profile.implementationGroup),
    outcome: profile.outcome === 'unchanged' ? 'unchanged' : 'applied',
    selected: typeof profile.selected === 'number' ? profile.selected : 0,
    unmatched: Array.isArray(profile.unmatched) ? profile.unmatched.map(text).filter(Boolean) : [],
  };
}

/** "catalog.json:12 /catalog/uuid": where to look, as an editor would take it. */
export function issueLocation(issue: ImportIssue): string {
  const place = issue.line ? `${issue.file}:${issue.line}` : issue.file;
  return [place, issue.path].filter(Boolean).join(' ');
}
