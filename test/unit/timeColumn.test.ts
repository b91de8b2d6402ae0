import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectTimeColumn, isTimeName, timeFormatOf } from '../../src/core/csv/timeColumn';
import { parseIsoTime, parseMonthNameTime } from '../../src/core/csv/timeFormats';

test('ISO dates and date-times are read as UTC, offsets applied', () => {
  assert.equal(parseIsoTime('2021-03-31'), Date.UTC(2021, 2, 31));
  assert.equal(parseIsoTime('2021-03-31T12:30'), Date.UTC(2021, 2, 31, 12, 30));
  assert.equal(parseIsoTime('2021-03-31 12:30:05.25Z'), Date.UTC(2021, 2, 31, 12, 30, 5, 250));
  assert.equal(parseIsoTime('2021-03-31T12:30:00+02:00'), Date.UTC(2021, 2, 31, 10, 30));
  assert.equal(parseIsoTime('2021/3/1'), Date.UTC(2021, 2, 1));
  for (const bad of ['2021-02-30', '2021-13-01', '31/03/2021', 'yesterday', '2021-03-31T25:00']) assert.ok(Number.isNaN(parseIsoTime(bad)), bad);
});

test('dates with month names: Jan 1 2000 and its variants', () => {
  const jan1 = Date.UTC(2000, 0, 1);
  for (const text of ['Jan 1 2000', 'Jan 01, 2000', 'January 1, 2000', 'jan 1st 2000', '1 Jan 2000', '01-Jan-2000', 'Sat, Jan 1 2000']) {
    assert.equal(parseMonthNameTime(text), jan1, text);
  }
  assert.equal(parseMonthNameTime('Mar 5, 2021 3:15 pm'), Date.UTC(2021, 2, 5, 15, 15));
  assert.equal(parseMonthNameTime('Sept 30 2020'), Date.UTC(2020, 8, 30));
  for (const bad of ['Foo 1 2000', 'Feb 30 2000', 'Jan 2000']) assert.ok(Number.isNaN(parseMonthNameTime(bad)), bad);
});

test('formats and units are inferred from the cells', () => {
  assert.equal(timeFormatOf(['1325317920', '1325317980', 'NaN'], true), 'unix-s');
  assert.equal(timeFormatOf(['1609459200000', '1609459260000'], true), 'unix-ms');
  assert.equal(timeFormatOf(['2021-01-01', '2021-01-02'], false), 'iso');
  assert.equal(timeFormatOf(['Jan 1 2000', 'Jan 2 2000'], false), 'month-name');
  assert.equal(timeFormatOf(['1.5', '2.5'], true), null, 'not in the unix range');
  assert.equal(timeFormatOf(['1325317980', '1325317920'], false), null, 'unnamed, decreasing: not a time');
  assert.equal(timeFormatOf(['1325317920', '1325317980'], false), 'unix-s', 'unnamed but whole and increasing');
  assert.ok(isTimeName('Timestamp') && isTimeName('Date') && isTimeName('open_time') && isTimeName('closeTime'));
  assert.ok(!isTimeName('Close') && !isTimeName('Update') && !isTimeName('Volume_(BTC)'));
});

test('the time column is found by name first, then by its cells', () => {
  const names = ['Open', 'Timestamp', 'Close'];
  const cells = [['1', '2'], ['1325317920', '1325317980'], ['3', '4']];
  assert.deepEqual(detectTimeColumn(names, cells), { index: 1, name: 'Timestamp', format: 'unix-s' });
  assert.deepEqual(detectTimeColumn(['value', 'when?'], [['1', '2'], ['2020-01-01', '2020-01-02']]), { index: 1, name: 'when?', format: 'iso' });
  assert.equal(detectTimeColumn(['a', 'b'], [['1', '2'], ['3', '4']]), null);
});
