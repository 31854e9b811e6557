const MAX_NAME = 255;

/**
 * A display name for an uploaded file. It is stored for people to read and for Content-Disposition, and is
 * never part of a path (blobs are named by their SHA-256): still, directories, control characters and
 * characters that break headers or other systems are removed.
 */
export function sanitiseFileName(name: string): string {
  const base = name.normalize('NFC').split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/["<>:|?*;]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const name255 = [...cleaned].slice(0, MAX_NAME).join('');
  return name255 === '' ? 'file' : name255;
}
