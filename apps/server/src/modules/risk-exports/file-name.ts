/**
 * A Content-Disposition for a download named after the assessment: an ASCII `filename` (letters, digits, dots,
 * dashes, underscores) safe on every file system, and the UTF-8 original in `filename*`.
 */
export function attachment(name: string, extension: string): string {
  const ascii =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/-+/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '')
      .slice(0, 100) || 'risk-assessment';
  const readable = `${name.replace(/[\p{Cc}\p{Cf}/\\]/gu, '').slice(0, 150)}.${extension}`;
  return `attachment; filename="${ascii}.${extension}"; filename*=UTF-8''${encodeURIComponent(readable)}`;
}
