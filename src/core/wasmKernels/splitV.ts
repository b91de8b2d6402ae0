import * as tf from '@tensorflow/tfjs';
import { heapBackend } from './heapBackend';
import { heapSlice } from './heapSlice';

/**
 * `SplitV` (`tf.split`) for wasm: each part copies only its own slice (the original reads the
 * whole input out of the heap once per part). Strings keep the original kernel.
 */
export function fixedSplitV(original: tf.KernelConfig): tf.KernelConfig {
  const kernelFunc: tf.KernelFunc = (args) => {
    const x = args.inputs.x as tf.TensorInfo;
    if (x.dtype === 'string') return original.kernelFunc(args);
    const { numOrSizeSplits, axis: requested } = args.attrs as unknown as tf.SplitVAttrs;
    const axis = tf.util.parseAxisParam(requested, x.shape)[0];
    const sizes = tf.backend_util.prepareSplitSize(x, numOrSizeSplits, axis);
    const begin = new Array<number>(x.shape.length).fill(0);
    const backend = heapBackend(args.backend);
    return sizes.map((part) => {
      const size = [...x.shape];
      size[axis] = part;
      const out = heapSlice(backend, x, begin, size);
      begin[axis] += part;
      return out;
    });
  };
  return { ...original, kernelFunc };
}
