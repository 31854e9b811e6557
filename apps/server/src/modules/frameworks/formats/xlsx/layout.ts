import { importanceValues } from '../../tables.js';

/**
 * The framework template workbook: what its sheets and columns are called. The template writer and the parser
 * share these names, so a filled-in template always reads back.
 */
export const INSTRUCTIONS_SHEET = 'Instructions';
export const FRAMEWORK_SHEET = 'framework';
export const REQUIREMENTS_SHEET = 'requirements';

/** Rows of the framework sheet: a label in column A, the value in column B. */
export const frameworkFields = [
  { key: 'urn', label: 'URN', required: true, max: 300, hint: 'urn:yourorg:framework:name (no spaces)' },
  { key: 'refId', label: 'Ref ID', required: true, max: 100, hint: 'A short code, e.g. ACME-SEC' },
  { key: 'name', label: 'Name', required: true, max: 300, hint: 'The framework’s title' },
  { key: 'version', label: 'Version', required: true, max: 50, hint: 'The version label, e.g. 2024 or 1.0' },
  { key: 'provider', label: 'Provider', required: false, max: 200, hint: 'Who publishes it' },
  { key: 'description', label: 'Description', required: false, max: 200_000, hint: '' },
] as const;
export type FrameworkFieldKey = (typeof frameworkFields)[number]['key'];

/** The implementation groups table of the framework sheet starts at the row whose first cell is this. */
export const GROUPS_HEADER = ['Implementation group ref ID', 'Implementation group name', 'Description'] as const;

export const requirementColumns = [
  { key: 'urn', header: 'URN', width: 36 },
  { key: 'refId', header: 'Ref ID', width: 14 },
  { key: 'parentRefId', header: 'Parent ref ID', width: 14 },
  { key: 'name', header: 'Name', width: 44 },
  { key: 'description', header: 'Description', width: 60 },
  { key: 'assessable', header: 'Assessable', width: 11 },
  { key: 'implementationGroups', header: 'Implementation groups', width: 22 },
  { key: 'importance', header: 'Importance', width: 14 },
  { key: 'typicalEvidence', header: 'Typical evidence', width: 40 },
] as const;
export type RequirementColumnKey = (typeof requirementColumns)[number]['key'];

export const assessableValues = ['yes', 'no'] as const;
export const importanceOptions = importanceValues;
