/**
 * CSV ingest benchmark (issue 4): parse + daily mean of `Close` on a generated
 * 4.8-million-row file in the tutorial's Bitstamp layout (about 340 MB, 17.6 % NaN rows), written
 * once into os.tmpdir() and reused. Times the product's reader (src/core/csv, a byte scanner)
 * and, when they are installed, Papa Parse and csv-parse doing the same work, plus
 * readFileSync + split. Each: one warm-up run, then the best of --runs (3).
 *
 *   npx tsc -p bench && node out/bench/ingest.js [--runs=3] [--only=product,papaparse]
 *
 * Library parsers are looked up in $BENCH_DEPS/node_modules (default
 * /tmp/rnn-studio-bench-deps: `npm install --prefix /tmp/rnn-studio-bench-deps papaparse
 * csv-parse`), so the product does not depend on them.
 */
import { createReadStream, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readCsvSeries } from '../src/core/csv/csvIngest';
import { resample } from '../src/core/forecast/resample';
import { writeBitstampCsv } from '../test/unit/support/bitstamp';

const runs = Number(process.argv.find((arg) => arg.startsWith('--runs='))?.slice(7) ?? 3);
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice(7).split(',');
const depsDir = process.env.BENCH_DEPS ?? path.join(tmpdir(), 'rnn-studio-bench-deps');

/** Daily means of Close: UTC day start (ms) -> mean. */
type Daily = Map<number, number>;

/** Accumulates (unix seconds, Close text) rows into daily means, as every parser's callback does. */
class DailyMean {
  private sums = new Map<number, { sum: number; count: number }>();
  rows = 0;

  add(seconds: number, close: number): void {
    this.rows++;
    if (close !== close) return;
    const day = Math.floor(seconds / 86_400) * 86_400_000;
    const bucket = this.sums.get(day);
    if (bucket) {
      bucket.sum += close;
      bucket.count++;
    } else this.sums.set(day, { sum: close, count: 1 });
  }

  result(): Daily {
    return new Map([...this.sums].map(([day, { sum, count }]) => [day, sum / count]));
  }
}

interface Parser {
  id: string;
  label: string;
  run(file: string): Promise<{ rows: number; daily: Daily }>;
}

const product: Parser = {
  id: 'product',
  label: 'RNN Studio (src/core/csv byte scanner) + resample',
  async run(file) {
    const series = await readCsvSeries(file);
    const daily = resample(series.times, series.values, 'day', 'mean');
    return { rows: series.rows, daily: new Map(Array.from(daily.times, (t, i) => [t, daily.values[i]])) };
  },
};

const productAll: Parser = {
  id: 'product-all',
  label: 'RNN Studio, summaries of all 8 columns',
  async run(file) {
    const series = await readCsvSeries(file, { summarizeAll: true });
    const daily = resample(series.times, series.values, 'day', 'mean');
    return { rows: series.rows, daily: new Map(Array.from(daily.times, (t, i) => [t, daily.values[i]])) };
  },
};

const splitLines: Parser = {
  id: 'split',
  label: 'readFileSync + split',
  run(file) {
    const mean = new DailyMean();
    const lines = readFileSync(file, 'utf8').split('\n');
    for (let i = 1; i < lines.length; i++) {
      if (lines[i] === '') continue;
      const fields = lines[i].split(',');
      mean.add(Number(fields[0]), fields[4] === 'NaN' ? NaN : Number(fields[4]));
    }
    return Promise.resolve({ rows: mean.rows, daily: mean.result() });
  },
};

/** A library from the bench's own node_modules, or undefined when it is not installed. */
function library<T>(name: string): T | undefined {
  try {
    return createRequire(path.join(depsDir, 'package.json'))(name) as T;
  } catch {
    return undefined;
  }
}

interface PapaModule {
  parse(input: NodeJS.ReadableStream, config: object): void;
}

function papaParser(papa: PapaModule, version: string): Parser {
  return {
    id: 'papaparse',
    label: `Papa Parse ${version} (stream, chunk callback)`,
    run: (file) =>
      new Promise((resolve, reject) => {
        const mean = new DailyMean();
        let header = true;
        papa.parse(createReadStream(file), {
          chunk: (results: { data: string[][] }) => {
            for (const row of results.data) {
              if (header) {
                header = false;
                continue;
              }
              if (row.length < 5) continue;
              mean.add(Number(row[0]), row[4] === 'NaN' ? NaN : Number(row[4]));
            }
          },
          complete: () => resolve({ rows: mean.rows, daily: mean.result() }),
          error: reject,
        });
      }),
  };
}

