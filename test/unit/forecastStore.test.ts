import * as tf from '@tensorflow/tfjs';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { loadForecaster, saveForecaster } from '../../src/core/forecast/forecastStore';
import { buildForecastModel } from '../../src/core/forecast/forecastModels';
import { trainedForecaster, type TrainedForecaster } from '../../src/core/forecast/trainedForecaster';
import { saveTextModel } from '../../src/core/text/textModelStore';
import { DEFAULT_TRAINING } from '../../src/core/text/textSettings';
import { trainTextModel } from '../../src/core/text/textTraining';
import { UserError } from '../../src/core/userError';
import { TUTORIAL_TEXT, useWasm } from './support/wasm';

let root: string;
let forecaster: TrainedForecaster;
before(async () => {
  await useWasm();
  root = await mkdtemp(path.join(tmpdir(), 'rnn-studio-forecast-store-'));
  forecaster = trainedForecaster({
    model: buildForecastModel({ preset: 'gru', units: [4] }, 12, 5),
    spec: { preset: 'gru', units: [4] },
    window: 12,
    transform: 'logret',
    scaler: { kind: 'minmax', offset: -0.1, scale: 0.25 },
    column: 'Close',
    timeColumn: { name: 'Timestamp', format: 'unix-s' },
    resample: 'week',
    aggregation: 'last',
    seed: 5,
    trainedOn: { file: 'btc.csv', points: 400, trainPoints: 340 },
    finalLoss: 0.012,
  });
});
after(async () => {
  forecaster.dispose();
  await rm(root, { recursive: true, force: true });
});

/** A copy of meta.json in `dir` changed by `change`. */
async function editMeta(dir: string, change: (meta: Record<string, unknown>) => void): Promise<void> {
  const file = path.join(dir, 'meta.json');
  const meta = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  change(meta);
  await writeFile(file, JSON.stringify(meta));
}

test('save -> load keeps the weights and everything that turns a CSV into inputs', async () => {
  const dir = path.join(root, 'model');
  await saveForecaster(forecaster, dir);
  assert.deepEqual((await readdir(dir)).sort(), ['meta.json', 'model.json', 'weights.bin']);
  const tensorsBefore = tf.memory().numTensors;
  const loaded = await loadForecaster(dir);
  try {
    const { model: _saved, dispose: _disposeSaved, ...expected } = forecaster;
    const { model, dispose: _disposeLoaded, ...meta } = loaded;
    assert.deepEqual(meta, expected);
    const x = tf.randomUniform([3, 12, 1], 0, 1, 'float32', 1);
    const same = tf.tidy(() => tf.max(tf.abs(tf.sub(model.predict(x) as tf.Tensor, forecaster.model.predict(x) as tf.Tensor))).dataSync()[0]);
    x.dispose();
    assert.equal(same, 0);
  } finally {
    loaded.dispose();
  }
  assert.equal(tf.memory().numTensors, tensorsBefore);
});

test('a text model, a bad field, or a window the model does not take are refused, naming the folder', async () => {
  const text = path.join(root, 'text');
  const { trained } = await trainTextModel(TUTORIAL_TEXT, { ...DEFAULT_TRAINING, epochs: 1 });
  await saveTextModel(trained, text);
  trained.dispose();
  await assert.rejects(loadForecaster(text), (error: unknown) => {
    assert.ok(error instanceof UserError);
    assert.equal(error.message, `Cannot load the model in ${text}: meta.json is not an RNN Studio forecasting model (format "rnn-studio/text-model").`);
    return true;
  });
  const dir = path.join(root, 'edited');
  await saveForecaster(forecaster, dir);
  await editMeta(dir, (meta) => (meta.transform = 'sqrt'));
  await assert.rejects(loadForecaster(dir), /meta\.json has an invalid transform: "sqrt"/);
  await editMeta(dir, (meta) => {
    meta.transform = 'level';
    meta.window = 30;
  });
  const tensorsBefore = tf.memory().numTensors;
  await assert.rejects(loadForecaster(dir), /meta\.json says windows of 30 steps, but the model takes \[12, 1\] and gives \[1\]: the files do not belong together/);
  assert.equal(tf.memory().numTensors, tensorsBefore, 'the refused model is freed');
});
