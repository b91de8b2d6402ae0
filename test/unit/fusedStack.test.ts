import * as tf from '@tensorflow/tfjs';
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { FusedRecurrentStack } from '../../src/core/fused/fusedRecurrentStack';
import { SeededRandom } from '../../src/core/random';
import { installWasmKernelFixes } from '../../src/core/wasmKernels/install';
import { useBackend } from './support/backends';
import { TestRandom } from './support/random';
import { layersModel, relativeError, type TestLayer } from './support/recurrentModels';

const [BATCH, TIME, FEATURES] = [3, 7, 4];
const MIXED: TestLayer[] = [
  { cell: 'lstm', units: 5 },
  { cell: 'gru', units: 4, recurrentActivation: 'sigmoid' },
  { cell: 'rnn', units: 3, activation: 'relu' },
];

describe('FusedRecurrentStack', () => {
  const random = new TestRandom(3);
  const input = () => tf.tensor3d(random.values(BATCH * TIME * FEATURES), [BATCH, TIME, FEATURES]);

  before(async () => {
    await useBackend('wasm');
    installWasmKernelFixes();
  });

  it('steps with carried state exactly as its forward pass, for every cell', () => {
    for (const layers of [[MIXED[0]], [MIXED[1]], [MIXED[2]], MIXED]) {
      const model = layersModel(layers, [TIME, FEATURES], true, 5);
      const stack = FusedRecurrentStack.fromLayers(model.layers);
      model.dispose();
      const before = tf.memory().numTensors;
      tf.tidy(() => {
        const x = input();
        const sequence = stack.forward(x);
        let state = stack.zeroState(BATCH);
        tf.unstack(x, 1).forEach((xt, t) => {
          const next = stack.step(xt as tf.Tensor2D, state);
          const expected = tf.squeeze(tf.slice(sequence, [0, t, 0], [-1, 1, -1]), [1]);
          assert.ok(relativeError(next.output, expected) < 1e-5, `${layers.map((l) => l.cell).join(',')} step ${t}`);
          state = next.state;
        });
      });
      assert.equal(tf.memory().numTensors, before);
      stack.dispose();
    }
  });

  it('drops out between layers only while training, scaling the kept values', () => {
    const model = layersModel([MIXED[0]], [TIME, FEATURES], true, 6);
    model.add(tf.layers.dropout({ rate: 0.5 }));
    const stack = FusedRecurrentStack.fromLayers(model.layers);
    model.dispose();
    assert.equal(stack.config.layers[0].dropout, 0.5);
    tf.tidy(() => {
      const x = input();
      const inference = stack.forward(x).dataSync();
      const training = stack.forward(x, { training: true }).dataSync();
      let dropped = 0;
      training.forEach((value, i) => {
        if (value === 0) dropped++;
        else assert.ok(Math.abs(value - 2 * inference[i]) < 1e-5, `kept value ${value} vs ${inference[i]}`);
      });
      assert.ok(dropped > 0.3 * training.length && dropped < 0.7 * training.length, `${dropped} of ${training.length} dropped`);
      assert.deepEqual(stack.forward(x).dataSync(), inference);
      const masked = (seed: number) => stack.forward(x, { training: true, random: new SeededRandom(seed) }).dataSync();
      assert.deepEqual(masked(5), masked(5), 'a seeded random draws the same masks');
      assert.notDeepEqual(masked(5), masked(6));
    });
    stack.dispose();
  });

  it("round-trips weights with tfjs-layers models: the same outputs either way", () => {
    const source = layersModel(MIXED, [TIME, FEATURES], false, 8);
    const stack = FusedRecurrentStack.fromLayers(source.layers);
    source.dispose();
    const target = layersModel(MIXED, [TIME, FEATURES], false, 9);
    tf.tidy(() => {
      const x = input();
      assert.ok(relativeError(target.predict(x) as tf.Tensor, stack.forward(x)) > 1e-2, 'different seeds differ');
      const weights = stack.getWeights();
      target.setWeights(weights);
      assert.ok(relativeError(target.predict(x) as tf.Tensor, stack.forward(x)) < 1e-5);
      stack.setWeights(target.getWeights().map((w) => tf.mul(w, 0.5)));
      target.setWeights(stack.getWeights());
      assert.ok(relativeError(target.predict(x) as tf.Tensor, stack.forward(x)) < 1e-5);
    });
    target.dispose();
    stack.dispose();
  });

  it('refuses tfjs-layers options it does not reproduce, naming them', () => {
    const refused: Array<[string, tf.layers.Layer]> = [
      ['goBackwards', tf.layers.lstm({ units: 2, goBackwards: true, inputShape: [3, 2] })],
      ['recurrentDropout', tf.layers.gru({ units: 2, recurrentDropout: 0.1, inputShape: [3, 2] })],
      ['useBias', tf.layers.simpleRNN({ units: 2, useBias: false, inputShape: [3, 2] })],
      ['activation', tf.layers.simpleRNN({ units: 2, activation: 'sigmoid', inputShape: [3, 2] })],
      ['class', tf.layers.dense({ units: 2, inputShape: [3, 2] })],
    ];
    for (const [option, layer] of refused) {
      const model = tf.sequential({ layers: [layer] });
      assert.throws(() => FusedRecurrentStack.fromLayers(model.layers), new RegExp(option));
      model.dispose();
    }
  });

  it('keeps tf.memory().numTensors the same after every epoch of a training loop', () => {
    const model = layersModel(MIXED, [TIME, FEATURES], true, 10);
    model.add(tf.layers.dropout({ rate: 0.2 }));
    const stack = FusedRecurrentStack.fromLayers(model.layers);
    model.dispose();
    const optimizer = tf.train.adam(0.01);
    const x = input();
    const y = tf.tensor3d(random.values(BATCH * TIME * 3), [BATCH, TIME, 3]);
    const masks = new SeededRandom(3);
    const counts: number[] = [];
    const losses: number[] = [];
    for (let epoch = 0; epoch < 4; epoch++) {
      for (let batch = 0; batch < 3; batch++) {
        const loss = optimizer.minimize(() => tf.losses.meanSquaredError<tf.Tensor, tf.Scalar>(y, stack.forward(x, { training: true, random: masks })), true, stack.trainableVariables);
        losses.push(loss!.dataSync()[0]);
        loss!.dispose();
      }
      counts.push(tf.memory().numTensors);
    }
    assert.equal(new Set(counts).size, 1, `tensors after each epoch: ${counts.join(', ')}`);
    assert.ok(losses[losses.length - 1] < losses[0], `loss ${losses[0]} -> ${losses[losses.length - 1]}`);
    optimizer.dispose();
    tf.dispose([x, y]);
    stack.dispose();
  });
});
