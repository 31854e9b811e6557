/** Black or white, whichever reads better on `hex` (WCAG relative luminance; both give ≥ 4.5:1 on one side). */
export function textColorOn(hex: string): string {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex);
  if (!match?.[1]) return '#000000';
  const value = Number.parseInt(match[1], 16);
  const channel = (shift: number) => {
    const c = ((value >> shift) & 0xff) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
  // Contrast with black is (L + 0.05) / 0.05, with white 1.05 / (L + 0.05): they cross at L ≈ 0.179.
  return luminance > 0.179 ? '#000000' : '#ffffff';
}
