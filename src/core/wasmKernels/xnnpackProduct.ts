import type * as tf from '@tensorflow/tfjs';
import { heapBackend } from './heapBackend';
import { heapSlice } from './heapSlice';
import { transposeInner } from './transposeInner';

/** The original kernel's product of two non-transposed float32 operands [batch, m, k] · [batch, k, n]. */
type PlainProduct = (a: tf.TensorInfo, b: tf.TensorInfo) => tf.TensorInfo;

/** `info` seen with another shape of the same size (no copy, no new reference). */
export const withShape = (info: tf.TensorInfo, shape: number[]): tf.TensorInfo => ({ ...info, shape });

/**
 * The product a·b of 3-D operands a [batchA, m, k] and b [batchB, k, n] (before the
 * transposes), batchA = batchB or either 1, computed so that tfjs-backend-wasm 4.22 reaches
 * XNNPACK, which it calls only for non-transposed operands with a batch of 1 (otherwise a
 * naive loop runs at about 2-3 GFLOP/s instead of about 30):
 *   - transposed operands are transposed explicitly first (a copy, O(size));
 *   - when `product` works row by row (`rowwise`: a bias and an activation do; PReLU weights
 *     of any shape may not), a batch against a shared b is folded into the rows,
 *     [1, batchA * m, k] · [1, k, n], and any other batch runs one product per entry, copied
 *     into the output; these give the original kernel's result.
 * Returns [batch, m, n].
 */
export function xnnpackProduct(
  backendArg: unknown,
  transpose: tf.KernelFunc,
  a: tf.TensorInfo,
  b: tf.TensorInfo,
  transposeA: boolean,
  transposeB: boolean,
  rowwise: boolean,
  product: PlainProduct,
): tf.TensorInfo {
  const backend = heapBackend(backendArg);
  const plainA = transposeA ? transposeInner(transpose, backendArg, a) : a;
  const plainB = transposeB ? transposeInner(transpose, backendArg, b) : b;
  try {
    const [batchA, m, k] = plainA.shape;
    const [batchB, , n] = plainB.shape;
    if (!rowwise) return product(plainA, plainB);
    if (batchB === 1) {
      const out = product(withShape(plainA, [1, batchA * m, k]), plainB);
      return withShape(out, [batchA, m, n]);
    }
    if (batchA !== 1 && batchA !== batchB) return product(plainA, plainB);
    const out = backend.makeOutput([batchB, m, n], 'float32');
    for (let entry = 0; entry < batchB; entry++) {
      const entryA = batchA === 1 ? plainA : heapSlice(backend, plainA, [entry, 0, 0], [1, m, k]);
      const entryB = heapSlice(backend, plainB, [entry, 0, 0], [1, k, n]);
      const entryOut = product(entryA, entryB);
      backend.typedArrayFromHeap(out).set(backend.typedArrayFromHeap(entryOut), entry * m * n);
      for (const info of [entryOut, entryB, ...(entryA === plainA ? [] : [entryA])]) backend.disposeData(info.dataId);
    }
    return out;
  } finally {
    if (plainA !== a) backend.disposeData(plainA.dataId);
    if (plainB !== b) backend.disposeData(plainB.dataId);
  }
}
