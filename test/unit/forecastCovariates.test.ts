import * as tf from '@tensorflow/tfjs';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { runForecastJob, type ForecastJobStart } from '../../src/core/forecast/forecastJob';
import type { ForecastSettings } from '../../src/core/forecast/forecastSettings';
import type { ForecasterFile } from '../../src/core/forecast/forecastStore';
import type { ShapeProbe } from '../../src/core/forecast/dataShape';
import { useWasm } from './support/wasm';

const DAY = 86_400_000;
const FIRST = Date.UTC(2021, 0, 4);

/** 140 days of counts with a strong weekly cycle; `Visitors` leads it, `Note` is text. */
function weeklyCsv(days = 140): string {
  const lines = Array.from({ length: days }, (_, i) => {
    const weekday = i % 7;
    const value = 100 + (weekday >= 5 ? -40 : 10 * weekday) + 3 * Math.sin(i);
    return `${new Date(FIRST + i * DAY).toISOString().slice(0, 10)},${value.toFixed(2)},${(value * 2 + i).toFixed(1)},n${i}`;
  });
  return `Date,Count,Visitors,Note\n${lines.join('\n')}\n`;
}

const SMALL: Partial<ForecastSettings> = { window: 14, test: 14, epochs: 3, batchSize: 32, horizon: 7, backtest: 2 };

let dir: string;
let counts: string;
before(async () => {
  await useWasm();
  dir = await mkdtemp(path.join(tmpdir(), 'rnn-studio-covariates-'));
  counts = path.join(dir, 'counts.csv');
  await writeFile(counts, weeklyCsv());
});
after(() => rm(dir, { recursive: true, force: true }));

test('calendar and a column as covariates: the models take [W, 1 + 4 + 1] steps, the job says what it used, save -> load forecasts the same', async () => {
  const tensorsBefore = tf.memory().numTensors;
  const saved = path.join(dir, 'model');
  const starts: ForecastJobStart[] = [];
  const result = await runForecastJob(
    { csv: counts, save: saved, settings: { ...SMALL, models: ['mlp', 'gru'], units: 4, covariates: { calendar: true, columns: ['Visitors'] } } },
    { onStart: (start) => starts.push(start) },
  );
  assert.deepEqual(result.chosen.covariates, ['day of week', 'day of year', 'Visitors']);
  assert.deepEqual(starts[0].chosen.covariates, result.chosen.covariates);
  assert.ok(result.warnings.some((w) => /covariate columns \("Visitors"\) are held at their last values/.test(w)), result.warnings.join('\n'));
  assert.equal(result.models.length, 2);
  for (const run of result.models) {
    assert.equal(run.forecast.value.length, 7);
    assert.ok(run.forecast.value.every(Number.isFinite), `${run.name}: a finite forecast`);
    assert.ok(run.metrics.mae > 0 && Number.isFinite(run.metrics.mae));
  }
  assert.ok(result.backtest && result.backtest.rows.length > 0);
  const meta = JSON.parse(await readFile(path.join(saved, 'gru', 'meta.json'), 'utf8')) as ForecasterFile;
  assert.deepEqual(meta.covariates?.calendar, ['day of week', 'day of year']);
  assert.equal(meta.covariates?.columns[0].name, 'Visitors');
  const model = JSON.parse(await readFile(path.join(saved, 'gru', 'model.json'), 'utf8')) as { modelTopology: unknown };
  assert.match(JSON.stringify(model.modelTopology), /"batch_input_shape":\[null,14,6\]/);
  const again = await runForecastJob({ csv: counts, load: path.join(saved, 'gru'), settings: { test: 14, horizon: 7, covariates: { calendar: false, columns: [] } } });
  assert.deepEqual(again.chosen.covariates, ['day of week', 'day of year', 'Visitors'], "a loaded model's own covariates, whatever the settings say");
  const gru = result.models.find((run) => run.name === 'gru');
  assert.ok(gru);
  again.models[0].forecast.value.forEach((value, k) => assert.ok(Math.abs(value - gru.forecast.value[k]) < 1e-4, `step ${k}: ${value} vs ${gru.forecast.value[k]}`));
  again.models[0].predicted.forEach((value, k) => assert.ok(Math.abs(value - gru.predicted[k]) < 1e-4));
  assert.equal(tf.memory().numTensors, tensorsBefore, 'no tensor left behind');
});

test('covariates auto tries the calendar at the chosen shape and says whether it kept it; none and the tutorial recipe use nothing', async () => {
  const probes: ShapeProbe[] = [];
  const auto = await runForecastJob({ csv: counts, settings: { ...SMALL, epochs: 20, window: 'auto' } }, { onProbe: (probe) => probes.push(probe) });
  const last = probes[probes.length - 1];
  assert.match(last.what, /with the calendar \(day of week, day of year\)$/);
  assert.equal(last.probe, last.probes);
  assert.ok(probes.every((probe) => probe.probes === last.probes), 'every probe knows how many there are');
  assert.ok(auto.warnings.some((w) => /The calendar \(day of week, day of year\) (is an input: it helps|was tried and left out)/.test(w)), auto.warnings.join('\n'));
  const kept = auto.warnings.some((w) => /is an input/.test(w));
  assert.deepEqual(auto.chosen.covariates, kept ? ['day of week', 'day of year'] : []);
  const none = await runForecastJob({ csv: counts, settings: { ...SMALL, covariates: { calendar: false, columns: [] } } });
  assert.deepEqual(none.chosen.covariates, []);
  const tutorial = await runForecastJob({ csv: counts, settings: { ...SMALL, recipe: 'tutorial', window: 14, epochs: 1 } });
  assert.deepEqual(tutorial.chosen.covariates, []);
});

test('a covariate that is not there, is text, or is the target is refused naming it; calendar without a time axis is said to add nothing', async () => {
  await assert.rejects(runForecastJob({ csv: counts, settings: { ...SMALL, covariates: { calendar: false, columns: ['Nope'] } } }), /Covariate "Nope": Cannot read .*counts\.csv: it has no column "Nope"/);
  await assert.rejects(runForecastJob({ csv: counts, settings: { ...SMALL, covariates: { calendar: false, columns: ['Note'] } } }), /Covariate "Note": .*"Note".* no numbers/);
  await assert.rejects(runForecastJob({ csv: counts, settings: { ...SMALL, covariates: { calendar: false, columns: ['Count'] } } }), /Covariate "Count" is the column being forecast/);
  const rows = path.join(dir, 'rows.csv');
  await writeFile(rows, `Count\n${Array.from({ length: 80 }, (_, i) => (i % 7) * 3 + Math.sin(i)).join('\n')}\n`);
  const result = await runForecastJob({ csv: rows, settings: { ...SMALL, covariates: { calendar: true, columns: [] } } });
  assert.deepEqual(result.chosen.covariates, []);
  assert.ok(result.warnings.some((w) => /has no calendar cycles to give the models: --covariates calendar adds nothing/.test(w)), result.warnings.join('\n'));
});
