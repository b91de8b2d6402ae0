import * as tf from '@tensorflow/tfjs';

/**
 * float32 one-hot rows [...indices.shape, depth] of int32 `indices`. Made as int32 and cast:
 * tfjs-backend-wasm 4.22's OneHot kernel writes int32 values whatever dtype is asked for,
 * so `tf.oneHot(..., 'float32')` yields float bit patterns of 1 (1.4e-45) there.
 */
export function oneHotFloat(indices: tf.Tensor, depth: number): tf.Tensor {
  return tf.tidy(() => tf.oneHot(indices, depth).toFloat());
}

/**
 * The rows `sequences` of a row-major [count, steps] index array, concatenated:
 * [sequences.length * steps].
 */
export function gatherSequences(ids: Int32Array, steps: number, sequences: readonly number[]): Int32Array {
  const batch = new Int32Array(sequences.length * steps);
  sequences.forEach((sequence, row) => batch.set(ids.subarray(sequence * steps, (sequence + 1) * steps), row * steps));
  return batch;
}

/**
 * One-hot float32 tensor [sequences.length, steps, vocabularySize] of the rows `sequences`
 * of `ids` (row-major [count, steps], values in 0..vocabularySize-1). The caller disposes it.
 */
export function oneHotBatch(
  ids: Int32Array,
  steps: number,
  sequences: readonly number[],
  vocabularySize: number,
): tf.Tensor3D {
  return tf.tidy(() => {
    const flat = tf.tensor1d(gatherSequences(ids, steps, sequences), 'int32');
    return oneHotFloat(flat, vocabularySize).reshape([sequences.length, steps, vocabularySize]);
  });
}
