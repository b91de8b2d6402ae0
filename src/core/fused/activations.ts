import * as tf from '@tensorflow/tfjs';
import type { Activation, GateActivation } from './config';

/** `kind` applied to `x`, as tfjs-layers computes it (hardSigmoid: clip(0.2 x + 0.5, 0, 1)). */
export function activate(kind: Activation | GateActivation, x: tf.Tensor): tf.Tensor {
  switch (kind) {
    case 'tanh':
      return tf.tanh(x);
    case 'relu':
      return tf.relu(x);
    case 'sigmoid':
      return tf.sigmoid(x);
    case 'hardSigmoid':
      return tf.clipByValue(tf.add(tf.mul(x, 0.2), 0.5), 0, 1);
  }
}

/**
 * The derivative of `kind` at the input that gave the output `y`, from `y` alone (what
 * tfjs-core's gradients compute, up to the measure-zero kinks of relu and hardSigmoid):
 * tanh 1 - y², relu [y > 0], sigmoid y (1 - y), hardSigmoid 0.2 [0 < y < 1].
 */
export function derivativeFromOutput(kind: Activation | GateActivation, y: tf.Tensor): tf.Tensor {
  switch (kind) {
    case 'tanh':
      return tf.sub(1, tf.square(y));
    case 'relu':
      return tf.step(y);
    case 'sigmoid':
      return tf.mul(y, tf.sub(1, y));
    case 'hardSigmoid':
      return tf.mul(tf.step(tf.mul(y, tf.sub(1, y))), 0.2);
  }
}
