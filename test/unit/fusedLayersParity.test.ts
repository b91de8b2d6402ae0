import * as tf from '@tensorflow/tfjs';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FusedRecurrentStack } from '../../src/core/fused/fusedRecurrentStack';
import { installWasmKernelFixes } from '../../src/core/wasmKernels/install';
import { useBackend } from './support/backends';
import { TestRandom } from './support/random';
import { layersModel, relativeError, type TestLayer } from './support/recurrentModels';

/** The stacks checked: every cell and activation, single and stacked. */
const STACKS: Record<string, TestLayer[]> = {
  'SimpleRNN tanh': [{ cell: 'rnn', units: 6 }],
  'SimpleRNN relu': [{ cell: 'rnn', units: 6, activation: 'relu' }],
  'LSTM (hardSigmoid gates)': [{ cell: 'lstm', units: 5 }],
  'LSTM (sigmoid gates)': [{ cell: 'lstm', units: 5, recurrentActivation: 'sigmoid' }],
  'GRU (hardSigmoid gates)': [{ cell: 'gru', units: 5 }],
  'GRU (sigmoid gates)': [{ cell: 'gru', units: 5, recurrentActivation: 'sigmoid' }],
  'LSTM over GRU over SimpleRNN relu': [
    { cell: 'rnn', units: 4, activation: 'relu' },
    { cell: 'gru', units: 5, recurrentActivation: 'sigmoid' },
    { cell: 'lstm', units: 3 },
  ],
};

const [BATCH, TIME, FEATURES] = [3, 6, 4];

/**
 * Output and loss gradients of tfjs-layers' layers and of the fused stack read from them,
 * for a loss Σ output ⊙ R that gives every output its own weight.
 */
function compare(layers: TestLayer[], returnSequences: boolean, seed: number) {
  const random = new TestRandom(seed);
  const model = layersModel(layers, [TIME, FEATURES], returnSequences, seed);
  const stack = FusedRecurrentStack.fromLayers(model.layers);
  try {
    const x = tf.tensor3d(random.values(BATCH * TIME * FEATURES), [BATCH, TIME, FEATURES]);
    const outShape = returnSequences ? [BATCH, TIME, stack.outputSize] : [BATCH, stack.outputSize];
    const r = tf.tensor(random.values(tf.util.sizeFromShape(outShape)), outShape);
    const layersOut = model.apply(x) as tf.Tensor;
    const fusedOut = stack.forward(x);
    const layersGrads = tf.variableGrads(() => tf.sum(tf.mul(model.apply(x) as tf.Tensor, r)), model.trainableWeights.map((w) => w.read() as tf.Variable));
    const fusedGrads = tf.variableGrads(() => tf.sum(tf.mul(stack.forward(x), r)), stack.trainableVariables);
    const result = {
      output: relativeError(fusedOut, layersOut),
      grads: stack.trainableVariables.map((variable, index) =>
        relativeError(fusedGrads.grads[variable.name], layersGrads.grads[(model.trainableWeights[index].read() as tf.Variable).name]),
      ),
    };
    tf.dispose([x, r, layersOut, fusedOut, layersGrads.value, fusedGrads.value, layersGrads.grads, fusedGrads.grads]);
    return result;
  } finally {
    stack.dispose();
    model.dispose();
  }
}

for (const backend of ['wasm', 'cpu'] as const) {
  describe(`fused layers match tfjs-layers on ${backend}: outputs and gradients to 1e-4`, () => {
    let seed = 100;
    for (const [name, layers] of Object.entries(STACKS)) {
      for (const returnSequences of [true, false]) {
        it(`${name}, returnSequences ${returnSequences}`, async () => {
          await useBackend(backend);
          installWasmKernelFixes();
          const before = tf.memory().numTensors;
          const { output, grads } = compare(layers, returnSequences, seed++);
          assert.ok(output <= 1e-5, `output relative error ${output}`);
          grads.forEach((error, index) => assert.ok(error <= 1e-4, `gradient ${index} relative error ${error}`));
          assert.equal(tf.memory().numTensors, before);
        });
      }
    }
  });
}
