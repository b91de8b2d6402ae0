/**
 * A streaming CSV tokenizer over bytes (RFC 4180 plus the usual liberties): it finds rows and
 * field boundaries in Buffer chunks and hands each row to a callback as offsets, so cells the
 * caller does not need are never turned into strings. Rows end at LF or CRLF; a field that
 * starts with `"` is quoted (`""` is a quote inside it, and it may span lines); a quote
 * inside an unquoted field is an ordinary character. Blank lines are skipped.
 */

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/** Longest row (bytes) the scanner holds while waiting for its end: longer is refused. */
const MAX_ROW_BYTES = 8 * 1024 * 1024;

/** One row: field i is bytes [starts[i], ends[i]) of `bytes` (quotes excluded). Reused between rows. */
export interface CsvRow {
  bytes: Buffer;
  starts: Int32Array;
  ends: Int32Array;
  /** 1 where the field was quoted and holds doubled quotes (`""`) still to unescape. */
  escaped: Uint8Array;
  /** Fields in this row. */
  count: number;
  /** 1-based line of the file where the row starts. */
  line: number;
}

/** Why the input is not CSV the scanner can read; the caller adds the file name. */
export class CsvSyntaxError extends Error {
  constructor(message: string, readonly line: number, readonly field: number) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/** Field `index` of `row` as text (UTF-8, doubled quotes unescaped). */
export function fieldText(row: CsvRow, index: number): string {
  const text = row.bytes.toString('utf8', row.starts[index], row.ends[index]);
  return row.escaped[index] ? text.replace(/""/g, '"') : text;
}

/** Every field of `row` as text. */
export function rowTexts(row: CsvRow): string[] {
  return Array.from({ length: row.count }, (_, index) => fieldText(row, index));
}

const INCOMPLETE = -1;

export class CsvScanner {
  private leftover: Buffer | null = null;
  /** Line where the next row starts. */
  private line = 1;
  private readonly row: CsvRow;

  /**
   * @param delimiter The field separator's byte: `,` `;` or tab.
   * @param onRow Called for each row in order; the row object is reused, copy what you keep.
   */
  constructor(
    private readonly delimiter: number,
    private readonly onRow: (row: CsvRow) => void,
    private readonly maxRowBytes = MAX_ROW_BYTES,
  ) {
    this.row = { bytes: Buffer.alloc(0), starts: new Int32Array(64), ends: new Int32Array(64), escaped: new Uint8Array(64), count: 0, line: 1 };
  }

  /** Scans `chunk` (the next bytes of the file) and reports every row it completes. */
  push(chunk: Buffer): void {
    const bytes = this.leftover ? Buffer.concat([this.leftover, chunk]) : chunk;
    const consumed = this.scan(bytes, false);
    this.leftover = consumed < bytes.length ? bytes.subarray(consumed) : null;
    if (this.leftover && this.leftover.length > this.maxRowBytes) {
      const quoted = this.leftover.indexOf(QUOTE) >= 0;
      throw new CsvSyntaxError(
        quoted
          ? `a quoted field starting on line ${this.line} has no closing quote in the next ${this.maxRowBytes} bytes (unterminated quote)`
          : `line ${this.line} is longer than ${this.maxRowBytes} bytes: this does not look like a CSV file`,
        this.line,
        0,
      );
    }
  }

  /** Reports the last row (one without a line break at the end). Throws on an unterminated quote. */
  end(): void {
    if (this.leftover) this.scan(this.leftover, true);
    this.leftover = null;
  }

  /** The 1-based line the next row would start on (after end(): one past the last line). */
  get nextLine(): number {
    return this.line;
  }

  private ensureCapacity(count: number): void {
    if (count < this.row.starts.length) return;
    const grow = <T extends Int32Array | Uint8Array>(array: T, make: (n: number) => T): T => {
      const bigger = make(array.length * 2);
      bigger.set(array);
      return bigger;
    };
    this.row.starts = grow(this.row.starts, (n) => new Int32Array(n));
    this.row.ends = grow(this.row.ends, (n) => new Int32Array(n));
    this.row.escaped = grow(this.row.escaped, (n) => new Uint8Array(n));
  }

