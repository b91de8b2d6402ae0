import * as tf from '@tensorflow/tfjs';
import { withShape, xnnpackProduct } from './xnnpackProduct';

/**
 * `BatchMatMul` for wasm that always reaches XNNPACK (see xnnpackProduct): every matMul
 * gradient is a transposed product, which tfjs-backend-wasm 4.22 runs in a naive loop.
 * Operands of any rank >= 2 are seen as [batch, rows, columns], as the original kernel does.
 */
export function fixedBatchMatMul(original: tf.KernelConfig, transpose: tf.KernelFunc): tf.KernelConfig {
  const kernelFunc: tf.KernelFunc = (args) => {
    const a = args.inputs.a as tf.TensorInfo;
    const b = args.inputs.b as tf.TensorInfo;
    if (a.dtype !== 'float32' || b.dtype !== 'float32') return original.kernelFunc(args);
    const { transposeA, transposeB } = args.attrs as unknown as tf.BatchMatMulAttrs;
    const as3d = (x: tf.TensorInfo) => withShape(x, [tf.util.sizeFromShape(x.shape.slice(0, -2)), ...x.shape.slice(-2)]);
    const a3d = as3d(a);
    const b3d = as3d(b);
    const rows = transposeA ? a3d.shape[2] : a3d.shape[1];
    const columns = transposeB ? b3d.shape[1] : b3d.shape[2];
    const batchShape = tf.broadcast_util.assertAndGetBroadcastShape(a.shape.slice(0, -2), b.shape.slice(0, -2));
    const plainAttrs = { transposeA: false, transposeB: false };
    const out = xnnpackProduct(args.backend, transpose, a3d, b3d, transposeA, transposeB, true, (x, y) =>
      original.kernelFunc({ inputs: { a: x, b: y }, backend: args.backend, attrs: plainAttrs }) as tf.TensorInfo,
    );
    return withShape(out, [...batchShape, rows, columns]);
  };
  return { ...original, kernelFunc };
}
