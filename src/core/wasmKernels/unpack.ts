import * as tf from '@tensorflow/tfjs';
import { heapBackend } from './heapBackend';
import { heapSlice } from './heapSlice';

/**
 * `Unpack` (`tf.unstack`) for wasm: each output copies only its own slice (the original reads
 * the whole input out of the heap once per output). Strings keep the original kernel.
 */
export function fixedUnpack(original: tf.KernelConfig): tf.KernelConfig {
  const kernelFunc: tf.KernelFunc = (args) => {
    const value = args.inputs.value as tf.TensorInfo;
    if (value.dtype === 'string') return original.kernelFunc(args);
    const rank = value.shape.length;
    const { axis: requested } = args.attrs as unknown as tf.UnpackAttrs;
    const axis = requested < 0 ? requested + rank : requested;
    const outShape = value.shape.filter((_, index) => index !== axis);
    const begin = new Array<number>(rank).fill(0);
    const size = [...value.shape];
    size[axis] = 1;
    const backend = heapBackend(args.backend);
    return Array.from({ length: value.shape[axis] }, (_, index) => {
      begin[axis] = index;
      return heapSlice(backend, value, begin, size, outShape);
    });
  };
  return { ...original, kernelFunc };
}
