import { isUtf8 } from 'node:buffer';

/**
 * Whether a file's bytes are UTF-8 text, for every reader of text files (CSV ingest, the text
 * job's --text-file): UTF-16, NUL bytes (binary files are full of them) and invalid UTF-8 are
 * refused by the callers with the line and column found here; a UTF-8 byte order mark is skipped.
 */

/** Bytes of the start of a file checked for UTF-16 without a byte order mark. */
const UTF16_SNIFF_BYTES = 4096;

/** Whether `bytes` start with the UTF-8 byte order mark (EF BB BF), which readers skip. */
export function startsWithUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/**
 * Whether `bytes` (the start of a file) are UTF-16: a byte order mark (FF FE or FE FF), or,
 * without one, text whose every other byte is NUL (UTF-16 of Latin text, little- or
 * big-endian): a half of the pairs or more have a NUL on one side and almost none on the other.
 */
export function isUtf16(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  const pairs = Math.floor(Math.min(bytes.length, UTF16_SNIFF_BYTES) / 2);
  if (pairs < 2) return false;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) evenNuls++;
    if (bytes[2 * i + 1] === 0) oddNuls++;
  }
  const [more, fewer] = oddNuls >= evenNuls ? [oddNuls, evenNuls] : [evenNuls, oddNuls];
  return more >= pairs / 2 && fewer <= pairs / 20;
}

/** Where bytes that cannot be UTF-8 text start: a NUL byte or invalid UTF-8. */
export interface BinaryByte {
  /** Offset in the checked bytes. */
  offset: number;
  reason: 'a NUL byte' | 'bytes that are not UTF-8 text';
}

/**
 * The first byte of `bytes` that UTF-8 text cannot hold, or null: NUL (binary files are full
 * of them, text never has one) or the start of an invalid UTF-8 sequence. `bytes` must end on
 * a character boundary (e.g. just after a line feed), or the last character reads as invalid.
 * Fast when the bytes are fine (native checks); the exact offset is found only on failure.
 */
export function findBinaryByte(bytes: Uint8Array): BinaryByte | null {
  const nul = bytes.indexOf(0);
  const utf8 = isUtf8(bytes) ? -1 : firstInvalidUtf8(bytes);
  if (nul < 0 && utf8 < 0) return null;
  if (utf8 < 0 || (nul >= 0 && nul < utf8)) return { offset: nul, reason: 'a NUL byte' };
  return { offset: utf8, reason: 'bytes that are not UTF-8 text' };
}

/** Offset of the first byte of an invalid UTF-8 sequence (only called when there is one). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead < 0xe0 ? 2 : lead >= 0xe0 && lead < 0xf0 ? 3 : lead >= 0xf0 && lead < 0xf5 ? 4 : 0;
    if (length === 0 || i + length > bytes.length || !isUtf8(bytes.subarray(i, i + length))) return i;
    i += length;
  }
  return bytes.length;
}

/** 1-based line and column (in bytes) of `offset` in `bytes`, counting from `firstLine`. */
export function lineAndColumn(bytes: Uint8Array, offset: number, firstLine = 1): { line: number; column: number } {
  let line = firstLine;
  let lineStart = 0;
  for (let i = bytes.indexOf(0x0a); i >= 0 && i < offset; i = bytes.indexOf(0x0a, i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
