import * as tf from '@tensorflow/tfjs';

/** `a + b`, or whichever of the two is present (one always is: a step receives some gradient). */
export function sumPresent(a: tf.Tensor | null, b: tf.Tensor | null): tf.Tensor {
  if (a === null) {
    if (b === null) throw new Error('No gradient reaches this step.');
    return b;
  }
  return b === null ? a : tf.add(a, b);
}

/** Steps `from` .. `from + count - 1` of a time-major [time, batch, n] tensor, as [count·batch, n] rows. */
function stepRows(sequence: tf.Tensor, from: number, count: number): tf.Tensor {
  const width = sequence.shape[2] as number;
  return tf.reshape(tf.slice(sequence, [from, 0, 0], [count, -1, -1]), [-1, width]);
}

/** The value of each step's previous step: [zeros, s_0, ..., s_{T-2}] ([time, batch, n]). */
export function previousSteps(sequence: tf.Tensor): tf.Tensor {
  const [time, batch, width] = sequence.shape;
  const zeros = tf.zeros([1, batch, width]);
  return time === 1 ? zeros : tf.concat([zeros, tf.slice(sequence, [0, 0, 0], [time - 1, batch, width])], 0);
}

/**
 * Σ_{t ≥ 1} left_{t-1}ᵀ · right_t over all steps in one matMul: the gradient of a recurrent
 * kernel, whose step-t product multiplies the previous step's state (zero before step 0).
 * left [time, batch, m], right [time, batch, n] -> [m, n].
 */
export function previousTimesNext(left: tf.Tensor, right: tf.Tensor): tf.Tensor {
  const time = left.shape[0];
  if (time === 1) return tf.zeros([left.shape[2] as number, right.shape[2] as number]);
  return tf.matMul(stepRows(left, 0, time - 1), stepRows(right, 1, time - 1), true, false);
}
