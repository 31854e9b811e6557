/**
 * The file types Rampart accepts as evidence and attachments. Anything a browser would run (HTML, SVG,
 * JavaScript) is refused; binary types must start with their format's signature, text types must not contain
 * NUL bytes, so a declared type cannot smuggle in something else.
 */
type Check = (head: Buffer) => boolean;

const startsWith =
  (...signatures: number[][]): Check =>
  (head) =>
    signatures.some((sig) => head.length >= sig.length && sig.every((byte, i) => head[i] === byte));
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const isText: Check = (head) => !head.includes(0);
const zip = startsWith([0x50, 0x4b, 0x03, 0x04], [0x50, 0x4b, 0x05, 0x06]);
const ole = startsWith([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const allowed: Record<string, Check> = {
  'application/pdf': startsWith(ascii('%PDF-')),
  'image/png': startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'image/jpeg': startsWith([0xff, 0xd8, 0xff]),
  'image/gif': startsWith(ascii('GIF87a'), ascii('GIF89a')),
  'image/webp': (head) => startsWith(ascii('RIFF'))(head) && head.subarray(8, 12).toString('latin1') === 'WEBP',
  'application/zip': zip,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': zip,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': zip,
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': zip,
  'application/vnd.oasis.opendocument.text': zip,
  'application/vnd.oasis.opendocument.spreadsheet': zip,
  'application/msword': ole,
  'application/vnd.ms-excel': ole,
  'application/vnd.ms-powerpoint': ole,
  'text/plain': isText,
  'text/csv': isText,
  'text/markdown': isText,
  'application/json': isText,
  'application/xml': isText,
  'text/xml': isText,
};

/** `Text/CSV; charset=utf-8` → `text/csv`; null when not on the allow-list. */
export function normaliseContentType(declared: string): string | null {
  const type = declared.split(';')[0]?.trim().toLowerCase() ?? '';
  return Object.hasOwn(allowed, type) ? type : null;
}

/** Whether the first bytes of the content fit the (normalised, allowed) type. Empty content fits text only. */
export function contentMatches(type: string, head: Buffer): boolean {
  const check = allowed[type];
  return check ? check(head) : false;
}

export const allowedContentTypes = Object.keys(allowed);
