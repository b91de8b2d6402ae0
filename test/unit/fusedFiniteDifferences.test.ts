import * as tf from '@tensorflow/tfjs';
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { FusedRecurrentStack } from '../../src/core/fused/fusedRecurrentStack';
import { useBackend } from './support/backends';
import { TestRandom } from './support/random';
import { layersModel, type TestLayer } from './support/recurrentModels';

const [BATCH, TIME, FEATURES] = [2, 5, 3];
/** Step of the central differences: float32 rounding and curvature both stay near 1e-4 relative. */
const EPSILON = 1e-2;

/**
 * For each weight tensor W and a random direction D: (L(W + εD) - L(W - εD)) / 2ε against
 * ⟨∂L/∂W, D⟩ from the fused backward pass, on the cpu backend, relative to the largest
 * value ⟨∂L/∂W, D⟩ can take (‖∂L/∂W‖ ‖D‖), which keeps float32 rounding of L out of small
 * projections. The loss Σ tanh(output) ⊙ R is smooth in every weight.
 */
function directionalErrors(layers: TestLayer[], returnSequences: boolean, seed: number): number[] {
  const random = new TestRandom(seed);
  const model = layersModel(layers, [TIME, FEATURES], returnSequences, seed);
  const stack = FusedRecurrentStack.fromLayers(model.layers);
  model.dispose();
  const x = tf.tensor3d(random.values(BATCH * TIME * FEATURES), [BATCH, TIME, FEATURES]);
  const outShape = returnSequences ? [BATCH, TIME, stack.outputSize] : [BATCH, stack.outputSize];
  const r = tf.tensor(random.values(tf.util.sizeFromShape(outShape)), outShape);
  const loss = () => tf.sum<tf.Scalar>(tf.mul(tf.tanh(stack.forward(x, { inputGradient: true })), r));
  const { value, grads } = tf.variableGrads(loss, stack.trainableVariables);
  const errors = stack.trainableVariables.map((variable) => {
    const original = variable.clone();
    const direction = tf.tensor(random.values(variable.size), variable.shape);
    const lossAt = (sign: number) => {
      variable.assign(tf.tidy(() => tf.add(original, tf.mul(direction, sign * EPSILON))));
      return tf.tidy(() => loss().dataSync()[0]);
    };
    const numeric = (lossAt(1) - lossAt(-1)) / (2 * EPSILON);
    variable.assign(original);
    const [analytic, bound] = tf.tidy(() => [
      tf.sum(tf.mul(grads[variable.name], direction)).dataSync()[0],
      tf.mul(tf.norm(grads[variable.name]), tf.norm(direction)).dataSync()[0],
    ]);
    tf.dispose([original, direction]);
    return Math.abs(numeric - analytic) / bound;
  });
  tf.dispose([x, r, value, grads]);
  stack.dispose();
  return errors;
}

describe('fused gradients match central finite differences (cpu, error < 1e-3 of ‖∂L/∂W‖ ‖D‖)', () => {
  before(() => useBackend('cpu'));
  const cases: Array<[string, TestLayer[]]> = [
    ['SimpleRNN tanh', [{ cell: 'rnn', units: 4 }]],
    ['LSTM sigmoid', [{ cell: 'lstm', units: 4, recurrentActivation: 'sigmoid' }]],
    ['GRU sigmoid', [{ cell: 'gru', units: 4, recurrentActivation: 'sigmoid' }]],
    ['GRU over LSTM over SimpleRNN', [{ cell: 'rnn', units: 3 }, { cell: 'lstm', units: 4, recurrentActivation: 'sigmoid' }, { cell: 'gru', units: 3, recurrentActivation: 'sigmoid' }]],
  ];
  let seed = 1;
  for (const [name, layers] of cases) {
    for (const returnSequences of [true, false]) {
      it(`${name}, returnSequences ${returnSequences}`, () => {
        const errors = directionalErrors(layers, returnSequences, seed++);
        errors.forEach((error, index) => assert.ok(error < 1e-3, `weight ${index}: relative error ${error}`));
      });
    }
  }
});
