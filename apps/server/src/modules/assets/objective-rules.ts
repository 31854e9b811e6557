import type { FieldError } from '../../platform/errors.js';
import type { ObjectiveLevel, SecurityObjectiveKey, SecurityObjectives } from './tables.js';

/** What an organisation without an `asset_settings` row uses. */
export const defaultObjectiveScale: ObjectiveLevel[] = [
  { level: 0, name: 'Low', description: null },
  { level: 1, name: 'Medium', description: null },
  { level: 2, name: 'High', description: null },
  { level: 3, name: 'Critical', description: null },
];
export const defaultEnabledObjectives: SecurityObjectiveKey[] = ['confidentiality', 'integrity', 'availability'];

export interface ObjectiveSettings {
  objectiveScale: ObjectiveLevel[];
  enabledObjectives: SecurityObjectiveKey[];
  version: number;
}

/** Problems of a scale: 2–10 levels, distinct numbers, distinct names (the import reads levels by name). */
export function scaleProblems(scale: ObjectiveLevel[], field = 'body.objectiveScale'): FieldError[] {
  const problems: FieldError[] = [];
  if (scale.length < 2 || scale.length > 10) {
    problems.push({ field, message: 'A scale has between 2 and 10 levels' });
  }
  const numbers = new Set<number>();
  const names = new Set<string>();
  scale.forEach((entry, i) => {
    if (numbers.has(entry.level)) {
      problems.push({ field: `${field}.${i}.level`, message: `Level ${entry.level} appears twice` });
    }
    numbers.add(entry.level);
    const name = entry.name.trim().toLowerCase();
    if (names.has(name))
      problems.push({ field: `${field}.${i}.name`, message: `The name "${entry.name}" appears twice` });
    names.add(name);
    if (/^\d+$/.test(name)) {
      problems.push({ field: `${field}.${i}.name`, message: 'A level name cannot be a number (files use both)' });
    }
  });
  return problems;
}

/** Objectives an asset may carry: enabled ones only, at a level of the scale. */
export function objectiveProblems(
  objectives: SecurityObjectives,
  settings: Pick<ObjectiveSettings, 'objectiveScale' | 'enabledObjectives'>,
  field = 'body.securityObjectives',
): FieldError[] {
  const levels = new Set(settings.objectiveScale.map((l) => l.level));
  const problems: FieldError[] = [];
  for (const [key, level] of Object.entries(objectives)) {
    if (!settings.enabledObjectives.includes(key as SecurityObjectiveKey)) {
      problems.push({
        field: `${field}.${key}`,
        message: `The objective "${key}" is not enabled in this organisation`,
      });
    } else if (level === undefined || !levels.has(level)) {
      problems.push({
        field: `${field}.${key}`,
        message: `Level ${level} is not on the scale (${[...levels].sort((a, b) => a - b).join(', ')})`,
      });
    }
  }
  return problems;
}

/**
 * Recovery objectives: the maximum tolerable downtime cannot be shorter than the recovery time (a recovery
 * that ends after the business has failed meets no objective). RPO measures lost data, not time down, so it is
 * not compared with either.
 */
export function recoveryProblems(
  values: { rtoMinutes?: number | null; mtdMinutes?: number | null },
  field = 'body.mtdMinutes',
): FieldError[] {
  const { rtoMinutes, mtdMinutes } = values;
  if (rtoMinutes != null && mtdMinutes != null && mtdMinutes < rtoMinutes) {
    return [{ field, message: `The MTD (${mtdMinutes} min) cannot be shorter than the RTO (${rtoMinutes} min)` }];
  }
  return [];
}

const primaryCategories = new Set(['business_process', 'information']);

/** Business processes and information are primary assets; everything else supports them. */
export function categoryProblems(type: string, category: string | null | undefined, field = 'body.category') {
  if (!category) return [];
  const fits = primaryCategories.has(category) === (type === 'primary');
  return fits ? [] : [{ field, message: `The category "${category}" is not one of a ${type} asset` }];
}
