import { isUtf8 } from 'node:buffer';

/** Where bytes that cannot be CSV text start: a NUL byte or invalid UTF-8. */
export interface BinaryByte {
  /** Offset in the checked bytes. */
  offset: number;
  reason: 'a NUL byte' | 'bytes that are not UTF-8 text';
}

/**
 * The first byte of `bytes` that a text CSV cannot hold, or null: NUL (binary files are full
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
