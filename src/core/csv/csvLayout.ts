import { open } from 'node:fs/promises';
import { crToLf, csvLines, isCrOnly } from './csvLines';
import { CsvScanner, CsvSyntaxError, rowTexts } from './csvScanner';
import { delimiterName, detectDelimiter, type Delimiter } from './delimiter';
import { isMissingText, parseNumberText } from './numberBytes';
import { findBinaryByte, isUtf16, lineAndColumn, startsWithUtf8Bom } from '../textBytes';
import { detectTimeColumn, detectTimeParts, timeColumnIndices, timeFormatOf, type TimeColumn } from './timeColumn';
import { parseIsoTime, parseMonthNameTime, type TimeFormat } from './timeFormats';
import { csvError } from './csvError';
import { regularFileStats } from '../regularFile';

/** Bytes read from the start of a file to learn its layout. */
const SAMPLE_BYTES = 128 * 1024;
/** Data rows of the sample used to classify columns. */
const SAMPLE_ROWS = 1000;
/** Rows after the first compared with it to tell a header from data. */
const HEADER_LOOKAHEAD = 20;

/** What the first rows of a CSV say about all of it. */
export interface CsvLayout {
  /** The field separator; 'none' for a file of one column. */
  delimiter: Delimiter | 'none';
  /** Numbers are written `1,5` (a `;` file whose sample has decimal commas and no decimal points). */
  decimalComma: boolean;
  /** The file starts with a UTF-8 byte order mark (skipped). */
  bom: boolean;
  /** Its lines end in a carriage return alone (old Mac OS; see isCrOnly): every CR is read as a line feed. */
  crOnly: boolean;
  /** The first row names the columns (else they are called `column 1`, `column 2`, ...). */
  hasHeader: boolean;
  /** Column names, in file order; empty or repeated header cells get `column N`. */
  columns: string[];
  /**
   * The time column found in the sample, or null (rows are then in file order): a column of
   * times, else a date spread over columns (`timeParts`).
   */
  time: TimeColumn | null;
  /** A date spread over year, month (and day) columns in the sample (format 'parts'), or null; `time` when no column holds times. */
  timeParts: TimeColumn | null;
  /** Columns (0-based, the time column or its parts excluded) that hold numbers or only missing cells in the sample. */
  numeric: number[];
  /** Columns (0-based) whose sample is a running counter: 0, 1, 2, ... or 1, 2, 3, ... (3 rows at least, none missing). */
  counters: number[];
  /** Each column's format when its sample cells parse as times (whatever its name), else null. */
  timeFormats: Array<TimeFormat | null>;
  /** Each column's first present sample cell ('' when none), to show what a column holds. */
  examples: string[];
  /** Data rows the sample held (at most 1000 are classified). */
  sampleRows: number;
  /** Data rows the whole file probably has (from the sample's bytes per row). */
  rowEstimate: number;
  /** The whole file fit in the sample. */
  complete: boolean;
  /** Size of the file in bytes. */
  bytes: number;
}

/** How the cells of one column of the sample look. */
interface CellKinds {
  numeric: number;
  missing: number;
  time: number;
  text: number;
}

function kindsOf(cells: readonly string[], decimalComma: boolean): CellKinds {
  const kinds: CellKinds = { numeric: 0, missing: 0, time: 0, text: 0 };
  for (const cell of cells) {
    if (isMissingText(cell)) kinds.missing++;
    else if (Number.isFinite(parseNumberText(cell, decimalComma))) kinds.numeric++;
    else if (Number.isFinite(parseIsoTime(cell)) || Number.isFinite(parseMonthNameTime(cell))) kinds.time++;
    else kinds.text++;
  }
  return kinds;
}

/** Cells of a row that look like data (numbers, missing values, times) rather than names. */
function dataLike(row: readonly string[], decimalComma: boolean): number {
  const kinds = kindsOf(row, decimalComma);
  return kinds.numeric + kinds.missing + kinds.time;
}

/**
 * Whether the first row is a header: some of its cells are not data-like, and either it has
 * fewer data-like cells than a following row or there is no following row.
 */
function detectHeader(rows: readonly string[][], decimalComma: boolean): boolean {
  const first = dataLike(rows[0], decimalComma);
  if (first === rows[0].length) return false;
  const following = rows.slice(1, 1 + HEADER_LOOKAHEAD).map((row) => dataLike(row, decimalComma));
  return following.length === 0 || following.some((count) => count > first) || first === 0;
}

/** Whether `cells` count rows: 0, 1, 2, ... or 1, 2, 3, ... (at least 3 of them, none missing). */
function isCounter(cells: readonly string[]): boolean {
  if (cells.length < 3) return false;
  const first = parseNumberText(cells[0]);
  if (first !== 0 && first !== 1) return false;
  return cells.every((cell, i) => parseNumberText(cell) === first + i);
}

/** Header names, with `column N` for empty ones and repeats. */
function columnNames(header: readonly string[] | undefined, count: number): string[] {
  const seen = new Set<string>();
  return Array.from({ length: count }, (_, index) => {
    const name = header?.[index]?.trim() ?? '';
    const unique = name !== '' && !seen.has(name) ? name : `column ${index + 1}`;
    seen.add(unique);
    return unique;
  });
}

