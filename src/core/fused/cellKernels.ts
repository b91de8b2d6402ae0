import type * as tf from '@tensorflow/tfjs';
import type { CellActivations } from './config';

/**
 * The per-cell part of a fused recurrent layer. Tensors are time-major: step t of a batch is
 * the contiguous block [t] of a [time, batch, ...] tensor. `xp` is the input projection
 * x·kernel + bias of every step (one matMul, done by the caller), [time, batch, gates·units];
 * `recurrent` is the recurrent kernel [units, gates·units] in tfjs-layers' layout.
 */
export interface CellKernels {
  /** State tensors of a layer: [h] (SimpleRNN, GRU) or [h, c] (LSTM), each [batch, units]. */
  stateSize: number;
  /**
   * Runs every step from a zero state: one matMul per step. Returns the hidden state of
   * each step and what `backward` needs besides the input and those states.
   */
  forward(xp: tf.Tensor, recurrent: tf.Tensor, activations: CellActivations): { hs: tf.Tensor[]; saved: tf.Tensor[] };
  /**
   * Backpropagation through time. `dhs[t]` is the loss gradient reaching the output h of
   * step t from outside the layer (null: none); `hiddens` [time, batch, units] are the
   * states the forward pass made. Returns the gradient of the input projection (which the
   * caller turns into the kernel, bias and input gradients with matMuls over all steps)
   * and of the recurrent kernel, accumulated with one matMul over all steps.
   */
  backward(
    dhs: ReadonlyArray<tf.Tensor | null>,
    hiddens: tf.Tensor,
    saved: tf.Tensor[],
    recurrent: tf.Tensor,
    activations: CellActivations,
  ): { dxp: tf.Tensor; dRecurrent: tf.Tensor };
  /** One step from `state` (inference: generation, forecasting); returns the new state, h first. */
  step(xp: tf.Tensor, state: tf.Tensor[], recurrent: tf.Tensor, activations: CellActivations): tf.Tensor[];
}
