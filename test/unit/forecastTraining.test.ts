import * as tf from '@tensorflow/tfjs';
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { forecastNetFor, predictWindows } from '../../src/core/forecast/forecastNet';
import { fitForecastNet, type FitEpoch, type FitSettings } from '../../src/core/forecast/forecastTraining';
import { buildForecastModel } from '../../src/core/forecast/forecastModels';
import { describeSpec, presetSpec, type ModelSpec } from '../../src/core/forecast/forecasters';
import { makeWindows, type Windows } from '../../src/core/forecast/windows';
import { useWasm } from './support/wasm';

before(useWasm);

const W = 8;
/** A scaled sine wave with a trend: 240 values, 232 windows of 8. */
const VALUES = Float32Array.from({ length: 240 }, (_, i) => 0.5 + 0.3 * Math.sin(i / 4) + i / 1000);
const WINDOWS = makeWindows(VALUES, W, W, VALUES.length);
const FIT: FitSettings = { epochs: 3, batchSize: 32, learningRate: 0.01, validationSplit: 0, patience: 0, seed: 1 };

const TINY: ModelSpec[] = [
  presetSpec('mlp'),
  { preset: 'rnn', units: [4, 5, 6] },
  { preset: 'lstm', units: [5, 5] },
  { preset: 'gru', units: [6] },
];

const maxDifference = (a: ArrayLike<number>, b: ArrayLike<number>) => Math.max(...Array.from(a, (value, i) => Math.abs(value - b[i])));

