import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { CancelledError } from '../../src/core/cancelledError';
import { readCsvSeries } from '../../src/core/csv/csvIngest';
import { inspectCsv } from '../../src/core/csv/csvLayout';
import { summarizeCsv } from '../../src/core/csv/csvOverview';
import { UserError } from '../../src/core/userError';
import { BITSTAMP_HEADER, writeBitstampCsv } from './support/bitstamp';

let dir: string;
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rnn-studio-csv-'));
});
after(() => rm(dir, { recursive: true, force: true }));

let files = 0;
/** Writes `content` to a new file in the test folder and returns its path. */
async function csv(content: string | Buffer, name = `data-${++files}.csv`): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}

/** Asserts that reading `file` is refused with a UserError naming the file and matching `pattern`. */
async function refused(file: string, pattern: RegExp, options = {}): Promise<void> {
  await assert.rejects(readCsvSeries(file, options), (error: unknown) => {
    assert.ok(error instanceof UserError, `a UserError, not ${String(error)}`);
    assert.ok(error.message.startsWith(`Cannot read ${file}: `), error.message);
    assert.match(error.message, pattern);
    return true;
  });
}

test("the tutorial's Bitstamp layout: Close by default, unix seconds, NaN rows counted and skipped", async () => {
  const file = path.join(dir, 'bitstamp.csv');
  const written = await writeBitstampCsv(file, { rowsPerDay: 2, days: 50, nanDays: [10] });
  const series = await readCsvSeries(file, { summarizeAll: true });
  assert.deepEqual(series.column, { index: 4, name: 'Close' });
  assert.deepEqual(series.time, { index: 0, name: 'Timestamp', format: 'unix-s' });
  assert.equal(series.layout.hasHeader, true);
  assert.deepEqual(series.layout.columns, BITSTAMP_HEADER.split(','));
  assert.equal(series.rows, written.rows);
  assert.equal(series.rowsSkipped, written.nanRows);
  assert.equal(series.skipped.missingValue, written.nanRows);
  assert.equal(series.times.length, written.rows - written.nanRows);
  assert.ok(!series.values.includes(0), 'no NaN was read as 0');
  assert.equal(series.times[0], Date.UTC(2011, 11, 31));
  assert.equal(series.summaries.length, 8);
  const close = series.summaries[4];
  assert.equal(close.count + close.missing, written.rows);
  assert.equal(close.nonNumeric, 0);
  assert.equal(close.min, Math.min(...series.values));
  assert.equal(close.max, Math.max(...series.values));
  assert.equal(series.summaries[0].missing, 0);
});

test('semicolons with decimal commas, a BOM, CRLF, quoted header cells and ISO dates', async () => {
  const file = await csv('\uFEFF"Datum";"Preis, EUR"\r\n2021-01-02;1,5\r\n2021-01-01;2,25\r\n2021-01-03;"3,0"\r\n');
  const series = await readCsvSeries(file);
  assert.equal(series.layout.delimiter, ';');
  assert.equal(series.layout.decimalComma, true);
  assert.equal(series.layout.bom, true);
  assert.deepEqual(series.layout.columns, ['Datum', 'Preis, EUR']);
  assert.deepEqual(series.time, { index: 0, name: 'Datum', format: 'iso' });
  assert.deepEqual(Array.from(series.values), [2.25, 1.5, 3]);
  assert.deepEqual(Array.from(series.times), [Date.UTC(2021, 0, 1), Date.UTC(2021, 0, 2), Date.UTC(2021, 0, 3)]);
  assert.equal(series.outOfOrder, 1);
});

test('tabs, "Jan 1 2000" dates, a column chosen by name, text cells counted and skipped', async () => {
  const file = await csv('when\tA\tB\nJan 1 2000\t1\t10\nJan 2 2000\tx\t11\nJan 3 2000\t\t12\nJan 4 2000\t4\tNaN\n', 'prices.tsv');
  const series = await readCsvSeries(file, { column: 'a' });
  assert.equal(series.layout.delimiter, '\t');
  assert.equal(series.time?.format, 'month-name');
  assert.equal(series.column.name, 'A');
  assert.deepEqual(Array.from(series.values), [1, 4]);
  assert.deepEqual(series.skipped, { missingValue: 1, nonNumericValue: 1, badTime: 0 });
  assert.deepEqual(series.summaries[0].firstNonNumeric, { line: 3, text: 'x' });
  assert.equal((await readCsvSeries(file, { column: '3' })).column.name, 'B');
});

test('no header and no time column: columns are numbered and rows keep file order', async () => {
  const file = await csv('5,1.5\n3,2.5\n4,3.5\n');
  const series = await readCsvSeries(file, { column: 'column 2' });
  assert.equal(series.layout.hasHeader, false);
  assert.deepEqual(series.layout.columns, ['column 1', 'column 2']);
  assert.equal(series.time, null);
  assert.deepEqual(Array.from(series.times), [0, 1, 2]);
  assert.deepEqual(Array.from(series.values), [1.5, 2.5, 3.5]);
});

