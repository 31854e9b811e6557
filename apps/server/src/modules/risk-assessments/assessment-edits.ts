import type { UpdateAssessmentInput } from './contracts.js';
import type { AssessmentRow } from './queries.js';

type FieldName = Exclude<keyof UpdateAssessmentInput, 'status' | 'authorIds' | 'reviewerIds'>;

/**
 * Every field of an assessment a PATCH may set, status and people apart. A Record, so that a field added to the
 * contract does not compile until it is listed here, and the lock on closed assessments covers it too.
 */
const fields: Record<FieldName, true> = {
  refId: true,
  name: true,
  description: true,
  assessmentVersion: true,
  riskMatrixId: true,
  riskToleranceLevel: true,
  dueDate: true,
  folderId: true,
};

const sameSet = (a: string[], b: string[]) => {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((id) => right.has(id));
};

/**
 * The fields a PATCH really changes, status apart. A field sent with its stored value changes nothing (a client
 * saving the form it loaded, next to a status move); authors and reviewers compare as sets.
 */
export function changedFields(
  row: AssessmentRow,
  input: UpdateAssessmentInput,
  people: { role: 'author' | 'reviewer'; id: string }[],
): string[] {
  const changed: string[] = (Object.keys(fields) as FieldName[]).filter(
    (key) => input[key] !== undefined && input[key] !== row[key],
  );
  for (const [key, role] of [
    ['authorIds', 'author'],
    ['reviewerIds', 'reviewer'],
  ] as const) {
    const ids = input[key];
    const stored = people.filter((p) => p.role === role).map((p) => p.id);
    if (ids !== undefined && !sameSet(ids, stored)) changed.push(key);
  }
  return changed;
}
