import * as tf from '@tensorflow/tfjs';
import { FusedRecurrentStack, type StackState } from '../fused/fusedRecurrentStack';

/**
 * The character model of buildTextModel (recurrent layers, then a timeDistributed dense
 * head giving logits) run by the fused layers, for training and for generation. Its
 * variables start out sharing the layers model's weights; copyInto() puts them back, so
 * what is saved stays a standard tfjs-layers model.
 */
export class FusedTextModel {
  private constructor(
    private readonly stack: FusedRecurrentStack,
    private readonly headKernel: tf.Variable,
    private readonly headBias: tf.Variable,
  ) {}

  /** The fused twin of a model built by buildTextModel (or loaded from its saved form). */
  static fromLayersModel(model: tf.LayersModel): FusedTextModel {
    const head = model.layers[model.layers.length - 1];
    if (head.getClassName() !== 'TimeDistributed') throw new Error(`The text model ends in ${head.getClassName()}, not a timeDistributed dense layer.`);
    const stack = FusedRecurrentStack.fromLayers(model.layers.slice(0, -1));
    const [kernel, bias] = head.getWeights();
    return new FusedTextModel(stack, tf.variable(kernel), tf.variable(bias));
  }

  /** All weights as variables, in the layers model's getWeights() order. */
  get trainableVariables(): tf.Variable[] {
    return [...this.stack.trainableVariables, this.headKernel, this.headBias];
  }

  /** Logits of the head applied to hidden states [rows, units] -> [rows, V]. */
  private head(hidden: tf.Tensor2D): tf.Tensor2D {
    return tf.fused.matMul({ a: hidden, b: this.headKernel as tf.Tensor2D, bias: this.headBias }) as tf.Tensor2D;
  }

  /** One-hot inputs [batch, time, V] -> logits [batch, time, V], from a zero state. */
  logits(inputs: tf.Tensor3D, training = false): tf.Tensor3D {
    return tf.tidy(() => {
      const [batch, time] = inputs.shape;
      const hidden = this.stack.forward(inputs, { training });
      return tf.reshape(this.head(tf.reshape(hidden, [batch * time, this.stack.outputSize])), [batch, time, -1]);
    });
  }

  /** A zero state for `batch` sequences. */
  zeroState(batch: number): StackState {
    return this.stack.zeroState(batch);
  }

  /** One step: one-hot x [batch, V] from `state` -> logits [batch, V] and the new state. */
  step(x: tf.Tensor2D, state: StackState): { logits: tf.Tensor2D; state: StackState } {
    const next = this.stack.step(x, state);
    const logits = tf.tidy(() => this.head(next.output));
    next.output.dispose();
    return { logits, state: next.state };
  }

  /** Writes the weights into `model` (one built like this one's source). */
  copyInto(model: tf.LayersModel): void {
    model.setWeights(this.trainableVariables);
  }

  dispose(): void {
    this.stack.dispose();
    tf.dispose([this.headKernel, this.headBias]);
  }
}
