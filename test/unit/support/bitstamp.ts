import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { TestRandom } from './random';

/** The header of Kaggle's bitstampUSD_1-min_data_2012-01-01_to_2021-03-31.csv (the tutorial's file). */
export const BITSTAMP_HEADER = 'Timestamp,Open,High,Low,Close,Volume_(BTC),Volume_(Currency),Weighted_Price';

/** 2011-12-31T00:00:00Z: the day of the tutorial's file's first row. */
export const BITSTAMP_FIRST_DAY = Date.UTC(2011, 11, 31);
/** Calendar days from 2011-12-31 to 2021-03-31. */
export const BITSTAMP_CALENDAR_DAYS = 3379;

export interface BitstampOptions {
  /** Rows per day, evenly spaced from midnight (1440: one a minute, as the tutorial's file). */
  rowsPerDay: number;
  /** Days from BITSTAMP_FIRST_DAY (default BITSTAMP_CALENDAR_DAYS). */
  days?: number;
  /** Day numbers (0-based) whose rows are all NaN: no daily value (default [400, 1200, 2000]: 3376 daily values, as the tutorial). */
  nanDays?: readonly number[];
  /** Share of the other rows that are NaN (the tutorial's file: 17.6 %); a day's first row never is. */
  nanShare?: number;
  /** Line ending (default '\n'). */
  newline?: string;
  seed?: number;
}

/** What was written: counts and the expected daily means of Close. */
export interface BitstampFile {
  rows: number;
  nanRows: number;
  bytes: number;
  /** UTC midnight (ms) of each day that has a value, ascending. */
  dayTimes: number[];
  /** Mean of each such day's Close, summed in row order as the reader does. */
  dailyClose: number[];
}

/**
 * Writes a deterministic file in the tutorial's Bitstamp layout: unix-second timestamps, a price
 * that grows from about 4.4 to about 58 000 with noise (the tutorial's range), volumes, and NaN
 * rows (`1325376000,NaN,NaN,...`) like the tutorial's file's gaps. Streams to disk in blocks, so a
 * 4.8-million-row file (rowsPerDay 1440) costs no more memory than a small one.
 */
export async function writeBitstampCsv(file: string, options: BitstampOptions): Promise<BitstampFile> {
  const { rowsPerDay, days = BITSTAMP_CALENDAR_DAYS, nanDays = [400, 1200, 2000], nanShare = 0.176, newline = '\n', seed = 7 } = options;
  const random = new TestRandom(seed);
  const out = createWriteStream(file);
  const nan = new Set(nanDays);
  const step = Math.floor(86_400 / rowsPerDay);
  const growth = Math.log(58_000 / 4.4) / days;
  let block = `${BITSTAMP_HEADER}${newline}`;
  let bytes = 0;
  let rows = 0;
  let nanRows = 0;
  const dayTimes: number[] = [];
  const dailyClose: number[] = [];
  let level = 4.4;
  for (let day = 0; day < days; day++) {
    const dayStart = BITSTAMP_FIRST_DAY / 1000 + day * 86_400;
    let sum = 0;
    let count = 0;
    for (let k = 0; k < rowsPerDay; k++) {
      const timestamp = dayStart + k * step;
      rows++;
      if (nan.has(day) || (k > 0 && random.next() < nanShare)) {
        nanRows++;
        block += `${timestamp},NaN,NaN,NaN,NaN,NaN,NaN,NaN${newline}`;
      } else {
        level *= Math.exp(growth / rowsPerDay / (1 - nanShare) + (random.next() - 0.5) * 0.02 / Math.sqrt(rowsPerDay));
        const open = level.toFixed(2);
        const close = (level * (1 + (random.next() - 0.5) * 0.002)).toFixed(2);
        const high = (Math.max(Number(open), Number(close)) * 1.001).toFixed(2);
        const low = (Math.min(Number(open), Number(close)) * 0.999).toFixed(2);
        const volume = (random.next() * 10).toFixed(8);
        const currency = (Number(volume) * level).toFixed(8);
        block += `${timestamp},${open},${high},${low},${close},${volume},${currency},${level.toFixed(8)}${newline}`;
        sum += Number(close);
        count++;
      }
      if (block.length > 1 << 20) {
        bytes += Buffer.byteLength(block);
        if (!out.write(block)) await once(out, 'drain');
        block = '';
      }
    }
    if (count > 0) {
      dayTimes.push(dayStart * 1000);
      dailyClose.push(sum / count);
    }
  }
  bytes += Buffer.byteLength(block);
  out.end(block);
  await once(out, 'finish');
  return { rows, nanRows, bytes, dayTimes, dailyClose };
}
