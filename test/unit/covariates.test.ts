import assert from 'node:assert/strict';
import { test } from 'node:test';
import { calendarCyclesOf, writeCalendar } from '../../src/core/forecast/calendarCycles';
import { covariatesText, parseCovariates } from '../../src/core/forecast/covariateChoice';
import { buildCovariates, describeCovariates, interleave, rolloutRows } from '../../src/core/forecast/covariates';
import { prepareForecastData } from '../../src/core/forecast/forecastData';
import { UserError } from '../../src/core/userError';

const DAY = 86_400_000;
const MONDAY = Date.UTC(2024, 0, 1);

/** The phase (0..1) a sine/cosine pair stands for. */
const phaseOf = (sin: number, cos: number) => ((Math.atan2(sin, cos) / (2 * Math.PI)) + 1) % 1;

test('calendar cycles: Monday is phase 0 of the week and Sunday 6/7, January phase 0 of the year, noon half a day; each interval has its own cycles', () => {
  const out = new Float32Array(2);
  const phase = (cycle: Parameters<typeof writeCalendar>[0][number], t: number) => {
    writeCalendar([cycle], t, out, 0);
    return phaseOf(out[0], out[1]);
  };
  assert.ok(Math.abs(phase('day of week', MONDAY)) < 1e-6);
  assert.ok(Math.abs(phase('day of week', MONDAY + 6 * DAY) - 6 / 7) < 1e-6);
  assert.ok(Math.abs(phase('day of week', MONDAY + 7 * DAY)) < 1e-6, 'a week later is the same phase');
  assert.ok(Math.abs(phase('month of year', Date.UTC(2024, 6, 1)) - 0.5) < 1e-6);
  assert.ok(Math.abs(phase('hour of day', MONDAY + 12 * 3_600_000) - 0.5) < 1e-6);
  assert.ok(Math.abs(phase('day of year', Date.UTC(2024, 11, 31)) - 365 / 366) < 1e-6, '2024 is a leap year');
  assert.deepEqual(calendarCyclesOf('day'), ['day of week', 'day of year']);
  assert.deepEqual(calendarCyclesOf('month'), ['month of year']);
  assert.deepEqual(calendarCyclesOf('hour'), ['hour of day', 'day of week']);
  assert.deepEqual(calendarCyclesOf('none'), []);
});

test('the covariates setting reads auto, none, calendar and column names, and refuses what it cannot read naming the setting', () => {
  assert.equal(parseCovariates('auto', '--covariates'), 'auto');
  assert.deepEqual(parseCovariates('none', '--covariates'), { calendar: false, columns: [] });
  assert.deepEqual(parseCovariates('', '--covariates'), { calendar: false, columns: [] });
  assert.deepEqual(parseCovariates('calendar', '--covariates'), { calendar: true, columns: [] });
  assert.deepEqual(parseCovariates(' calendar , Volume,Volume ', '--covariates'), { calendar: true, columns: ['Volume'] });
  assert.deepEqual(parseCovariates(['Open', 'Volume'], 'x'), { calendar: false, columns: ['Open', 'Volume'] });
  assert.deepEqual(parseCovariates({ calendar: true, columns: ['Open'] }, 'x'), { calendar: true, columns: ['Open'] });
  assert.throws(() => parseCovariates('auto,Volume', '--covariates'), (error: unknown) => error instanceof UserError && /--covariates: auto and none stand alone/.test(error.message));
  assert.throws(() => parseCovariates(42, 'rnnStudio.forecast.covariates'), /rnnStudio\.forecast\.covariates must be auto, none, calendar, or column names/);
  assert.equal(covariatesText({ calendar: true, columns: ['Volume'] }), 'calendar, Volume');
  assert.equal(covariatesText({ calendar: false, columns: [] }), 'none');
  assert.deepEqual(parseCovariates(covariatesText({ calendar: true, columns: ['A b'] }), 'x'), { calendar: true, columns: ['A b'] });
});

