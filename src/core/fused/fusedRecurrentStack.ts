import * as tf from '@tensorflow/tfjs';
import type { SeededRandom } from '../random';
import type { StackConfig } from './config';
import { FusedRecurrentLayer } from './fusedRecurrentLayer';
import { readLayersStack } from './layersInterop';

/** The carried state of a stack: each layer's [h] or [h, c], each [batch, units]. */
export type StackState = tf.Tensor2D[][];

export interface ForwardOptions {
  /** Applies the dropout between layers (default false). */
  training?: boolean;
  /** Seeds each dropout mask, so training is reproducible (without it, masks are unseeded). */
  random?: SeededRandom;
  /** Lets gradients flow back into the input (default false: the input is data). */
  inputGradient?: boolean;
}

/**
 * A stack of fused recurrent layers (SimpleRNN / LSTM / GRU) with tfjs-layers semantics:
 * zero initial state, every layer but the last returning its sequence, optional Dropout
 * after each layer while training. Batch-major at its edges like tfjs-layers, time-major
 * inside (a step is then one contiguous block). Owns its variables; dispose() frees them.
 */
export class FusedRecurrentStack {
  readonly layers: FusedRecurrentLayer[];

  /** @param weights Each layer's [kernel, recurrentKernel, bias] (copied), tfjs-layers' layout. */
  constructor(readonly config: StackConfig, weights: readonly tf.Tensor[][]) {
    if (weights.length !== config.layers.length) throw new Error(`${config.layers.length} layers need ${config.layers.length} weight triples, not ${weights.length}.`);
    this.layers = [];
    try {
      config.layers.forEach((layer, index) => {
        const inputSize = index === 0 ? config.inputSize : config.layers[index - 1].units;
        if (weights[index][0]?.shape[0] !== inputSize) throw new Error(`Layer ${index + 1}'s kernel must have ${inputSize} rows.`);
        this.layers.push(new FusedRecurrentLayer(layer, weights[index]));
      });
    } catch (error) {
      this.dispose();
      throw error;
    }
  }

  /**
   * A stack equivalent to built tfjs-layers SimpleRNN / LSTM / GRU layers, each optionally
   * followed by a Dropout layer, with copies of their weights (see readLayersStack).
   */
  static fromLayers(layers: readonly tf.layers.Layer[]): FusedRecurrentStack {
    const { config, weights } = readLayersStack(layers);
    return new FusedRecurrentStack(config, weights);
  }

  /** Units of the last layer: the width of the output. */
  get outputSize(): number {
    return this.config.layers[this.config.layers.length - 1].units;
  }

  /** Every layer's [kernel, recurrentKernel, bias], in tfjs-layers' getWeights() order. */
  get trainableVariables(): tf.Variable[] {
    return this.layers.flatMap((layer) => layer.variables);
  }

  /** Copies of the weights, in tfjs-layers' getWeights() order; the caller disposes them. */
  getWeights(): tf.Tensor[] {
    return this.trainableVariables.map((variable) => variable.clone());
  }

  /** Assigns weights given in tfjs-layers' getWeights() order (shapes must match). */
  setWeights(weights: readonly tf.Tensor[]): void {
    const variables = this.trainableVariables;
    if (weights.length !== variables.length) throw new Error(`Expected ${variables.length} weights, got ${weights.length}.`);
    variables.forEach((variable, index) => variable.assign(weights[index]));
  }

  /**
   * x [batch, time, inputSize] -> [batch, time, units] with returnSequences, else
   * [batch, units] (the last step). Differentiable with respect to the variables.
   */
  forward(x: tf.Tensor3D, { training = false, random, inputGradient = false }: ForwardOptions = {}): tf.Tensor {
    return tf.tidy(() => {
      let sequence = tf.transpose<tf.Tensor3D>(x, [1, 0, 2]);
      this.layers.forEach((layer, index) => {
        const last = index === this.layers.length - 1;
        const returnSequences = !last || this.config.returnSequences;
        const output = layer.sequence(sequence, { returnSequences, inputGradient: index > 0 || inputGradient });
        const rate = layer.config.dropout;
        sequence = (training && rate > 0 ? tf.dropout(output, rate, undefined, random?.nextInt(2 ** 31)) : output) as tf.Tensor3D;
      });
      return this.config.returnSequences ? tf.transpose(sequence, [1, 0, 2]) : sequence;
    });
  }

  /** A zero state for `batch` sequences (what forward starts from). */
  zeroState(batch: number): StackState {
    return this.layers.map((layer) => layer.zeroState(batch));
  }

  /**
   * One time step x [batch, inputSize] from `state`: the last layer's output [batch, units]
   * and the new state. Inference (no dropout); `state` is left to the caller to dispose.
   */
  step(x: tf.Tensor2D, state: StackState): { output: tf.Tensor2D; state: StackState } {
    const next: StackState = [];
    let input = x;
    this.layers.forEach((layer, index) => {
      next.push(layer.step(input, state[index]));
      input = next[index][0];
    });
    return { output: input.clone(), state: next };
  }

  dispose(): void {
    for (const layer of this.layers) layer.dispose();
  }
}
