import * as tf from '@tensorflow/tfjs';
import { FusedRecurrentStack, type ForwardOptions, type StackState } from './fusedRecurrentStack';

/**
 * What the Dense head is applied to:
 * - 'steps'    the stack's output as it is: each time step when it returns sequences (the
 *              text model's timeDistributed dense, or a Dense on a sequence), else the last step
 * - 'flatten'  every step's output side by side (Flatten + Dense, the tutorial's SimpleRNN model)
 */
export type HeadInput = 'steps' | 'flatten';

/**
 * A model of recurrent layers (+ Dropout) and a Dense head, run by the fused layers for
 * training and inference: the text model (recurrent layers -> timeDistributed dense logits)
 * and the recurrent forecasting models (-> [Flatten ->] Dense(1)). Its variables start as
 * copies of the tfjs-layers model's weights; writeInto() puts them back, so what is saved
 * stays a standard tfjs-layers model. Owns its variables; dispose() frees them.
 */
export class FusedStackWithHead {
  private constructor(
    readonly stack: FusedRecurrentStack,
    private readonly kernel: tf.Variable,
    private readonly bias: tf.Variable,
    readonly headInput: HeadInput,
  ) {}

  /**
   * The fused twin of a tfjs-layers model made of SimpleRNN / LSTM / GRU layers (each
   * optionally followed by Dropout, see readLayersStack), then an optional Flatten, then a
   * Dense or timeDistributed Dense head.
   */
  static fromLayersModel(model: tf.LayersModel): FusedStackWithHead {
    const layers = model.layers;
    const head = layers[layers.length - 1];
    if (head === undefined || !['Dense', 'TimeDistributed'].includes(head.getClassName())) {
      throw new Error(`The model ends in ${head?.getClassName() ?? 'nothing'}, not a Dense or timeDistributed dense layer.`);
    }
    const flatten = layers[layers.length - 2]?.getClassName() === 'Flatten';
    const stack = FusedRecurrentStack.fromLayers(layers.slice(0, flatten ? -2 : -1));
    const [kernel, bias] = head.getWeights();
    return new FusedStackWithHead(stack, tf.variable(kernel), tf.variable(bias), flatten ? 'flatten' : 'steps');
  }

  /** All weights as variables, in the layers model's getWeights() order. */
  get trainableVariables(): tf.Variable[] {
    return [...this.stack.trainableVariables, this.kernel, this.bias];
  }

  /** The head on features [rows, F] -> [rows, outputs]; F = units, or time · units with 'flatten'. */
  head(features: tf.Tensor2D): tf.Tensor2D {
    return tf.fused.matMul({ a: features, b: this.kernel, bias: this.bias }) as tf.Tensor2D;
  }

  /**
   * x [batch, time, inputSize] from a zero state -> [batch, time, outputs] when the head is
   * applied to each step of a returned sequence, else [batch, outputs]. Differentiable with
   * respect to the variables; `options` as the stack's (dropout while training).
   */
  forward(x: tf.Tensor3D, options: ForwardOptions = {}): tf.Tensor {
    return tf.tidy(() => {
      const [batch, time] = x.shape;
      const out = this.stack.forward(x, options);
      if (this.headInput === 'flatten') return this.head(tf.reshape(out, [batch, -1]));
      if (out.rank === 2) return this.head(out as tf.Tensor2D);
      return tf.reshape(this.head(tf.reshape(out, [batch * time, this.stack.outputSize])), [batch, time, -1]);
    });
  }

  /** A zero state for `batch` sequences (what forward starts from). */
  zeroState(batch: number): StackState {
    return this.stack.zeroState(batch);
  }

  /**
   * One time step of the stack, without the head: the top layer's output [batch, units] and
   * the new state (see FusedRecurrentStack.step); what a 'flatten' head is fed step by step.
   */
  stepStack(x: tf.Tensor2D, state: StackState): { output: tf.Tensor2D; state: StackState } {
    return this.stack.step(x, state);
  }

  /**
   * One time step through stack and head ('steps' heads): x [batch, inputSize] from `state`
   * -> the head's output [batch, outputs] and the new state; `state` is left to the caller.
   */
  step(x: tf.Tensor2D, state: StackState): { output: tf.Tensor2D; state: StackState } {
    if (this.headInput === 'flatten') throw new Error('A Flatten head needs every step: use stepStack() and head().');
    const next = this.stack.step(x, state);
    const output = tf.tidy(() => this.head(next.output));
    next.output.dispose();
    return { output, state: next.state };
  }

  /** Writes the weights into `model` (the one this was made from, or one built like it). */
  writeInto(model: tf.LayersModel): void {
    model.setWeights(this.trainableVariables);
  }

  dispose(): void {
    this.stack.dispose();
    tf.dispose([this.kernel, this.bias]);
  }
}