type CsvParse = (options: object) => NodeJS.ReadWriteStream & AsyncIterable<string[]>;

function csvParseParser(parse: CsvParse, version: string): Parser {
  return {
    id: 'csv-parse',
    label: `csv-parse ${version} (stream, async iteration)`,
    async run(file) {
      const mean = new DailyMean();
      const records = createReadStream(file).pipe(parse({ from_line: 2 })) as unknown as AsyncIterable<string[]>;
      for await (const row of records) mean.add(Number(row[0]), row[4] === 'NaN' ? NaN : Number(row[4]));
      return { rows: mean.rows, daily: mean.result() };
    },
  };
}

const versionOf = (name: string) => {
  try {
    const manifest = JSON.parse(readFileSync(path.join(depsDir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
    return manifest.version;
  } catch {
    return '?';
  }
};

/** The benchmark file, written on first use: path, rows, NaN rows, bytes. */
async function benchmarkFile(): Promise<{ file: string; rows: number; nanRows: number; bytes: number }> {
  const file = path.join(tmpdir(), 'rnn-studio-bench-bitstamp-1min.csv');
  const info = `${file}.json`;
  if (existsSync(file) && existsSync(info)) {
    const saved = JSON.parse(readFileSync(info, 'utf8')) as { rows: number; nanRows: number; bytes: number };
    if (saved.bytes === statSync(file).size) return { file, ...saved };
  }
  console.error(`writing ${file} (4.8 million rows, once) ...`);
  const started = Date.now();
  const { rows, nanRows, bytes } = await writeBitstampCsv(file, { rowsPerDay: 1440 });
  writeFileSync(info, JSON.stringify({ rows, nanRows, bytes }));
  console.error(`  ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { file, rows, nanRows, bytes };
}

async function main(): Promise<void> {
  const { file, rows, nanRows, bytes } = await benchmarkFile();
  const parsers: Parser[] = [product, productAll];
  const papa = library<PapaModule>('papaparse');
  if (papa) parsers.push(papaParser(papa, versionOf('papaparse')));
  const csvParse = library<{ parse: CsvParse }>('csv-parse');
  if (csvParse) parsers.push(csvParseParser(csvParse.parse, versionOf('csv-parse')));
  parsers.push(splitLines);
  if (!papa || !csvParse) console.error(`(Papa Parse / csv-parse not found in ${depsDir}: npm install --prefix ${depsDir} papaparse csv-parse)`);
  console.log(`File: ${rows.toLocaleString('en')} rows, ${(bytes / 1e6).toFixed(0)} MB, ${((100 * nanRows) / rows).toFixed(1)} % NaN rows (Bitstamp 1-minute layout)`);
  console.log(`Work: parse + daily mean of Close; best of ${runs} runs after a warm-up; Node ${process.version}\n`);
  console.log('| parser | seconds | rows/s | MB/s | daily values | same means as the product |');
  console.log('|---|---|---|---|---|---|');
  let reference: Daily | undefined;
  for (const parser of parsers.filter((candidate) => !only || only.includes(candidate.id))) {
    let best = Infinity;
    let result: { rows: number; daily: Daily } | undefined;
    for (let run = 0; run <= runs; run++) {
      const started = performance.now();
      result = await parser.run(file);
      const seconds = (performance.now() - started) / 1000;
      if (run > 0) best = Math.min(best, seconds);
      console.error(`  ${parser.id} run ${run}${run === 0 ? ' (warm-up)' : ''}: ${seconds.toFixed(2)} s`);
    }
    const { rows: parsed, daily } = result as { rows: number; daily: Daily };
    if (parsed !== rows) throw new Error(`${parser.id} read ${parsed} rows, not ${rows}.`);
    reference ??= daily;
    const differences = [...reference].map(([day, value]) => Math.abs((daily.get(day) ?? NaN) - value));
    const same = daily.size === reference.size && differences.every((difference) => difference <= 1e-9 * 1e5);
    console.log(
      `| ${parser.label} | ${best.toFixed(2)} | ${(rows / best / 1e6).toFixed(2)} M | ${(bytes / best / 1e6).toFixed(0)} | ${daily.size} | ${same ? 'yes' : `no (max difference ${Math.max(...differences)})`} |`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
