import * as tf from '@tensorflow/tfjs';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { before, test } from 'node:test';
import * as esbuild from 'esbuild';
import { FORECAST_USAGE } from '../../src/cli/usage';
import { buildForecastModel } from '../../src/core/forecast/forecastModels';
import { describeSpec, FORECASTERS, PRESET_NAMES, presetSpec } from '../../src/core/forecast/forecasters';
import { useWasm } from './support/wasm';

before(useWasm);

const ROOT = path.join(__dirname, '..', '..', '..');

test('every forecaster of the registry builds: windows [batch, W, 1] -> [batch, 1], labelled by its spec', () => {
  assert.deepEqual(PRESET_NAMES, ['mlp', 'rnn', 'lstm', 'gru']);
  const tensorsBefore = tf.memory().numTensors;
  for (const name of PRESET_NAMES) {
    const { label, sized } = FORECASTERS[name];
    const spec = presetSpec(name, { units: 3, layers: 2 });
    assert.deepEqual(spec.units.length === 2 && spec.units.every((units) => units === 3), sized, `${name}: sized by the user or not`);
    assert.ok(describeSpec(spec).startsWith(`${label} `), describeSpec(spec));
    const model = buildForecastModel(sized ? spec : { preset: name, units: [3, 4] }, 5, 1);
    assert.deepEqual(model.outputs[0].shape, [null, 1], name);
    assert.deepEqual(model.inputs[0].shape, [null, 5, 1], name);
    model.dispose();
  }
  assert.equal(tf.memory().numTensors, tensorsBefore);
});

test('the registry loads no TensorFlow.js (the extension host reads it)', async () => {
  const result = await esbuild.build({
    entryPoints: [path.join(ROOT, 'src', 'core', 'forecast', 'forecasters.ts')],
    bundle: true,
    platform: 'node',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  assert.deepEqual(Object.keys(result.metafile.inputs), ['src/core/forecast/forecasters.ts']);
});

test("the CLI's usage lists every forecaster with the registry's description", () => {
  for (const name of PRESET_NAMES) assert.match(FORECAST_USAGE, new RegExp(`\\n {4}${name} +${FORECASTERS[name].description.replace(/[()]/g, '\\$&')}\\n`));
  assert.match(FORECAST_USAGE, /--model M {15}mlp\|rnn\|lstm\|gru,/);
  assert.match(FORECAST_USAGE, /units per LSTM \/ GRU layer/);
});
