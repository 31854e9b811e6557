/**
 * PDFKit's built-in fonts (Helvetica) encode WinAnsi only; any other character would print as garbage. Rampart
 * ships no font file, so such characters are replaced by "?" rather than silently mangled.
 */
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

export function winAnsi(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(ch)) {
      out += ch;
    } else if (ch === '\t' || ch === '\r') {
      out += ' ';
    } else if (code >= 0x20) {
      out += '?';
    }
  }
  return out;
}
