import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Test helpers of the frameworks module: the shared real-world files (never copied here) and the fixtures. */
const here = path.dirname(fileURLToPath(import.meta.url));
/** `../shared/data` from the repository root. */
export const sharedOscalDir = path.resolve(here, '../../../../../../shared/data/oscal');
export const CATALOG_800_53 = 'NIST_SP-800-53_rev5_catalog.json';
export const hasSharedOscal = existsSync(path.join(sharedOscalDir, CATALOG_800_53));
export const readShared = (name: string) => readFileSync(path.join(sharedOscalDir, name), 'utf8');
export const readFixture = (name: string) => readFileSync(path.join(here, 'formats/oscal/fixtures', name), 'utf8');

export function warnIfNoSharedData(what: string) {
  if (!hasSharedOscal) console.warn(`${what}: tests on the real 800-53 files skipped (${sharedOscalDir} is absent)`);
}
