import { parseAsvsJson } from '../formats/asvs/parse.js';
import { parseCisoAssistantLibrary } from '../formats/ciso-assistant/parse.js';
import { parseOscalCatalog } from '../formats/oscal/catalog.js';
import { parseRampartLibrary } from '../formats/rampart/parse.js';
import { looksLikeXlsx } from '../formats/xlsx/parse.js';
import { type LibraryContent, LibraryFormatError } from '../library-content.js';

export const importFormats = [
  'oscal_catalog',
  'oscal_profile',
  'ciso_assistant',
  'rampart',
  'owasp_asvs',
  'framework_xlsx',
  'auto',
] as const;
export type ImportFormat = (typeof importFormats)[number];
export type ConcreteFormat = Exclude<ImportFormat, 'auto'>;

/**
 * The text importers that produce library content; a profile is applied to a stored framework instead, and the
 * XLSX framework template is read from bytes (`parseFrameworkXlsx`).
 */
export const contentImporters: Record<
  Exclude<ConcreteFormat, 'oscal_profile' | 'framework_xlsx'>,
  (text: string, file: string) => LibraryContent
> = {
  oscal_catalog: parseOscalCatalog,
  ciso_assistant: parseCisoAssistantLibrary,
  rampart: parseRampartLibrary,
  owasp_asvs: parseAsvsJson,
};

const HEAD = 4096;

/** A workbook is binary (a ZIP archive) and recognised by its bytes; every other format is text. */
export function detectFileFormat(data: Buffer, text: string, fileName: string): ConcreteFormat {
  if (looksLikeXlsx(data)) return 'framework_xlsx';
  return detectFormat(text, fileName);
}

/**
 * Recognises a library file by its first bytes, without parsing it: OSCAL documents open with their model's
 * name, Rampart's format declares itself, and CISO Assistant libraries are YAML with `urn` and `objects`.
 */
export function detectFormat(text: string, fileName: string): ConcreteFormat {
  const head = text.slice(0, HEAD).replace(/^\uFEFF/, '');
  if (/^\s*\{\s*"catalog"\s*:/.test(head)) return 'oscal_catalog';
  if (/^\s*\{\s*"profile"\s*:/.test(head)) return 'oscal_profile';
  // OWASP's JSON export of ASVS opens with the standard's `Name` and `ShortName` (capitalised keys).
  if (/^\s*\{\s*"Name"\s*:/.test(head) && /"ShortName"\s*:/.test(head)) return 'owasp_asvs';
  if (/["']?format["']?\s*:\s*["']?rampart-library\b/.test(head)) return 'rampart';
  if (/^objects\s*:/m.test(text) && /^urn\s*:/m.test(head)) return 'ciso_assistant';
  throw new LibraryFormatError([
    {
      file: fileName,
      path: '',
      line: 1,
      message:
        'Cannot tell the format of this file (expected an OSCAL catalog or profile, a CISO Assistant library, an ' +
        'OWASP ASVS JSON export, a Rampart library or the framework XLSX template); choose the format explicitly',
    },
  ]);
}