test("presets are the tutorial's layers: MLP 56-32 and SimpleRNN 128/256/512 with dropout", () => {
  const mlp = buildForecastModel(presetSpec('mlp'), 60, 1);
  assert.deepEqual(mlp.layers.map((layer) => `${layer.getClassName()}:${JSON.stringify(layer.outputShape)}`), [
    'Dense:[null,60,56]',
    'Dense:[null,60,32]',
    'Flatten:[null,1920]',
    'Dense:[null,1]',
  ]);
  mlp.dispose();
  const rnn = buildForecastModel({ preset: 'rnn', units: [128, 256, 512] }, 60, 1);
  assert.deepEqual(
    rnn.layers.map((layer) => {
      const config = layer.getConfig();
      const scalar = (value: unknown) => (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean' ? String(value) : '');
      return [layer.getClassName(), scalar(config.units ?? config.rate), scalar(config.activation), scalar(config.returnSequences)].join(':');
    }),
    ['SimpleRNN:128:relu:true', 'Dropout:0.25::', 'SimpleRNN:256:relu:true', 'Dropout:0.25::', 'SimpleRNN:512:relu:true', 'Dropout:0.35::', 'Flatten:::', 'Dense:1:linear:'],
  );
  rnn.dispose();
  assert.deepEqual(presetSpec('rnn').units, [128, 256, 512]);
  assert.deepEqual(presetSpec('gru', { units: 32, layers: 2 }), { preset: 'gru', units: [32, 32] });
  assert.equal(describeSpec(presetSpec('lstm')), 'LSTM 64');
  assert.equal(describeSpec({ preset: 'gru', units: [32, 32] }), 'GRU 2×32');
});

/** One window of W steps of `features` inputs. */
const windowsOf = (inputs: Float32Array, features = 1): Windows => ({ inputs, targets: new Float32Array(1), count: 1, window: W, features });

test('the fused nets predict what the tfjs-layers models predict; rollout carries state from exactly predict(window)', () => {
  const tensorsBefore = tf.memory().numTensors;
  for (const spec of TINY) {
    const model = buildForecastModel(spec, W, 3);
    const net = forecastNetFor(model);
    assert.equal(net.recurrent, spec.preset !== 'mlp');
    const fused = predictWindows(net, { ...WINDOWS, count: 50 }, 16);
    const layers = tf.tidy(() => model.predict(tf.tensor3d(WINDOWS.inputs.subarray(0, 50 * W), [50, W, 1])) as tf.Tensor);
    assert.ok(maxDifference(fused, layers.dataSync()) < 1e-5, `${spec.preset}: fused = layers`);
    layers.dispose();
    const window = VALUES.slice(0, W);
    const first = predictWindows(net, windowsOf(window))[0];
    const byState = net.rollout(window, 1, 4, new Float32Array(0), 'state');
    const byWindow = net.rollout(window, 1, 4, new Float32Array(0), 'window');
    assert.ok(Math.abs(byState[0] - first) < 1e-5, `${spec.preset}: step 1 of the carried-state rollout is predict(window)`);
    assert.ok(Math.abs(byWindow[0] - first) < 1e-6);
    const slid = Float32Array.from([...window.slice(1), byWindow[0]]);
    assert.ok(Math.abs(byWindow[1] - predictWindows(net, windowsOf(slid))[0]) < 1e-6, 'window mode slides over its own predictions');
    net.dispose();
    model.dispose();
  }
  assert.equal(tf.memory().numTensors, tensorsBefore, 'no tensor left behind');
});

test('training lowers the loss, is reproducible for a seed (dropout masks too), and writes the weights back into the layers model', async () => {
  const tensorsBefore = tf.memory().numTensors;
  const train = async (spec: ModelSpec, seed: number) => {
    const model = buildForecastModel(spec, W, seed);
    const net = forecastNetFor(model);
    const epochs: FitEpoch[] = [];
    const result = await fitForecastNet(net, WINDOWS, { ...FIT, seed }, { onEpoch: (epoch) => epochs.push(epoch) });
    net.writeBack();
    const fused = predictWindows(net, { ...WINDOWS, count: 20 });
    const layers = tf.tidy(() => (model.predict(tf.tensor3d(WINDOWS.inputs.subarray(0, 20 * W), [20, W, 1])) as tf.Tensor).dataSync());
    net.dispose();
    model.dispose();
    return { result, epochs, written: maxDifference(fused, layers) };
  };
  for (const spec of [TINY[0], TINY[1], TINY[2]]) {
    const first = await train(spec, 1);
    assert.deepEqual(first.epochs.map((epoch) => epoch.epoch), [1, 2, 3]);
    assert.deepEqual(first.epochs.map((epoch) => epoch.loss), first.result.lossHistory);
    assert.ok(first.epochs.every((epoch) => epoch.valLoss === undefined && epoch.epochs === 3));
    assert.ok(first.result.lossHistory[2] < first.result.lossHistory[0], `${spec.preset}: ${first.result.lossHistory.join(', ')}`);
    assert.equal(first.result.finalLoss, first.result.lossHistory[2]);
    assert.equal(first.result.trainWindows, 232);
    assert.ok(first.written < 1e-5, `${spec.preset}: writeBack`);
    assert.deepEqual((await train(spec, 1)).result.lossHistory, first.result.lossHistory, `${spec.preset}: same seed, same losses`);
    assert.notDeepEqual((await train(spec, 2)).result.lossHistory, first.result.lossHistory);
  }
  assert.equal(tf.memory().numTensors, tensorsBefore);
});

test('shouldStop is asked before every batch and stops within one batch, leaving nothing allocated', async () => {
  const tensorsBefore = tf.memory().numTensors;
  const model = buildForecastModel(TINY[3], W, 1);
  const net = forecastNetFor(model);
  let asked = 0;
  const result = await fitForecastNet(net, WINDOWS, { ...FIT, epochs: 100 }, { shouldStop: () => ++asked > 3 });
  assert.equal(asked, 4, 'three batches ran, the fourth was refused');
  assert.equal(result.cancelled, true);
  assert.equal(result.epochsRun, 0);
  assert.ok(Number.isFinite(result.finalLoss) && result.finalLoss > 0);
  net.dispose();
  model.dispose();
  assert.equal(tf.memory().numTensors, tensorsBefore);
});

test('validation split and early stopping restore the best epoch', async () => {
  const tensorsBefore = tf.memory().numTensors;
  const model = buildForecastModel(TINY[0], W, 1);
  const net = forecastNetFor(model);
  const settings = { ...FIT, epochs: 40, learningRate: 0.05, validationSplit: 0.25, patience: 2 };
  const result = await fitForecastNet(net, WINDOWS, settings);
  assert.equal(result.validationWindows, 58, 'the last quarter, as Keras');
  assert.equal(result.trainWindows, 174);
  assert.equal(result.valLossHistory.length, result.epochsRun);
  assert.ok(result.stoppedEarly, `ran ${result.epochsRun} epochs: ${result.valLossHistory.join(', ')}`);
  const best = Math.min(...result.valLossHistory);
  assert.equal(result.valLossHistory[result.bestEpoch - 1], best);
  assert.equal(result.epochsRun, result.bestEpoch + 2);
  assert.equal(result.finalLoss, result.lossHistory[result.bestEpoch - 1]);
  const validation = makeWindows(VALUES, W, W + 174, VALUES.length);
  const predicted = predictWindows(net, validation);
  const mse = predicted.reduce((sum, value, i) => sum + (value - validation.targets[i]) ** 2, 0) / validation.count;
  assert.ok(Math.abs(mse - best) < 1e-6, `the net has the best epoch's weights (${mse} vs ${best})`);
  net.dispose();
  model.dispose();
  assert.equal(tf.memory().numTensors, tensorsBefore);
});

test('with covariates ([W, 3] steps) the nets and both rollouts feed each prediction back beside its covariate row', () => {
  const tensorsBefore = tf.memory().numTensors;
  const F = 3;
  const window = Float32Array.from({ length: W * F }, (_, i) => Math.sin(i * 0.7));
  const rows = Float32Array.from({ length: 4 * (F - 1) }, (_, i) => Math.cos(i));
  for (const spec of TINY) {
    const model = buildForecastModel(spec, W, 3, F);
    assert.deepEqual(model.inputs[0].shape, [null, W, F]);
    const net = forecastNetFor(model);
    const layers = tf.tidy(() => (model.predict(tf.tensor3d(window, [1, W, F])) as tf.Tensor).dataSync()[0]);
    const first = predictWindows(net, windowsOf(window, F))[0];
    assert.ok(Math.abs(first - layers) < 1e-5, `${spec.preset}: fused = layers with 3 inputs per step`);
    const byState = net.rollout(window, F, 4, rows, 'state');
    const byWindow = net.rollout(window, F, 4, rows, 'window');
    assert.ok(Math.abs(byState[0] - first) < 1e-5 && Math.abs(byWindow[0] - first) < 1e-6);
    const slid = Float32Array.from([...window.slice(F), byWindow[0], rows[0], rows[1]]);
    assert.ok(Math.abs(byWindow[1] - predictWindows(net, windowsOf(slid, F))[0]) < 1e-6, `${spec.preset}: step 2 sees step 1's prediction beside covariate row 0`);
    const withoutRows = net.rollout(window, F, 4, new Float32Array(rows.length), 'state');
    assert.equal(withoutRows[0], byState[0]);
    assert.notEqual(withoutRows[1], byState[1], `${spec.preset}: the carried-state rollout feeds the covariate rows`);
    net.dispose();
    model.dispose();
  }
  assert.equal(tf.memory().numTensors, tensorsBefore, 'no tensor left behind');
});
