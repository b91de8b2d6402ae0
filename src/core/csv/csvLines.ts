/**
 * How a CSV's bytes divide into lines before any field is read: old Mac files, whose lines
 * end in a carriage return alone, and the sample's lines for delimiter detection, split only
 * at line breaks outside quoted fields (a quoted field may hold line breaks).
 */

const LF = 0x0a;
const CR = 0x0d;

/** True when `sample` (a file's first bytes) ends its lines in CR alone (old Mac OS): it has a CR and no LF. */
export function isCrOnly(sample: Uint8Array): boolean {
  return sample.indexOf(LF) < 0 && sample.indexOf(CR) >= 0;
}

/**
 * Turns every CR of `bytes` into LF, in place: a CR-only file then reads as an LF one (a CR
 * inside a quoted field becomes a line feed in it). A CR byte is never part of a multi-byte
 * UTF-8 character, so the text stays valid.
 */
export function crToLf(bytes: Uint8Array): void {
  for (let i = bytes.indexOf(CR); i >= 0; i = bytes.indexOf(CR, i + 1)) bytes[i] = LF;
}

/** Where a quoted field can start: the start of a line or just after one of the delimiters RNN Studio reads. */
function opensQuote(text: string, i: number): boolean {
  const before = i === 0 ? '\n' : text[i - 1];
  return before === '\n' || before === '\r' || before === ',' || before === ';' || before === '\t';
}

/**
 * The non-blank lines of `text` (CRLF or LF endings), a line break inside a quoted field
 * belonging to its line: a quote opens a field at the start of a line or after `,` `;` or tab,
 * `""` is a quote inside it, and the next lone quote closes it (as CsvScanner reads fields).
 */
export function csvLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') {
      if (quoted && text[i + 1] === '"') i++;
      else if (quoted) quoted = false;
      else if (opensQuote(text, i)) quoted = true;
    } else if (char === '\n' && !quoted) {
      lines.push(text.slice(start, i > start && text[i - 1] === '\r' ? i - 1 : i));
      start = i + 1;
    }
  }
  lines.push(text.slice(start));
  return lines.filter((line) => line.trim() !== '');
}
