/**
 * PDFKit's standard fonts (Helvetica) only encode WinAnsi; Rampart ships no font file, so any other character is
 * printed as "?" instead of turning into garbage.
 */
const EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

export function pdfText(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || EXTRAS.has(ch)) out += ch;
    else if (ch === '\t' || ch === '\r') out += ' ';
    else if (code >= 0x20) out += '?';
  }
  return out;
}
