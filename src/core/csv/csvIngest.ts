import { createReadStream } from 'node:fs';
import { CancelledError } from '../cancelledError';
import { UserError } from '../userError';
import { chooseTargetColumn, chooseTimeColumn } from './columnChoice';
import { countValue, emptySummary, type ColumnSummary } from './columnSummary';
import { columnLabel, csvError } from './csvError';
import { inspectCsv, type CsvLayout } from './csvLayout';
import { crToLf } from './csvLines';
import { CsvScanner, CsvSyntaxError, fieldText, type CsvRow } from './csvScanner';
import { GrowableSeries } from './growableSeries';
import { isMissingBytes, parseNumberBytes } from './numberBytes';
import { orderByTime } from './orderByTime';
import type { SkippedRows } from './skippedRows';
import { findBinaryByte } from '../textBytes';
import { timeColumnIndices, type TimeColumn } from './timeColumn';
import { partsTime, textTimeParser, TIME_FORMAT_NAMES } from './timeFormats';

/** Bytes read from disk at a time. */
const CHUNK_BYTES = 1024 * 1024;

/** How far reading has got. */
export interface IngestProgress {
  bytesRead: number;
  totalBytes: number;
  /** Data rows read so far. */
  rows: number;
}

export interface CsvReadOptions {
  /** Column to forecast: header name, `column N` or `N`; default: see chooseTargetColumn (`Close` for the tutorial's file). */
  column?: string;
  /** Time column: name as `column`; undefined = detected; null = none (rows in file order, t = 0, 1, 2, ...). */
  timeColumn?: string | null;
  /** Count every column (ColumnSummary of each), not just the target: for a column pick; slower. */
  summarizeAll?: boolean;
  /** Stops reading (CancelledError) when aborted; checked between chunks of 1 MiB. */
  signal?: AbortSignal;
  /** Asked between chunks; true stops reading (CancelledError). */
  shouldStop?: () => boolean;
  /** Called after each chunk. */
  onProgress?: (progress: IngestProgress) => void;
}

/** A CSV column read as a time series. */
export interface CsvSeries {
  file: string;
  layout: CsvLayout;
  /** The target column. */
  column: { index: number; name: string };
  /** The time column, or null: then `times` are row numbers 0, 1, 2, ... of the kept rows' data rows. */
  time: TimeColumn | null;
  /** Data rows in the file (header and blank lines not counted). */
  rows: number;
  /** Data rows left out (missing or non-numeric value, bad time): rows - times.length. */
  rowsSkipped: number;
  skipped: SkippedRows;
  /** Kept rows sorted by time (ms since 1970 UTC, or row numbers): ascending, equal times in file order. */
  times: Float64Array;
  /** The target's value of each kept row, in the order of `times`. */
  values: Float64Array;
  /** Kept rows that came earlier in time than the row before them (0: the file was sorted). */
  outOfOrder: number;
  /** Kept rows whose time equals another kept row's. */
  duplicates: number;
  /** The target column's summary; every column's with `summarizeAll`. */
  summaries: ColumnSummary[];
}

/** Turns time cells into milliseconds: a function of the row, NaN when the cell is not a time. */
function timeReader(time: TimeColumn | null): (row: CsvRow, rowNumber: number) => number {
  if (time === null) return (_row, rowNumber) => rowNumber;
  const { index, format, parts } = time;
  if (format === 'parts') {
    if (!parts) throw new Error(`The time "${time.name}" has format 'parts' but no parts.`);
    const { year, month, day } = parts;
    const cell = (row: CsvRow, i: number) => parseNumberBytes(row.bytes, row.starts[i], row.ends[i]);
    return (row) => partsTime(cell(row, year), cell(row, month), day === undefined ? 1 : cell(row, day));
  }
  if (format === 'unix-s' || format === 'unix-ms') {
    const scale = format === 'unix-s' ? 1000 : 1;
    return (row) => parseNumberBytes(row.bytes, row.starts[index], row.ends[index]) * scale;
  }
  const parse = textTimeParser(format);
  return (row) => parse(fieldText(row, index));
}