  /** Scans complete rows of `bytes`; returns where the first incomplete one starts. */
  private scan(bytes: Buffer, final: boolean): number {
    const row = this.row;
    row.bytes = bytes;
    const n = bytes.length;
    const delimiter = this.delimiter;
    let nextQuote = bytes.indexOf(QUOTE);
    if (nextQuote < 0) nextQuote = n;
    let pos = 0;
    while (pos < n) {
      let lineEnd = bytes.indexOf(LF, pos);
      if (lineEnd < 0) {
        if (!final) return pos;
        lineEnd = n;
      }
      if (nextQuote >= lineEnd) {
        const end = lineEnd > pos && bytes[lineEnd - 1] === CR ? lineEnd - 1 : lineEnd;
        if (end > pos) {
          let count = 0;
          let start = pos;
          for (let i = pos; i < end; i++) {
            if (bytes[i] === delimiter) {
              if (count + 1 >= row.starts.length) this.ensureCapacity(count + 1);
              row.starts[count] = start;
              row.ends[count] = i;
              row.escaped[count] = 0;
              count++;
              start = i + 1;
            }
          }
          if (count + 1 >= row.starts.length) this.ensureCapacity(count + 1);
          row.starts[count] = start;
          row.ends[count] = end;
          row.escaped[count] = 0;
          row.count = count + 1;
          row.line = this.line;
          this.onRow(row);
        }
        this.line++;
        pos = lineEnd + 1;
      } else {
        const rowEnd = this.scanQuoted(bytes, pos, final);
        if (rowEnd === INCOMPLETE) return pos;
        pos = rowEnd + 1;
        nextQuote = pos < n ? bytes.indexOf(QUOTE, pos) : -1;
        if (nextQuote < 0) nextQuote = n;
      }
    }
    return n;
  }

  /**
   * The slow path for a row with a quote in it: scans fields from `pos`, reports the row and
   * returns the index of its terminating LF (or `n` at the end of the input), or INCOMPLETE
   * when the row does not end within `bytes` and more input may come.
   */
  private scanQuoted(bytes: Buffer, pos: number, final: boolean): number {
    const row = this.row;
    const n = bytes.length;
    const delimiter = this.delimiter;
    let newlines = 0;
    let count = 0;
    let i = pos;
    const push = (start: number, end: number, escaped: number) => {
      this.ensureCapacity(count + 1);
      row.starts[count] = start;
      row.ends[count] = end;
      row.escaped[count] = escaped;
      count++;
    };
    for (;;) {
      if (i < n && bytes[i] === QUOTE) {
        const openLine = this.line + newlines;
        let j = i + 1;
        let escaped = 0;
        let close: number;
        for (;;) {
          const quote = bytes.indexOf(QUOTE, j);
          if (quote < 0 || (quote + 1 >= n && !final)) {
            if (!final) return INCOMPLETE;
            throw new CsvSyntaxError(`the quoted field that starts on line ${openLine} never closes (unterminated quote)`, openLine, count + 1);
          }
          for (let k = bytes.indexOf(LF, j); k >= 0 && k < quote; k = bytes.indexOf(LF, k + 1)) newlines++;
          if (quote + 1 < n && bytes[quote + 1] === QUOTE) {
            escaped = 1;
            j = quote + 2;
            continue;
          }
          close = quote;
          break;
        }
        push(i + 1, close, escaped);
        i = close + 1;
        if (i >= n) break;
        const next = bytes[i];
        if (next === delimiter) {
          i++;
          continue;
        }
        if (next === LF) break;
        if (next === CR && i + 1 < n && bytes[i + 1] === LF) {
          i++;
          break;
        }
        if (next === CR && i + 1 >= n && !final) return INCOMPLETE;
        if (next === CR && i + 1 >= n) break;
        throw new CsvSyntaxError(
          `line ${this.line + newlines} has text after the closing quote of field ${count}`,
          this.line + newlines,
          count,
        );
      }
      let j = i;
      while (j < n && bytes[j] !== delimiter && bytes[j] !== LF) j++;
      if (j >= n && !final) return INCOMPLETE;
      if (j < n && bytes[j] === delimiter) {
        push(i, j, 0);
        i = j + 1;
        continue;
      }
      push(i, j > i && bytes[j - 1] === CR ? j - 1 : j, 0);
      i = j;
      break;
    }
    row.count = count;
    row.line = this.line;
    this.onRow(row);
    this.line += 1 + newlines;
    return i;
  }
}
