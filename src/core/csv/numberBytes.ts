/**
 * Numbers read straight from a CSV's bytes, without making a string for every cell: the
 * ingest's hot path (the tutorial's file has 38 million cells).
 */

const SPACE = 0x20;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const COMMA = 0x2c;
const ZERO = 0x30;
const LOWER_E = 0x65;
const UPPER_E = 0x45;

/** 10^0 .. 10^22: every one exactly representable as a double. */
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/** Most significant digits whose integer is exact in a double (< 2^53), so mantissa / 10^k is correctly rounded. */
const EXACT_DIGITS = 15;

/** Cell texts read as "no value" (missing), compared case-insensitively after trimming spaces. */
const MISSING_TEXTS: readonly string[] = ['', 'nan', 'na', 'n/a', '#n/a', 'null', 'none', 'nil', '-', '?'];
const MISSING = new Set(MISSING_TEXTS);
const LONGEST_MISSING = Math.max(...MISSING_TEXTS.map((text) => text.length));

/** The digits-only exponent grammar check of `[eE][+-]?\d+` from `i` to `end`. */
function isExponent(bytes: Uint8Array, i: number, end: number): boolean {
  if (i >= end || (bytes[i] !== LOWER_E && bytes[i] !== UPPER_E)) return false;
  i++;
  if (i < end && (bytes[i] === PLUS || bytes[i] === MINUS)) i++;
  if (i >= end) return false;
  for (; i < end; i++) if (bytes[i] < ZERO || bytes[i] > ZERO + 9) return false;
  return true;
}

/**
 * The decimal number in bytes [start, end) (spaces around it allowed): `[+-]digits[.digits]`
 * optionally with an exponent `e[+-]digits`, or `.5` / `5.`; with `decimalComma` the
 * fraction separator is `,` instead of `.`. Returns NaN for anything else (empty, `NaN`,
 * text, `1,234`, hexadecimal, `Infinity`): see isMissingBytes to tell a missing cell from
 * text. Up to 15 significant digits without exponent are computed exactly from the bytes
 * (mantissa / 10^k, one correctly rounded division: the same double as Number(text));
 * longer ones and exponents go through Number() after the grammar check. A number too large
 * for a double (`1e309`, 400 digits) is NaN too, like `Inf`: the result is always finite or NaN.
 */
export function parseNumberBytes(bytes: Uint8Array, start: number, end: number, decimalComma = false): number {
  while (start < end && bytes[start] === SPACE) start++;
  while (end > start && bytes[end - 1] === SPACE) end--;
  let i = start;
  let negative = false;
  if (i < end && (bytes[i] === MINUS || bytes[i] === PLUS)) {
    negative = bytes[i] === MINUS;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let fraction = 0;
  for (; i < end; i++) {
    const digit = bytes[i] - ZERO;
    if (digit < 0 || digit > 9) break;
    mantissa = mantissa * 10 + digit;
    digits++;
  }
  if (i < end && bytes[i] === (decimalComma ? COMMA : DOT)) {
    for (i++; i < end; i++) {
      const digit = bytes[i] - ZERO;
      if (digit < 0 || digit > 9) break;
      mantissa = mantissa * 10 + digit;
      fraction++;
    }
  }
  if (digits + fraction === 0) return NaN;
  if (i === end && digits + fraction <= EXACT_DIGITS && fraction < POW10.length) {
    const value = fraction === 0 ? mantissa : mantissa / POW10[fraction];
    return negative ? -value : value;
  }
  if (i !== end && !isExponent(bytes, i, end)) return NaN;
  let text = Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1');
  if (decimalComma) text = text.replace(',', '.');
  const value = Number(text);
  return Number.isFinite(value) ? value : NaN;
}

/** True when bytes [start, end) are a missing value: empty, `NaN`, `NA`, `null`, ... (see MISSING_TEXTS). */
export function isMissingBytes(bytes: Uint8Array, start: number, end: number): boolean {
  while (start < end && bytes[start] === SPACE) start++;
  while (end > start && bytes[end - 1] === SPACE) end--;
  if (end - start > LONGEST_MISSING) return false;
  return MISSING.has(Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1').toLowerCase());
}

/** The number in `text` by the same rules as parseNumberBytes (for cells already decoded). */
export function parseNumberText(text: string, decimalComma = false): number {
  const bytes = Buffer.from(text, 'utf8');
  return parseNumberBytes(bytes, 0, bytes.length, decimalComma);
}

/** True when `text` is a missing value by the rules of isMissingBytes. */
export function isMissingText(text: string): boolean {
  return MISSING.has(text.trim().toLowerCase());
}
