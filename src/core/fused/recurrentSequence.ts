import * as tf from '@tensorflow/tfjs';
import type { CellKernels } from './cellKernels';
import type { CellActivations } from './config';

/** A layer's weights in tfjs-layers' layout: kernel [in, G·u], recurrent kernel [u, G·u], bias [G·u]. */
export interface RecurrentWeights {
  kernel: tf.Tensor2D;
  recurrentKernel: tf.Tensor2D;
  bias: tf.Tensor1D;
}

export interface SequenceOptions {
  /** Whether to return every step's state ([time, batch, units]) or the last ([batch, units]). */
  returnSequences: boolean;
  /** Whether gradients flow back into `x` (false for data, e.g. the first layer's input). */
  inputGradient: boolean;
}

/**
 * One recurrent layer over a whole time-major sequence x [time, batch, in], from a zero
 * state, as a single differentiable op (tf.customGrad):
 *   forward   xp = x·kernel + bias for all steps in one matMul, then `cell.forward` (one
 *             matMul per step for the recurrence);
 *   backward  `cell.backward` through time, then the kernel, bias and input gradients from
 *             all steps at once: dKernel = xᵀ·dxp, dBias = 1ᵀ·dxp (a matMul: wasm's Sum
 *             over the first axis transposes first, 30x slower), dx = dxp·kernelᵀ.
 * Gradients go to the weights (and to x with `inputGradient`); intermediate tensors are
 * freed when each pass ends.
 */
export function recurrentSequence(
  cell: CellKernels,
  x: tf.Tensor3D,
  weights: RecurrentWeights,
  activations: CellActivations,
  { returnSequences, inputGradient }: SequenceOptions,
): tf.Tensor {
  const [time, batch, inputSize] = x.shape;
  const op = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const [kernel, recurrentKernel, bias] = args as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D];
    const save = args[args.length - 1] as tf.GradSaveFunc;
    const rows = tf.reshape<tf.Rank.R2>(x, [time * batch, inputSize]);
    const width = kernel.shape[1];
    const xp = tf.reshape<tf.Rank.R3>(tf.fused.matMul({ a: rows, b: kernel, bias }), [time, batch, width]);
    const { hs, saved } = cell.forward(xp, recurrentKernel, activations);
    const hiddens = tf.stack(hs) as tf.Tensor3D;
    save([rows, hiddens, ...saved]);
    return {
      value: returnSequences ? hiddens : hs[time - 1],
      gradFunc: (dy: tf.Tensor, savedTensors: tf.Tensor[]) =>
        tf.tidy(() => {
          const [savedRows, savedHiddens, ...cellSaved] = savedTensors as [tf.Tensor2D, tf.Tensor3D, ...tf.Tensor[]];
          const dhs: Array<tf.Tensor2D | null> = returnSequences
            ? (tf.unstack(dy) as tf.Tensor2D[])
            : Array.from({ length: time }, (_, t) => (t === time - 1 ? (dy as tf.Tensor2D) : null));
          const { dxp, dRecurrent } = cell.backward(dhs, savedHiddens, cellSaved, recurrentKernel, activations);
          const dxpRows = tf.reshape<tf.Rank.R2>(dxp, [time * batch, width]);
          const dBias = tf.reshape(tf.matMul(tf.ones([1, time * batch]), dxpRows), [width]);
          const grads = [tf.matMul(savedRows, dxpRows, true, false), dRecurrent, dBias];
          if (inputGradient) grads.push(tf.reshape(tf.matMul(dxpRows, kernel, false, true), [time, batch, inputSize]));
          return grads;
        }),
    };
  });
  const { kernel, recurrentKernel, bias } = weights;
  return inputGradient ? op(kernel, recurrentKernel, bias, x) : op(kernel, recurrentKernel, bias);
}