/** Reads the first SAMPLE_BYTES of `file`, a regular file (checked before it is opened): the bytes, and the file's size. */
async function readSample(file: string): Promise<{ bytes: Buffer; size: number }> {
  const { size } = await regularFileStats(file, (problem) => csvError(file, `${problem}.`));
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw csvError(file, `${(error as Error).message}.`);
  }
  try {
    const bytes = Buffer.alloc(Math.min(size, SAMPLE_BYTES));
    const { bytesRead } = await handle.read(bytes, 0, bytes.length, 0);
    return { bytes: bytes.subarray(0, bytesRead), size };
  } finally {
    await handle.close();
  }
}

/** Refuses bytes a text CSV cannot hold, naming the line and column where they are. */
function checkTextBytes(file: string, bytes: Uint8Array, firstLine = 1): void {
  const binary = findBinaryByte(bytes);
  if (!binary) return;
  const { line, column } = lineAndColumn(bytes, binary.offset, firstLine);
  throw csvError(file, `line ${line}, character ${column} has ${binary.reason}: this is not a text CSV file (a binary file renamed .csv?).`);
}

/**
 * The layout of the CSV `file` from its first 128 KiB: delimiter (`,` `;` tab), header,
 * column names, time column and format, numeric columns. Refuses (UserError naming the file,
 * and the line and column where it applies) a missing or empty file, anything but a regular
 * file (a FIFO, a device: refused before it is opened, see regularFileStats), UTF-16 or binary
 * content, an unknown delimiter, ragged rows and unterminated quotes in the sample, a file
 * with a header and no data, and one whose sample has no numeric column.
 */
export async function inspectCsv(file: string): Promise<CsvLayout> {
  const { bytes: raw, size } = await readSample(file);
  if (size === 0) throw csvError(file, 'the file is empty.');
  if (isUtf16(raw)) {
    throw csvError(file, 'it is UTF-16 text; save it as UTF-8 (or plain ASCII) to read it.');
  }
  const bom = startsWithUtf8Bom(raw);
  const complete = raw.length === size;
  let bytes = bom ? raw.subarray(3) : raw;
  const crOnly = isCrOnly(bytes);
  if (crOnly) crToLf(bytes);
  if (!complete) {
    const lastBreak = bytes.lastIndexOf(0x0a);
    if (lastBreak < 0) throw csvError(file, `line 1 is longer than ${SAMPLE_BYTES} bytes: this does not look like a CSV file.`);
    bytes = bytes.subarray(0, lastBreak + 1);
  }
  checkTextBytes(file, bytes);
  const text = bytes.toString('utf8');
  const lines = csvLines(text);
  if (!complete) lines.pop();
  if (lines.length === 0) throw csvError(file, 'the file is empty (it has only blank lines).');
  const detected = detectDelimiter(lines.slice(0, 50));
  if (detected.unknown !== undefined) {
    throw csvError(
      file,
      `unknown delimiter: its lines are separated by ${delimiterName(detected.unknown)}; RNN Studio reads comma, semicolon or tab separated files.`,
    );
  }
  const delimiter = detected.delimiter === 'single' ? 'none' : detected.delimiter;
  const rows: string[][] = [];
  const lineOf: number[] = [];
  let scanned = 0;
  const scanner = new CsvScanner(delimiter === 'none' ? 0 : delimiter.charCodeAt(0), (row) => {
    scanned++;
    if (rows.length <= SAMPLE_ROWS) {
      rows.push(rowTexts(row));
      lineOf.push(row.line);
    }
  });
  try {
    scanner.push(bytes);
    if (complete) scanner.end();
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw csvError(file, `${error.message}.`);
    throw error;
  }
  if (rows.length === 0) throw csvError(file, 'the file is empty.');
  const decimalComma =
    delimiter === ';' &&
    rows.some((row) => row.some((cell) => /^\s*[+-]?\d+,\d+\s*$/.test(cell))) &&
    !rows.some((row) => row.some((cell) => /^\s*[+-]?\d+\.\d+\s*$/.test(cell)));
  const hasHeader = detectHeader(rows, decimalComma);
  const width = rows[0].length;
  const ragged = rows.findIndex((row) => row.length !== width);
  if (ragged >= 0) {
    throw csvError(
      file,
      `line ${lineOf[ragged]} has ${rows[ragged].length} fields but ${hasHeader ? 'the header' : 'the first row'} (line ${lineOf[0]}) has ${width} (ragged rows).`,
    );
  }
  const data = hasHeader ? rows.slice(1) : rows;
  if (data.length === 0 && complete) throw csvError(file, `it has a header (line ${lineOf[0]}) but no data rows.`);
  const columns = columnNames(hasHeader ? rows[0] : undefined, width);
  const cells = columns.map((_, index) => data.map((row) => row[index]));
  const timeParts = detectTimeParts(columns, cells);
  const time = detectTimeColumn(columns, cells) ?? timeParts;
  const timeIndices = timeColumnIndices(time);
  const numeric = columns
    .map((_, index) => index)
    .filter((index) => {
      if (timeIndices.includes(index)) return false;
      const kinds = kindsOf(cells[index], decimalComma);
      const present = kinds.numeric + kinds.text + kinds.time;
      return present === 0 || kinds.numeric >= 0.9 * present;
    });
  const counters = columns.map((_, index) => index).filter((index) => isCounter(cells[index]));
  const rowEstimate = complete ? data.length : Math.ceil((size / bytes.length) * scanned);
  const timeFormats = cells.map((column) => timeFormatOf(column, true));
  const examples = cells.map((column) => column.find((cell) => !isMissingText(cell))?.trim() ?? '');
  return { delimiter, decimalComma, bom, crOnly, hasHeader, columns, time, timeParts, numeric, counters, timeFormats, examples, sampleRows: data.length, rowEstimate, complete, bytes: size };
}
