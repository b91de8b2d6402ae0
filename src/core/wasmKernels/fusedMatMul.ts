import * as tf from '@tensorflow/tfjs';
import { xnnpackProduct } from './xnnpackProduct';

/**
 * `_FusedMatMul` (matMul + bias + activation, as `tf.fused.matMul` and the layers' Dense
 * use) for wasm that always reaches XNNPACK (see xnnpackProduct). Operands are 3-D, as
 * tfjs-core passes them; the bias and activation are applied by the original kernel, per
 * row of the output (which also avoids the original's batched path: with a batch above 1 it
 * adds the bias to the wrong entries). PReLU weights of rank 2 or more keep the batch.
 */
export function fixedFusedMatMul(original: tf.KernelConfig, transpose: tf.KernelFunc): tf.KernelConfig {
  const kernelFunc: tf.KernelFunc = (args) => {
    const { bias, preluActivationWeights } = args.inputs;
    const a = args.inputs.a as tf.TensorInfo;
    const b = args.inputs.b as tf.TensorInfo;
    if (a.dtype !== 'float32' || b.dtype !== 'float32' || a.shape.length !== 3 || b.shape.length !== 3) {
      return original.kernelFunc(args);
    }
    const attrs = args.attrs as unknown as tf._FusedMatMulAttrs;
    const plainAttrs = { ...attrs, transposeA: false, transposeB: false } as unknown as tf.NamedAttrMap;
    const rowwise = preluActivationWeights === undefined || preluActivationWeights.shape.length <= 1;
    return xnnpackProduct(args.backend, transpose, a, b, attrs.transposeA, attrs.transposeB, rowwise, (x, y) =>
      original.kernelFunc({
        inputs: { a: x, b: y, ...(bias ? { bias } : {}), ...(preluActivationWeights ? { preluActivationWeights } : {}) },
        backend: args.backend,
        attrs: plainAttrs,
      }) as tf.TensorInfo,
    );
  };
  return { ...original, kernelFunc };
}
