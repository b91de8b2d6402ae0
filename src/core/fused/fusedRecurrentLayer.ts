import * as tf from '@tensorflow/tfjs';
import { CELLS } from './cells';
import { GATES, type RecurrentLayerConfig } from './config';
import { recurrentSequence, type SequenceOptions } from './recurrentSequence';

/**
 * One fused recurrent layer: its config and its weights as variables in tfjs-layers' layout,
 * kernel [in, G·u], recurrentKernel [u, G·u], bias [G·u] (G = 1, 4 or 3 gate blocks).
 */
export class FusedRecurrentLayer {
  readonly kernel: tf.Variable;
  readonly recurrentKernel: tf.Variable;
  readonly bias: tf.Variable;

  /** New variables holding `weights` ([kernel, recurrentKernel, bias], tfjs-layers' order; they share the data, so the originals may be disposed). */
  constructor(readonly config: RecurrentLayerConfig, weights: readonly tf.Tensor[]) {
    const { cell, units } = config;
    const width = GATES[cell] * units;
    const [kernel, recurrentKernel, bias] = weights;
    const fits =
      weights.length === 3 &&
      kernel.rank === 2 &&
      kernel.shape[1] === width &&
      recurrentKernel.rank === 2 &&
      recurrentKernel.shape[0] === units &&
      recurrentKernel.shape[1] === width &&
      bias.rank === 1 &&
      bias.shape[0] === width;
    if (!fits) {
      const shapes = weights.map((weight) => `[${weight.shape.join(', ')}]`).join(', ');
      throw new Error(`A ${cell} layer of ${units} units needs [in, ${width}], [${units}, ${width}], [${width}] weights, not ${shapes}.`);
    }
    this.kernel = tf.variable(kernel);
    this.recurrentKernel = tf.variable(recurrentKernel);
    this.bias = tf.variable(bias);
  }

  /** [kernel, recurrentKernel, bias]: the variables themselves, in tfjs-layers' order. */
  get variables(): tf.Variable[] {
    return [this.kernel, this.recurrentKernel, this.bias];
  }

  /** The whole time-major sequence x [time, batch, in] -> [time, batch, u] or [batch, u], differentiably. */
  sequence(x: tf.Tensor3D, options: SequenceOptions): tf.Tensor {
    const weights = {
      kernel: this.kernel as tf.Tensor2D,
      recurrentKernel: this.recurrentKernel as tf.Tensor2D,
      bias: this.bias as tf.Tensor1D,
    };
    return recurrentSequence(CELLS[this.config.cell], x, weights, this.config, options);
  }

  /** A zero state for `batch` sequences: [h] or [h, c], each [batch, u]. */
  zeroState(batch: number): tf.Tensor2D[] {
    return Array.from({ length: CELLS[this.config.cell].stateSize }, () => tf.zeros([batch, this.config.units]));
  }

  /** One step x [batch, in] from `state`; returns the new state (h first). Inference only. */
  step(x: tf.Tensor2D, state: tf.Tensor2D[]): tf.Tensor2D[] {
    return tf.tidy(() => {
      const xp = tf.fused.matMul({ a: x, b: this.kernel, bias: this.bias });
      return CELLS[this.config.cell].step(xp, state, this.recurrentKernel, this.config) as tf.Tensor2D[];
    });
  }

  dispose(): void {
    tf.dispose(this.variables);
  }
}
