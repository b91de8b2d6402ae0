import * as tf from '@tensorflow/tfjs';
import type { Activation, GateActivation } from './config';

/**
 * tanh(x) = 2 sigmoid(2x) - 1 on wasm, whose Tanh kernel is a scalar std::tanh loop 12x
 * slower than its XNNPACK sigmoid (3.5 ms against 0.3 ms for 245 760 values); the two agree
 * to float32 rounding (about 1e-7 absolute). Other backends keep their tanh.
 */
function tanh(x: tf.Tensor): tf.Tensor {
  if (tf.getBackend() !== 'wasm') return tf.tanh(x);
  return tf.tidy(() => tf.sub(tf.mul(tf.sigmoid(tf.mul(x, 2)), 2), 1));
}

/** `kind` applied to `x`, as tfjs-layers computes it (hardSigmoid: clip(0.2 x + 0.5, 0, 1)). */
export function activate(kind: Activation | GateActivation, x: tf.Tensor): tf.Tensor {
  switch (kind) {
    case 'tanh':
      return tanh(x);
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
