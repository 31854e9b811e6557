import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256Hex } from '../../../platform/crypto.js';

/**
 * The built-in library: files in Rampart's own library format, shipped in `apps/server/library/` beside `src/`
 * and `dist/` (like `migrations/`), so the same path works under tsx and from the build. Listed here rather than
 * read from the folder so a stray file is never loaded into every install; a test keeps both in agreement.
 */
export const BUILTIN_LIBRARY_FILES = [
  'nist-csf-2.0.yaml',
  'nist-sp-800-53-rev5.json',
  'iso-iec-27001-2022-annex-a.yaml',
  'nis2-article-21.yaml',
  'cis-controls-v8.yaml',
  'soc2-tsc-2017.yaml',
  'owasp-asvs-5.0.yaml',
  'mapping-nist-csf-2.0-to-sp-800-53-rev5.yaml',
  'mapping-nis2-article-21-to-iso-27001-annex-a.yaml',
] as const;

export function builtinLibraryFolder(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const folder = path.resolve(here, '../../../../library');
  if (!existsSync(folder)) throw new Error(`Built-in library folder not found at ${folder}`);
  return folder;
}

export interface BuiltinFile {
  name: string;
  text: string;
  sha256: string;
}

/** The same hash the format parser records as the source's SHA-256, so a loaded file is recognised by it. */
export const builtinFile = (name: string, text: string): BuiltinFile => ({ name, text, sha256: sha256Hex(text) });

/** Reads and hashes every built-in file: a few hundred kilobytes, a few milliseconds. */
export function readBuiltinFiles(folder = builtinLibraryFolder(), names: readonly string[] = BUILTIN_LIBRARY_FILES) {
  return names.map((name) => builtinFile(name, readFileSync(path.join(folder, name), 'utf8')));
}
