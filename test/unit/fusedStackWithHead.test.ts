import * as tf from '@tensorflow/tfjs';
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { FusedStackWithHead } from '../../src/core/fused/fusedStackWithHead';
import { buildForecastModel } from '../../src/core/forecast/forecastModels';
import { generateText } from '../../src/core/text/textGeneration';
import { buildTextModel } from '../../src/core/text/textModel';
import { DEFAULT_GENERATION, DEFAULT_TRAINING } from '../../src/core/text/textSettings';
import { trainTextModel } from '../../src/core/text/textTraining';
import { TestRandom } from './support/random';
import { relativeError } from './support/recurrentModels';
import { TUTORIAL_TEXT, useWasm } from './support/wasm';

before(useWasm);

const V = 9;
const oneHot = (ids: number[], batch: number) => tf.oneHot(tf.tensor1d(ids, 'int32'), V).toFloat().reshape<tf.Tensor3D>([batch, ids.length / batch, V]);

test('with the text head (per step) it gives the layers model logits, in one pass and step by step', () => {
  const random = new TestRandom(4);
  for (const cell of ['rnn', 'lstm', 'gru'] as const) {
    const model = buildTextModel({ cell, hiddenSize: 6, layers: 2, vocabularySize: V, seed: 3 });
    const fused = FusedStackWithHead.fromLayersModel(model);
    assert.equal(fused.headInput, 'steps');
    assert.deepEqual(fused.trainableVariables.map((variable) => variable.shape), model.getWeights().map((weight) => weight.shape), 'getWeights() order');
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      const ids = Array.from({ length: 2 * 5 }, () => random.int(0, V - 1));
      const x = oneHot(ids, 2);
      const logits = fused.forward(x);
      assert.ok(relativeError(logits, model.predict(x) as tf.Tensor) < 1e-5, cell);
      let state = fused.zeroState(2);
      for (let t = 0; t < 5; t++) {
        const next = fused.step(tf.squeeze<tf.Tensor2D>(tf.slice(x, [0, t, 0], [-1, 1, -1]), [1]), state);
        assert.ok(relativeError(next.output, tf.squeeze(tf.slice(logits, [0, t, 0], [-1, 1, -1]), [1])) < 1e-5, `${cell} step ${t}`);
        state = next.state;
      }
    });
    assert.equal(tf.memory().numTensors, before);
    fused.dispose();
    model.dispose();
  }
});

test('writeInto writes the fused weights into the layers model', () => {
  const model = buildTextModel({ cell: 'lstm', hiddenSize: 4, layers: 1, vocabularySize: V, seed: 1 });
  const fused = FusedStackWithHead.fromLayersModel(model);
  for (const variable of fused.trainableVariables) variable.assign(tf.tidy(() => tf.mul(variable, 1.5)));
  tf.tidy(() => {
    const x = oneHot([1, 2, 3, 4], 1);
    assert.ok(relativeError(model.predict(x) as tf.Tensor, fused.forward(x)) > 1e-2);
    fused.writeInto(model);
    assert.ok(relativeError(model.predict(x) as tf.Tensor, fused.forward(x)) < 1e-6);
  });
  fused.dispose();
  model.dispose();
});

test('with the forecast heads (Flatten + Dense, Dense on the last step) it predicts what the layers model predicts, dropout only while training', () => {
  const random = new TestRandom(5);
  for (const spec of [{ preset: 'rnn' as const, units: [4, 5] }, { preset: 'gru' as const, units: [3] }, { preset: 'lstm' as const, units: [4, 4] }]) {
    const model = buildForecastModel(spec, 6, 2);
    const fused = FusedStackWithHead.fromLayersModel(model);
    assert.equal(fused.headInput, spec.preset === 'rnn' ? 'flatten' : 'steps', spec.preset);
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      const x = tf.tensor3d(random.values(3 * 6), [3, 6, 1]);
      const predicted = fused.forward(x);
      assert.deepEqual(predicted.shape, [3, 1]);
      assert.ok(relativeError(predicted, model.predict(x) as tf.Tensor) < 1e-5, spec.preset);
      if (spec.preset === 'rnn') {
        assert.ok(relativeError(fused.forward(x, { training: true }), predicted) > 1e-3, 'dropout while training');
        assert.throws(() => fused.step(tf.zeros([3, 1]), fused.zeroState(3)), /Flatten head/);
      } else {
        let state = fused.zeroState(3);
        let output: tf.Tensor2D | undefined;
        for (const xt of tf.unstack(x, 1)) ({ output, state } = fused.step(xt as tf.Tensor2D, state));
        assert.ok(output && relativeError(output, predicted) < 1e-5, `${spec.preset}: the head on the last step`);
      }
    });
    assert.equal(tf.memory().numTensors, before, `${spec.preset}: no tensor left behind`);
    fused.dispose();
    model.dispose();
  }
});

test('a model without a Dense head is refused, naming what it ends in', () => {
  const model = tf.sequential({ layers: [tf.layers.simpleRNN({ units: 2, inputShape: [3, 1] })] });
  assert.throws(() => FusedStackWithHead.fromLayersModel(model), /ends in SimpleRNN, not a Dense/);
  model.dispose();
});

test('generation by stepping gives what re-running the whole prefix with tfjs-layers gives', async () => {
  const { trained } = await trainTextModel(TUTORIAL_TEXT, { ...DEFAULT_TRAINING, cell: 'gru', epochs: 30 });
  const rerun = (prompt: string, length: number) => {
    const ids = trained.vocabulary.encode(prompt);
    while (ids.length < length) {
      const logits = tf.tidy(() => {
        const x = tf.oneHot(tf.tensor1d(ids, 'int32'), trained.vocabulary.size).toFloat().expandDims(0);
        return (trained.model.predict(x) as tf.Tensor).slice([0, ids.length - 1, 0], [1, 1, -1]).argMax(-1).dataSync()[0];
      });
      ids.push(logits);
    }
    return trained.vocabulary.decode(ids);
  };
  for (const prompt of ['h', 'good', 'have a']) {
    assert.equal(generateText(trained, { ...DEFAULT_GENERATION, prompt, length: 15 }), rerun(prompt, 15), prompt);
  }
  trained.dispose();
});