test('covariate rows: the calendar at every point and past the end, a column standardised on the training part and held at its last value past the end', () => {
  const times = Float64Array.from({ length: 10 }, (_, i) => MONDAY + i * DAY);
  const volume = Float64Array.from([1, 2, 3, 4, 5, 6, 100, 200, 300, 400]);
  const future = [MONDAY + 10 * DAY, MONDAY + 11 * DAY];
  const covariates = buildCovariates({ calendar: ['day of week'], columns: [{ name: 'Volume', levels: volume }], futureTimes: future }, times, 6);
  assert.equal(covariates.count, 3);
  assert.equal(covariates.rows.length, 12 * 3);
  const [{ mean, std }] = covariates.layout.columns;
  assert.equal(mean, 3.5, 'fitted on the first 6 points only');
  assert.ok(Math.abs(std - Math.sqrt(17.5 / 6)) < 1e-9);
  assert.ok(Math.abs(covariates.rows[7 * 3 + 2] - (200 - mean) / std) < 1e-3);
  assert.ok(Math.abs(phaseOf(covariates.rows[11 * 3], covariates.rows[11 * 3 + 1]) - 4 / 7) < 1e-6, 'point 11 (past the end) is a Friday');
  assert.ok(Math.abs(covariates.rows[11 * 3 + 2] - (400 - mean) / std) < 1e-3, 'past the end the column holds its last value');
  assert.equal(describeCovariates(covariates.layout), 'day of week, "Volume"');
  const rows = rolloutRows(covariates, 8, 3, 4);
  assert.equal(rows.length, 7 * 3);
  assert.deepEqual(Array.from(rows.subarray(0, 9)), Array.from(covariates.rows.subarray(5 * 3, 8 * 3)), 'the window before the origin: its true rows');
  for (let k = 3; k < 7; k++) {
    assert.equal(rows[k * 3 + 2], covariates.rows[7 * 3 + 2], `step ${k - 3}: the column holds its value before the origin (nothing after the origin leaks)`);
    assert.equal(rows[k * 3], covariates.rows[(5 + k) * 3], `step ${k - 3}: the true calendar`);
  }
  assert.throws(() => rolloutRows(covariates, 10, 3, 3), /reach 12 points, not 13/);
  assert.deepEqual(Array.from(interleave([1, 2], Float32Array.from([7, 8, 9, 10]), 2)), [1, 7, 8, 2, 9, 10]);
});

test('prepared data with covariates: windows of [W, 1 + C] whose values are the windows without them, each step beside its own point\'s row', () => {
  const n = 60;
  const times = Float64Array.from({ length: n }, (_, i) => MONDAY + i * DAY);
  const levels = Float64Array.from({ length: n }, (_, i) => 50 + 10 * Math.sin(i) + i);
  const options = { window: 7, test: 10, scaler: 'standard' as const, label: 'test', formatTime: String };
  for (const transform of ['level', 'diff', 'relative'] as const) {
    const plain = prepareForecastData(times, levels, { ...options, transform });
    const source = { calendar: ['day of week' as const], columns: [], futureTimes: [MONDAY + n * DAY] };
    const data = prepareForecastData(times, levels, { ...options, transform, covariates: { source } });
    assert.equal(data.features, 3);
    for (const [name, windows, first] of [['train', data.train, 7 + plain.offset], ['heldOut', data.heldOut, 50]] as const) {
      const base = name === 'train' ? plain.train : plain.heldOut;
      assert.equal(windows.count, base.count);
      assert.equal(windows.inputs.length, base.count * 7 * 3);
      for (const k of [0, windows.count - 1]) {
        for (let j = 0; j < 7; j++) {
          assert.equal(windows.inputs[(k * 7 + j) * 3], base.inputs[k * 7 + j], `${transform} ${name} ${k}/${j}: the value`);
          const point = first + k - 7 + j;
          assert.equal(windows.inputs[(k * 7 + j) * 3 + 1], data.covariates.rows[point * 2], `${transform} ${name} ${k}/${j}: point ${point}'s calendar`);
        }
      }
    }
  }
});