/** The time cell of `row` for a message (a date's parts joined by `-`: `1994-2-30`), at most 40 characters. */
function timeText(row: CsvRow, time: TimeColumn): string {
  const text = time.parts ? timeColumnIndices(time).map((index) => fieldText(row, index).trim()).join('-') : fieldText(row, time.index);
  return text.slice(0, 40);
}

/**
 * The line number of byte `offset` of `file` (for an error found by the stream): counts the
 * line breaks up to it, `lineBreak` being LF, or CR in a CR-only file.
 */
async function lineAt(file: string, offset: number, lineBreak: number): Promise<{ line: number; lineStart: number }> {
  let line = 1;
  let lineStart = 0;
  let position = 0;
  for await (const chunk of createReadStream(file, { end: Math.max(0, offset - 1), highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(lineBreak); i >= 0; i = chunk.indexOf(lineBreak, i + 1)) {
      line++;
      lineStart = position + i + 1;
    }
    position += chunk.length;
  }
  return { line, lineStart };
}

/**
 * Reads one column of the CSV `file` as a time series, streaming: 1 MiB at a time through a
 * byte scanner (CsvScanner), numbers parsed from the bytes, only the kept (time, value) pairs
 * stored (16 bytes a row; the text is never held), so memory does not grow with the line
 * length or the number of columns. Rows with a missing or non-numeric value or a bad time
 * are counted and skipped — never read as 0. Lines end in LF, CRLF or, in an old Mac file,
 * CR alone (layout.crOnly: each chunk's CRs are read as LFs); a quoted field may hold line
 * breaks. The result is sorted by time, out-of-order rows and duplicate times counted (see
 * orderByTime).
 *
 * Refuses with a UserError naming the file, line and column: every problem inspectCsv finds;
 * an unknown column; a row with another number of fields than the header (ragged); an
 * unterminated quote; NUL bytes or invalid UTF-8 anywhere; a target column without a single
 * number (all NaN); a time column whose cells never parse. Stops with a CancelledError when
 * `signal` is aborted or `shouldStop` says so (checked between chunks).
 */
export async function readCsvSeries(file: string, options: CsvReadOptions = {}): Promise<CsvSeries> {
  const layout = await inspectCsv(file);
  const time = chooseTimeColumn(file, layout, options.timeColumn);
  const target = chooseTargetColumn(file, layout, options.column, time);
  const width = layout.columns.length;
  const summaries = options.summarizeAll
    ? layout.columns.map((name, index) => emptySummary(index, name))
    : [emptySummary(target, layout.columns[target])];
  const targetSummary = summaries.find((summary) => summary.index === target) as ColumnSummary;
  const others = summaries.filter((summary) => summary !== targetSummary);
  const decimalComma = layout.decimalComma;
  const readTime = timeReader(time);
  const skipped: SkippedRows = { missingValue: 0, nonNumericValue: 0, badTime: 0 };
  const series = new GrowableSeries(Math.ceil(layout.rowEstimate * 1.02) + 16);
  let rows = 0;
  let headerSeen = !layout.hasHeader;
  let headerLine = 1;

  /** Classifies a cell that is not a number into `summary`. */
  const countNonNumber = (summary: ColumnSummary, row: CsvRow, index: number): 'missing' | 'text' => {
    if (isMissingBytes(row.bytes, row.starts[index], row.ends[index])) {
      summary.missing++;
      return 'missing';
    }
    summary.nonNumeric++;
    summary.firstNonNumeric ??= { line: row.line, text: fieldText(row, index).slice(0, 40) };
    return 'text';
  };

  const onRow = (row: CsvRow) => {
    if (!headerSeen) {
      headerSeen = true;
      headerLine = row.line;
      return;
    }
    if (row.count !== width) {
      throw csvError(file, `line ${row.line} has ${row.count} fields but ${layout.hasHeader ? 'the header' : 'the first row'} (line ${headerLine}) has ${width} (ragged rows).`);
    }
    const rowNumber = rows++;
    for (const summary of others) {
      const value = parseNumberBytes(row.bytes, row.starts[summary.index], row.ends[summary.index], decimalComma);
      if (value === value) countValue(summary, value);
      else countNonNumber(summary, row, summary.index);
    }
    const value = parseNumberBytes(row.bytes, row.starts[target], row.ends[target], decimalComma);
    const valueOk = value === value;
    if (valueOk) countValue(targetSummary, value);
    else if (countNonNumber(targetSummary, row, target) === 'missing') skipped.missingValue++;
    else skipped.nonNumericValue++;
    if (!valueOk) return;
    const t = readTime(row, rowNumber);
    if (t !== t || !Number.isFinite(t)) {
      skipped.badTime++;
      skipped.firstBadTime ??= { line: row.line, text: time ? timeText(row, time) : '' };
      return;
    }
    series.push(t, value);
  };

  const scanner = new CsvScanner(layout.delimiter === 'none' ? 0 : layout.delimiter.charCodeAt(0), onRow);
  const start = layout.bom ? 3 : 0;
  const stream = createReadStream(file, { start, highWaterMark: CHUNK_BYTES });
  let bytesRead = start;
  let unchecked: Buffer | null = null;
  /** Checks the chunk's complete lines for binary bytes; the tail after the last line feed waits for the next chunk. */
  const checkChunk = async (chunk: Buffer, last: boolean) => {
    const bytes: Buffer = unchecked ? Buffer.concat([unchecked, chunk]) : chunk;
    const cut = last ? bytes.length : bytes.lastIndexOf(0x0a) + 1;
    const whole = bytes.subarray(0, cut);
    unchecked = cut < bytes.length ? bytes.subarray(cut) : null;
    if (unchecked && unchecked.length > CHUNK_BYTES * 8) unchecked = null; // no line break for 8 MiB: the scanner refuses that line
    const found = findBinaryByte(whole);
    if (!found) return;
    const absolute = bytesRead - bytes.length + found.offset;
    const { line, lineStart } = await lineAt(file, absolute, layout.crOnly ? 0x0d : 0x0a);
    throw csvError(file, `line ${line}, character ${absolute - lineStart + 1} has ${found.reason}: this is not a text CSV file (a binary file renamed .csv?).`);
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (options.signal?.aborted || options.shouldStop?.()) throw new CancelledError(`Reading ${file} was cancelled.`);
      bytesRead += chunk.length;
      if (layout.crOnly) crToLf(chunk);
      await checkChunk(chunk, false);
      scanner.push(chunk);
      options.onProgress?.({ bytesRead, totalBytes: layout.bytes, rows });
    }
    if (unchecked) await checkChunk(Buffer.alloc(0), true);
    scanner.end();
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw csvError(file, `${error.message}.`);
    if (error instanceof UserError || error instanceof CancelledError) throw error;
    if (typeof (error as NodeJS.ErrnoException).code === 'string') throw csvError(file, (error as Error).message);
    throw error;
  } finally {
    stream.destroy();
  }
  if (rows === 0) throw csvError(file, layout.hasHeader ? `it has a header (line ${headerLine}) but no data rows.` : 'it has no data rows.');
  const label = columnLabel(target, layout.columns[target]);
  if (targetSummary.count === 0) {
    const example = targetSummary.firstNonNumeric ? `; line ${targetSummary.firstNonNumeric.line} has "${targetSummary.firstNonNumeric.text}"` : '';
    throw csvError(file, `${label} has no numbers in its ${rows} rows (${targetSummary.missing} missing, ${targetSummary.nonNumeric} text${example}).`, 'column');
  }
  if (series.length === 0 && time) {
    const example = skipped.firstBadTime ? ` (line ${skipped.firstBadTime.line}: "${skipped.firstBadTime.text}")` : '';
    throw csvError(file, `no row of ${columnLabel(time.index, time.name)} holds a time in ${TIME_FORMAT_NAMES[time.format]}${example}.`, 'time column');
  }
  const { times, values } = series.toArrays();
  const ordered = orderByTime(times, values);
  return {
    file,
    layout,
    column: { index: target, name: layout.columns[target] },
    time,
    rows,
    rowsSkipped: rows - times.length,
    skipped,
    times: ordered.times,
    values: ordered.values,
    outOfOrder: ordered.outOfOrder,
    duplicates: ordered.duplicates,
    summaries,
  };
}
