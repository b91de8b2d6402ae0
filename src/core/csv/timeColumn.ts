import { isMissingText, parseNumberText } from './numberBytes';
import { parseIsoTime, parseMonthNameTime, UNIX_MILLISECONDS_RANGE, UNIX_SECONDS_RANGE, type TimeFormat } from './timeFormats';

/** Share of non-missing sample cells that must parse for a format to be the column's (its header says time / not). */
const PARSED_SHARE = { named: 0.5, unnamed: 0.9 };

/** The 0-based columns of a date spread over columns (TimeFormat 'parts'). */
interface TimeParts {
  year: number;
  month: number;
  /** Absent: each row is the 1st of its month. */
  day?: number;
}

/**
 * A column read as time: its 0-based index, header name and format. A date spread over
 * columns (format 'parts') is one TimeColumn too: `index` is its year column, `name` the
 * parts' names joined by `-` (`year-month-date_of_month`), and `parts` says where each is.
 */
export interface TimeColumn {
  index: number;
  name: string;
  format: TimeFormat;
  parts?: TimeParts;
}

/** The 0-based columns `time` reads: its own, or each of its parts. */
export function timeColumnIndices(time: TimeColumn | null): number[] {
  if (!time) return [];
  if (!time.parts) return [time.index];
  const { year, month, day } = time.parts;
  return day === undefined ? [year, month] : [year, month, day];
}

/** A header name compared with the names below: lower case, runs of spaces, dots and dashes made `_`. */
export function normalizedName(name: string): string {
  return name.trim().toLowerCase().replace(/[\s.-]+/g, '_');
}

/** Names of the parts of a date spread over columns (normalized, see normalizedName). */
const PART_NAMES = {
  year: ['year', 'yr'],
  month: ['month', 'mon', 'mo'],
  day: ['day', 'date_of_month', 'day_of_month', 'dom', 'mday'],
} as const;

/** Whole numbers each part's sample cells hold (the year's: one a dataset of dates has). */
const PART_RANGES = { year: [1000, 9999], month: [1, 12], day: [1, 31] } as const;

/** Whether at least 90 % of the present sample cells (and one at least) are whole numbers in `range`. */
function wholeNumbersIn(cells: readonly string[], range: readonly [number, number]): boolean {
  const present = cells.filter((cell) => !isMissingText(cell));
  if (present.length === 0) return false;
  const fitting = present.filter((cell) => {
    const value = parseNumberText(cell);
    return Number.isInteger(value) && value >= range[0] && value <= range[1];
  }).length;
  return fitting >= PARSED_SHARE.unnamed * present.length;
}

/**
 * A date spread over columns (`year, month, date_of_month, ...`, `Year, Month, Value`): the
 * first column named like a year (year, yr) of whole numbers 1000..9999, the first named like
 * a month (month, mon, mo) of 1..12, and optionally the first named like a day of the month
 * (day, date_of_month, day_of_month, dom, mday) of 1..31; null without a year and a month.
 * A day of the week is never a part.
 */
export function detectTimeParts(names: readonly string[], cells: readonly string[][]): TimeColumn | null {
  const find = (part: keyof typeof PART_NAMES) =>
    names.findIndex((name, index) => (PART_NAMES[part] as readonly string[]).includes(normalizedName(name)) && wholeNumbersIn(cells[index] ?? [], PART_RANGES[part]));
  const year = find('year');
  const month = find('month');
  if (year < 0 || month < 0) return null;
  const day = find('day');
  const parts: TimeParts = day < 0 ? { year, month } : { year, month, day };
  const name = timeColumnIndices({ index: year, name: '', format: 'parts', parts })
    .map((index) => names[index])
    .join('-');
  return { index: year, name, format: 'parts', parts };
}

/** Header names that say "time": Timestamp, Date, time_ms, Open time, Datetime, ... */
const TIME_NAME = /(^|[^a-z])(time|timestamp|date|datetime|day|dt|ts|epoch|period|when)([^a-z]|$)/i;
/** camelCase names ending in a time word: openTime, closeDate, tradeTimestamp. */
const CAMEL_TIME_NAME = /[a-z](Time|Date|Timestamp|Datetime|DateTime)$/;

/** True when a column's name says it holds times. */
export function isTimeName(name: string): boolean {
  const trimmed = name.trim();
  return TIME_NAME.test(trimmed) || CAMEL_TIME_NAME.test(trimmed);
}


/**
 * The format of a column from sample cells (missing ones ignored), or null when it holds no
 * times: text in one of the text formats; numbers in the unix range ('unix-s' 1e8..1e11,
 * 'unix-ms' 1e11..1e14) when `timeName` (its header says time) or the numbers are whole and
 * never decrease (a price column never looks like that for long). At least 90 % of the
 * present cells must parse (50 % when the header says time: the rest are bad times).
 */
export function timeFormatOf(cells: readonly string[], timeName: boolean): TimeFormat | null {
  const present = cells.filter((cell) => !isMissingText(cell));
  if (present.length === 0) return null;
  const enough = (parsed: number) => parsed >= (timeName ? PARSED_SHARE.named : PARSED_SHARE.unnamed) * present.length;
  if (enough(present.filter((cell) => Number.isFinite(parseIsoTime(cell))).length)) return 'iso';
  if (enough(present.filter((cell) => Number.isFinite(parseMonthNameTime(cell))).length)) return 'month-name';
  const numbers = present.map((cell) => parseNumberText(cell)).filter((value) => Number.isFinite(value));
  if (!enough(numbers.length)) return null;
  const inRange = (range: readonly [number, number]) => numbers.every((value) => value >= range[0] && value < range[1]);
  const format: TimeFormat | null = inRange(UNIX_SECONDS_RANGE) ? 'unix-s' : inRange(UNIX_MILLISECONDS_RANGE) ? 'unix-ms' : null;
  if (format === null) return null;
  const orderly = numbers.every((value, i) => Number.isInteger(value) && (i === 0 || value >= numbers[i - 1]));
  return timeName || orderly ? format : null;
}

/**
 * The time column among `names` given sample cells per column (`cells[column][row]`): the
 * first column whose header says time and whose cells parse as times, else the first column
 * of text dates, else the first column of orderly unix times; null when none.
 */
export function detectTimeColumn(names: readonly string[], cells: readonly string[][]): TimeColumn | null {
  const candidates = names.map((name, index) => ({ index, name, timeName: isTimeName(name), format: timeFormatOf(cells[index] ?? [], isTimeName(name)) }));
  const found =
    candidates.find((candidate) => candidate.timeName && candidate.format !== null) ??
    candidates.find((candidate) => candidate.format === 'iso' || candidate.format === 'month-name') ??
    candidates.find((candidate) => candidate.format !== null);
  return found ? { index: found.index, name: found.name, format: found.format as TimeFormat } : null;
}
