/**
 * The time formats a time column may use, and their parsers. Every result is milliseconds
 * since 1970-01-01T00:00:00Z; a text time without an offset is read as UTC (so a run gives
 * the same buckets on every machine, whatever its time zone).
 */

/**
 * - 'unix-s' / 'unix-ms': a number of seconds / milliseconds since 1970 (the tutorial's `Timestamp`)
 * - 'iso': `2021-03-31`, `2021-03-31T12:30`, `2021-03-31 12:30:05.250Z`, `2021/03/31`, `+02:00` offsets
 * - 'month-name': `Jan 1 2000`, `Jan 01, 2000`, `January 1st, 2000 12:00`, `1 Jan 2000`, `Mon, Jan 3 2000`
 * - 'parts': a date spread over whole-number columns: year, month (1..12) and optionally day
 *   (1..31; the 1st when absent), as `year,month,date_of_month,...` (see TimeColumn's `parts`)
 */
export const TIME_FORMATS = ['unix-s', 'unix-ms', 'iso', 'month-name', 'parts'] as const;
export type TimeFormat = (typeof TIME_FORMATS)[number];

/** Seconds since 1970 that a unix-seconds column may hold: 1973-03-03 .. 5138-11-16. */
export const UNIX_SECONDS_RANGE = [1e8, 1e11] as const;
/** Milliseconds since 1970 of a unix-milliseconds column: the same dates. */
export const UNIX_MILLISECONDS_RANGE = [1e11, 1e14] as const;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}

/** Milliseconds of a UTC calendar time, or NaN when a part is out of range. */
function utc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, millisecond = 0): number {
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 24 || minute > 59 || second > 60) return NaN;
  if (hour === 24 && (minute > 0 || second > 0 || millisecond > 0)) return NaN;
  return Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
}

/** Milliseconds of 400 Gregorian years (146 097 days): the calendar repeats after them. */
const FOUR_CENTURIES_MS = 146_097 * 86_400_000;

/**
 * Milliseconds of the UTC date `year`-`month`-`day` from the numbers of a date's parts (see
 * TimeFormat 'parts'), or NaN when they do not form a real date: not whole numbers, a year
 * outside 1..9999, month 13, Feb 30.
 */
export function partsTime(year: number, month: number, day = 1): number {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day) || year < 1 || year > 9999) return NaN;
  // Date.UTC reads years 0..99 as 1900..1999: compute them 400 years later and step back.
  return year < 100 ? utc(year + 400, month, day) - FOUR_CENTURIES_MS : utc(year, month, day);
}

const ISO =
  /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** An ISO 8601-style date or date-time (see TimeFormat 'iso'); NaN when `text` is not one. */
export function parseIsoTime(text: string): number {
  const match = ISO.exec(text.trim());
  if (!match) return NaN;
  const [, year, , month, day, hour, minute, second, fraction, zone] = match;
  const milliseconds = fraction ? Math.round(Number(`0.${fraction}`) * 1000) : 0;
  const time = utc(Number(year), Number(month), Number(day), Number(hour ?? 0), Number(minute ?? 0), Number(second ?? 0), milliseconds);
  if (!zone || zone.toUpperCase() === 'Z') return time;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0);
  return time - sign * offsetMinutes * 60_000;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const FULL_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function monthNumber(name: string): number {
  const lower = name.toLowerCase().replace(/\.$/, '');
  const index = lower.length === 3 || lower === 'sept' ? MONTHS.indexOf(lower.slice(0, 3)) : FULL_MONTHS.indexOf(lower);
  return index + 1;
}

const CLOCK = String.raw`(?:[ ,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?)?`;
const WEEKDAY = String.raw`(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?`;
const MONTH_FIRST = new RegExp(String.raw`^${WEEKDAY}([a-z]{3,9}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})${CLOCK}$`, 'i');
const DAY_FIRST = new RegExp(String.raw`^${WEEKDAY}(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]{3,9}\.?)[\s-]+,?\s*(\d{4})${CLOCK}$`, 'i');

/** A date with the month's name (see TimeFormat 'month-name'); NaN when `text` is not one. */
export function parseMonthNameTime(text: string): number {
  const trimmed = text.trim();
  let month: number;
  let day: string;
  let rest: Array<string | undefined>;
  const monthFirst = MONTH_FIRST.exec(trimmed);
  if (monthFirst) {
    month = monthNumber(monthFirst[1]);
    day = monthFirst[2];
    rest = monthFirst.slice(3);
  } else {
    const dayFirst = DAY_FIRST.exec(trimmed);
    if (!dayFirst) return NaN;
    month = monthNumber(dayFirst[2]);
    day = dayFirst[1];
    rest = dayFirst.slice(3);
  }
  if (month < 1) return NaN;
  const [year, hour, minute, second, half] = rest;
  let hours = Number(hour ?? 0);
  if (half) {
    if (hours < 1 || hours > 12) return NaN;
    hours = (hours % 12) + (half.toLowerCase() === 'pm' ? 12 : 0);
  }
  return utc(Number(year), month, Number(day), hours, Number(minute ?? 0), Number(second ?? 0));
}

/** The text time parser of `format`. */
export function textTimeParser(format: 'iso' | 'month-name'): (text: string) => number {
  return format === 'iso' ? parseIsoTime : parseMonthNameTime;
}

/** What a format is called in messages. */
export const TIME_FORMAT_NAMES: Record<TimeFormat, string> = {
  'unix-s': 'unix seconds',
  'unix-ms': 'unix milliseconds',
  iso: 'ISO dates',
  'month-name': 'dates like "Jan 1 2000"',
  parts: 'year, month and day columns',
};
