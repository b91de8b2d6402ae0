import type * as tf from '@tensorflow/tfjs';

/**
 * `x` with its last two axes swapped, as a new tensor made by the backend's own `Transpose`
 * kernel (`transpose`). The caller disposes it.
 */
export function transposeInner(transpose: tf.KernelFunc, backend: unknown, x: tf.TensorInfo): tf.TensorInfo {
  const rank = x.shape.length;
  const perm = Array.from({ length: rank }, (_, axis) => axis);
  perm[rank - 2] = rank - 1;
  perm[rank - 1] = rank - 2;
  return transpose({ inputs: { x }, backend: backend as object, attrs: { perm } }) as tf.TensorInfo;
}
