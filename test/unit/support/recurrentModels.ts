import * as tf from '@tensorflow/tfjs';
import type { CellKind, GateActivation } from '../../../src/core/fused/config';

/** One layer of a test stack. */
export interface TestLayer {
  cell: CellKind;
  units: number;
  activation?: 'tanh' | 'relu';
  recurrentActivation?: GateActivation;
}

/** tfjs-layers' own recurrent layers for `layers` (seeded initializers, random biases). */
export function layersModel(layers: readonly TestLayer[], inputShape: [number, number], returnSequences: boolean, seed: number): tf.Sequential {
  const model = tf.sequential();
  layers.forEach((layer, index) => {
    const args = {
      units: layer.units,
      returnSequences: index < layers.length - 1 || returnSequences,
      ...(index === 0 ? { inputShape } : {}),
      kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 3 * index }),
      recurrentInitializer: tf.initializers.orthogonal({ seed: seed + 3 * index + 1 }),
      biasInitializer: tf.initializers.randomUniform({ minval: -0.5, maxval: 0.5, seed: seed + 3 * index + 2 }),
      ...(layer.activation ? { activation: layer.activation } : {}),
      ...(layer.recurrentActivation ? { recurrentActivation: layer.recurrentActivation } : {}),
    };
    model.add(layer.cell === 'rnn' ? tf.layers.simpleRNN(args) : layer.cell === 'lstm' ? tf.layers.lstm(args) : tf.layers.gru(args));
  });
  return model;
}

/** Relative error ‖actual - expected‖ / ‖expected‖ (absolute when expected is 0). */
export function relativeError(actual: tf.Tensor, expected: tf.Tensor): number {
  return tf.tidy(() => {
    const difference = tf.norm(tf.sub(actual, expected)).dataSync()[0];
    const scale = tf.norm(expected).dataSync()[0];
    return scale === 0 ? difference : difference / scale;
  });
}