test('unsorted rows are sorted; duplicate times are counted; a bad time skips its row', async () => {
  const file = await csv('time,v\n1600000120,3\n1600000000,1\n1600000060,2\n1600000060,2.5\nsoon,9\n1600000180,4\n');
  const series = await readCsvSeries(file);
  assert.deepEqual(Array.from(series.times), [1600000000000, 1600000060000, 1600000060000, 1600000120000, 1600000180000]);
  assert.deepEqual(Array.from(series.values), [1, 2, 2.5, 3, 4]);
  assert.equal(series.outOfOrder, 1);
  assert.equal(series.duplicates, 1);
  assert.equal(series.skipped.badTime, 1);
  assert.deepEqual(series.skipped.firstBadTime, { line: 6, text: 'soon' });
});

test('7: a number too large for a double (1e309) is skipped and counted like Inf, in the target and in every summary', async () => {
  const rows = Array.from({ length: 30 }, (_, i) => `${1600000000 + i * 60},${i === 12 ? '1e309' : i === 20 ? '-1E+400' : i},${i === 5 ? '1e309' : i}`);
  const file = await csv(`time,v,w\n${rows.join('\n')}\nInf9,Inf,1\n`);
  const series = await readCsvSeries(file, { column: 'v', summarizeAll: true });
  assert.equal(series.rows, 31);
  assert.equal(series.rowsSkipped, 3);
  assert.equal(series.skipped.nonNumericValue, 3);
  assert.ok(series.values.every(Number.isFinite), 'every kept value is finite');
  const [, v, w] = series.summaries;
  assert.deepEqual(v.firstNonNumeric, { line: 14, text: '1e309' });
  assert.equal(v.nonNumeric, 3);
  assert.equal(v.max, 29);
  assert.equal(w.nonNumeric, 1);
  assert.equal(w.max, 29);
});

test('bad input is refused with a message naming the file, line and column', async () => {
  await refused(await csv(''), /the file is empty/);
  await refused(await csv('\n\n  \n'), /the file is empty \(it has only blank lines\)/);
  await refused(await csv('Timestamp,Close\n'), /it has a header \(line 1\) but no data rows/);
  await refused(await csv('name,city\nalice,paris\nbob,rome\n'), /no numeric column to forecast: "name" \(e\.g\. "alice"\), "city" \(e\.g\. "paris"\)/);
  await refused(await csv('t,a,b\n1,2,3\n4,5\n'), /line 3 has 2 fields but the header \(line 1\) has 3 \(ragged rows\)/);
  await refused(await csv('t,a\n1,2\n3,"4\n5,6\n'), /the quoted field that starts on line 3 never closes \(unterminated quote\)/);
  await refused(await csv('t|a|b\n1|2|3\n4|5|6\n'), /unknown delimiter: its lines are separated by "\|"; RNN Studio reads comma, semicolon or tab/);
  await refused(await csv('Date,Price\n2021-01-01,NaN\n2021-01-02,\n2021-01-03,NaN\n'), /column 2 \("Price"\) has no numbers in its 3 rows \(3 missing, 0 text\)/);
  const text = await csv('Date,Price\n2021-01-01,NaN\n2021-01-02,\n2021-01-03,n.a.\n');
  await refused(text, /no numeric column to forecast: "Date" \(e\.g\. "2021-01-01"\), "Price" \(e\.g\. "n\.a\."\)/);
  await refused(text, /column 2 \("Price"\) has no numbers in its 3 rows \(2 missing, 1 text; line 4 has "n\.a\."\)/, { column: 'Price' });
  await refused(await csv('t,a\n1,2\n'), /it has no column "Close" \(column\); its columns are "t", "a"/, { column: 'Close' });
  await refused(await csv('t,a\n1,2\n'), /column 2 \("a"\) does not hold times \(e\.g\. "2"\)/, { timeColumn: 'a' });
  await refused(path.join(dir, 'missing.csv'), /it does not exist/);
  await refused(await csv(Buffer.from('\xff\xfeT\0i\0m\0e\0', 'latin1')), /it is UTF-16 text/);
  // Without a byte order mark too (issue 9, case 10: the check shared with the text job), not "a NUL byte".
  await refused(await csv(Buffer.from('Time,Close\n1,2\n', 'utf16le')), /it is UTF-16 text/);
});

test('a binary file renamed .csv, and invalid UTF-8 deep in a file, name the line and character', async () => {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.from('IHDR')]);
  await refused(await csv(png, 'image.csv'), /line 1, character 1 has bytes that are not UTF-8 text: this is not a text CSV file \(a binary file renamed \.csv\?\)/);
  await refused(await csv('a,b\n1,2\n3,\0\n'), /line 3, character 3 has a NUL byte/);
  const rows = Array.from({ length: 20_000 }, (_, i) => `${1600000000 + i * 60},${i}`).join('\n');
  const late = Buffer.concat([Buffer.from(`time,v\n${rows}\n`), Buffer.from([0x31, 0x2c, 0xc3, 0x28, 0x0a])]);
  assert.ok(late.length > 200_000, 'past the sample');
  await refused(await csv(late), /line 20002, character 3 has bytes that are not UTF-8 text/);
  const ragged = Buffer.from(`time,v\n${rows}\n1600000000,1,2\n`);
  await refused(await csv(ragged), /line 20002 has 3 fields but the header \(line 1\) has 2 \(ragged rows\)/);
});

