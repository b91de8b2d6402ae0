import type { CsvLayout } from './csvLayout';
import { columnLabel, csvError } from './csvError';
import { normalizedName, timeColumnIndices, type TimeColumn } from './timeColumn';
import { TIME_FORMAT_NAMES } from './timeFormats';

/** Names a target column usually has, most wanted first (the tutorial forecasts `Close`). */
const PREFERRED_TARGETS = ['close', 'adj close', 'adj_close', 'price', 'value', 'target', 'y'];

/**
 * Names (normalized, see normalizedName) of numeric columns that are not values to forecast
 * but parts of a time or row numbers: never the default target.
 */
const NOT_TARGETS = new Set([
  ...['year', 'yr', 'quarter', 'month', 'mon', 'mo', 'week', 'day', 'date_of_month', 'day_of_month', 'dom', 'mday', 'day_of_year', 'doy'],
  ...['day_of_week', 'dow', 'weekday', 'wday', 'hour', 'hr', 'minute', 'second'],
  ...['id', 'index', 'idx', 'row', 'row_number', 'rownum', 'no', 'number', '#'],
]);
/** Also not targets: `Unnamed: 0` (pandas' saved index), `station_id`. */
const NOT_TARGET_PATTERN = /^unnamed:?_?\d+$|_id$/;

/** Whether the numeric column `name` is named like a time part or a row number (see NOT_TARGETS). */
function notTargetName(name: string): boolean {
  const normalized = normalizedName(name);
  return NOT_TARGETS.has(normalized) || NOT_TARGET_PATTERN.test(normalized);
}

/** The columns, listed for a message: `Timestamp, Open, Close`. */
function listed(layout: CsvLayout): string {
  return layout.columns.map((name) => `"${name}"`).join(', ');
}

/**
 * The 0-based index of the column `wanted` names: its exact header name, else the name in
 * any case, else `column N` or `N` (1-based). UserError listing the columns when none matches.
 */
function findColumn(file: string, layout: CsvLayout, wanted: string, flag: string): number {
  const { columns } = layout;
  let index = columns.indexOf(wanted);
  if (index < 0) index = columns.findIndex((name) => name.toLowerCase() === wanted.trim().toLowerCase());
  if (index < 0) {
    const number = /^(?:column\s*)?(\d+)$/i.exec(wanted.trim());
    if (number && Number(number[1]) >= 1 && Number(number[1]) <= columns.length) index = Number(number[1]) - 1;
  }
  if (index < 0) throw csvError(file, `it has no column "${wanted}" (${flag}); its columns are ${listed(layout)}.`, flag);
  return index;
}

/**
 * The time column: `wanted` undefined takes the detected one (possibly none), null asks
 * for none (rows in file order), a name picks that column, which must hold times in a
 * format RNN Studio reads; the name of a date spread over columns (`year-month-day`) or of
 * one of its parts (`year`) picks that date.
 */
export function chooseTimeColumn(file: string, layout: CsvLayout, wanted: string | null | undefined): TimeColumn | null {
  if (wanted === undefined) return layout.time;
  if (wanted === null) return null;
  const parts = layout.timeParts;
  if (parts && wanted.trim().toLowerCase() === parts.name.toLowerCase()) return parts;
  const index = findColumn(file, layout, wanted, 'time column');
  const format = layout.timeFormats[index];
  if (format === null && parts && timeColumnIndices(parts).includes(index)) return parts;
  if (format === null) {
    const example = layout.examples[index] ? ` (e.g. "${layout.examples[index]}")` : '';
    throw csvError(
      file,
      `${columnLabel(index, layout.columns[index])} does not hold times${example}; RNN Studio reads ${Object.values(TIME_FORMAT_NAMES).join(', ')}.`,
      'time column',
    );
  }
  return { index, name: layout.columns[index], format };
}

/**
 * The column to forecast: `wanted` when given (not the time column or one of its parts),
 * else among the numeric columns that are not named like a time part or a row number (year,
 * month, day_of_week, hour, id, index, `Unnamed: 0`, ...) nor count rows (0, 1, 2, ... in the
 * sample) — all numeric columns when every one is such — the first named like a price
 * (`Close`, `Price`, `Value`, ...), else the first.
 * UserError when the file has no numeric column, saying what each column holds.
 */
export function chooseTargetColumn(file: string, layout: CsvLayout, wanted: string | undefined, time: TimeColumn | null): number {
  const timeIndices = timeColumnIndices(time);
  if (wanted !== undefined) {
    const index = findColumn(file, layout, wanted, 'column');
    if (timeIndices.includes(index)) {
      const what = time?.parts ? `part of the time (${time.name})` : 'the time column';
      throw csvError(file, `${columnLabel(index, layout.columns[index])} is ${what}; choose a column of values to forecast.`, 'column');
    }
    return index;
  }
  const allNumeric = layout.numeric.filter((index) => !timeIndices.includes(index));
  const values = allNumeric.filter((index) => !notTargetName(layout.columns[index]) && !layout.counters.includes(index));
  const numeric = values.length > 0 ? values : allNumeric;
  if (numeric.length === 0) {
    const holds = layout.columns.map((name, index) => `"${name}"${layout.examples[index] ? ` (e.g. "${layout.examples[index]}")` : ''}`).join(', ');
    throw csvError(file, `it has no numeric column to forecast: ${holds}.`, 'column');
  }
  const lower = numeric.map((index) => layout.columns[index].toLowerCase());
  for (const name of PREFERRED_TARGETS) {
    const at = lower.indexOf(name);
    if (at >= 0) return numeric[at];
  }
  const priceLike = lower.findIndex((name) => /close|price/.test(name));
  return numeric[priceLike >= 0 ? priceLike : 0];
}
