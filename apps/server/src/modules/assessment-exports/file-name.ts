/**
 * A download name from the assessment's name: letters, digits, dots, dashes and underscores only (other
 * characters become "-"), so it is safe in a Content-Disposition header and on every file system. The UTF-8
 * original goes in `filename*` for clients that read it.
 */
export function downloadFileName(assessmentName: string, suffix: string, extension: string): string {
  const ascii = assessmentName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 100);
  return `${ascii || 'assessment'}${suffix ? `-${suffix}` : ''}.${extension}`;
}

export function contentDisposition(assessmentName: string, suffix: string, extension: string): string {
  const ascii = downloadFileName(assessmentName, suffix, extension);
  const readable = `${assessmentName.replace(/[\p{Cc}\p{Cf}/\\]/gu, '').slice(0, 150)}${suffix ? ` - ${suffix}` : ''}.${extension}`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(readable)}`;
}
