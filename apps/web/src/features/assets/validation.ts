import { primaryCategories } from './use-assets';

/**
 * The checks the server makes on an asset's fields, run before sending so the form answers at once (the server
 * still decides). Keys are the inputs' names; values are i18n keys of the `assets` namespace.
 */
export function assetFormProblems(values: {
  name: string;
  type: string | null;
  category: string | null;
  rtoMinutes: string | number;
  rpoMinutes: string | number;
  mtdMinutes: string | number;
}): Record<string, string> {
  const problems: Record<string, string> = {};
  if (values.name.trim() === '') problems.name = 'validation.name';
  const minutes = (value: string | number) =>
    value === '' ? null : Number.isInteger(Number(value)) && Number(value) >= 0 ? Number(value) : Number.NaN;
  const rto = minutes(values.rtoMinutes);
  const rpo = minutes(values.rpoMinutes);
  const mtd = minutes(values.mtdMinutes);
  if (Number.isNaN(rto)) problems.rtoMinutes = 'validation.minutes';
  if (Number.isNaN(rpo)) problems.rpoMinutes = 'validation.minutes';
  if (Number.isNaN(mtd)) problems.mtdMinutes = 'validation.minutes';
  else if (rto !== null && mtd !== null && !Number.isNaN(rto) && mtd < rto) problems.mtdMinutes = 'validation.mtd';
  if (values.category && values.type) {
    const primary = (primaryCategories as readonly string[]).includes(values.category);
    if (primary !== (values.type === 'primary')) problems.category = 'validation.category';
  }
  return problems;
}