test('a 30 MB file streams with bounded memory and stops when cancelled', async () => {
  const file = path.join(dir, 'big.csv');
  const written = await writeBitstampCsv(file, { rowsPerDay: 128 });
  assert.ok(written.bytes > 28e6, `${written.bytes} bytes`);
  const layout = await inspectCsv(file);
  assert.equal(layout.complete, false);

  let progressCalls = 0;
  let lastBytes = 0;
  const controller = new AbortController();
  await assert.rejects(
    readCsvSeries(file, {
      signal: controller.signal,
      onProgress: ({ bytesRead }) => {
        lastBytes = bytesRead;
        if (++progressCalls === 3) controller.abort();
      },
    }),
    CancelledError,
  );
  assert.equal(progressCalls, 3, 'nothing read after the cancel');
  assert.ok(lastBytes < written.bytes / 4, `stopped after ${lastBytes} bytes`);
  await assert.rejects(readCsvSeries(file, { shouldStop: () => true }), CancelledError);

  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = heapBefore;
  const series = await readCsvSeries(file, { onProgress: () => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)) });
  const growth = heapPeak - heapBefore;
  assert.equal(series.rows, written.rows);
  assert.equal(series.times.length, written.rows - written.nanRows);
  assert.ok(growth < 16e6, `heap grew by ${(growth / 1e6).toFixed(1)} MB reading ${(written.bytes / 1e6).toFixed(0)} MB`);
  assert.equal(series.times.byteLength + series.values.byteLength, 16 * series.times.length, '16 bytes per kept row');
});

test('an overview for a column pick: numeric columns with ranges and counts, the suggested target', async () => {
  const file = await csv('Date,Open,Note,Close\n2021-01-01,1,a,NaN\n2021-01-02,2,b,5\n2021-01-03,x,c,7\n');
  const overview = await summarizeCsv(file);
  assert.equal(overview.rows, 3);
  assert.equal(overview.time?.name, 'Date');
  assert.equal(overview.suggested, 'Close');
  assert.deepEqual(
    overview.numericColumns.map(({ name, min, max, count, missing, nonNumeric }) => ({ name, min, max, count, missing, nonNumeric })),
    [
      { name: 'Open', min: 1, max: 2, count: 2, missing: 0, nonNumeric: 1 },
      { name: 'Close', min: 5, max: 7, count: 2, missing: 1, nonNumeric: 0 },
    ],
  );
});

test('9: old Mac line endings (CR alone) are read as lines, in a small file and in one larger than the sample', async () => {
  const days = Array.from({ length: 10 }, (_, i) => `2024-01-${String(i + 1).padStart(2, '0')},${i === 3 ? 'x' : i}`);
  const series = await readCsvSeries(await csv(`date,value\r${days.join('\r')}\r`));
  assert.equal(series.layout.crOnly, true);
  assert.deepEqual(Array.from(series.values), [0, 1, 2, 4, 5, 6, 7, 8, 9]);
  assert.equal(series.rowsSkipped, 1);
  const rows = Array.from({ length: 60_000 }, (_, i) => `${new Date(Date.UTC(2000, 0, 1) + i * 3_600_000).toISOString()},${i % 97},"note ${i}"`);
  const large = await csv(`time,value,note\r${rows.join('\r')}\r`);
  const big = await readCsvSeries(large);
  assert.equal(big.layout.complete, false, 'the file is larger than the sample inspectCsv reads');
  assert.equal(big.values.length, 60_000);
  assert.equal(big.values[59_999], 59_999 % 97);
  await refused(await csv('date,value\r2024-01-01,1\r2024-01-02,2,3\r'), /line 3 has 3 fields/);
});

test('9: a quoted field holding line breaks in every row is part of its row (LF, CRLF and CR files)', async () => {
  for (const eol of ['\n', '\r\n', '\r']) {
    const rows = Array.from({ length: 30 }, (_, i) => `2024-01-${String(i + 1).padStart(2, '0')},"line one${eol}line ""two""${eol}line three",${i * 1.5}`);
    const series = await readCsvSeries(await csv(`date,comment,value${eol}${rows.join(eol)}${eol}`));
    assert.deepEqual(series.layout.columns, ['date', 'comment', 'value'], JSON.stringify(eol));
    assert.equal(series.column.name, 'value');
    assert.equal(series.values.length, 30);
    assert.equal(series.values[29], 29 * 1.5);
  }
});
