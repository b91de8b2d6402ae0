import type * as tf from '@tensorflow/tfjs';
import { copyBox } from './copyBox';
import type { HeapBackend } from './heapBackend';

/**
 * A new tensor of shape `outShape` (default `size`; same element count) holding the box
 * `begin .. begin + size` of `x`. Only the box is copied: the output is allocated first, then
 * both heap views are taken, so no allocation can detach them. Numeric dtypes only.
 */
export function heapSlice(
  backend: HeapBackend,
  x: tf.TensorInfo,
  begin: readonly number[],
  size: readonly number[],
  outShape: number[] = [...size],
): tf.TensorInfo {
  const out = backend.makeOutput(outShape, x.dtype);
  copyBox(backend.typedArrayFromHeap(x), x.shape, begin, size, backend.typedArrayFromHeap(out));
  return out;
}
