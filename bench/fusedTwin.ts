import * as tf from '@tensorflow/tfjs';
import { FusedRecurrentStack } from '../src/core/fused/fusedRecurrentStack';

const RECURRENT = new Set(['SimpleRNN', 'LSTM', 'GRU', 'Dropout']);

/** A head layer of the benchmark models: Flatten, Dense or TimeDistributed(Dense), linear. */
type HeadStep = (x: tf.Tensor) => tf.Tensor;

/** x·kernel + bias over the last axis of x, any rank. */
function dense(kernel: tf.Variable, bias: tf.Variable): HeadStep {
  return (x) => {
    const rows = tf.reshape<tf.Rank.R2>(x, [-1, kernel.shape[0]]);
    const out = tf.fused.matMul({ a: rows, b: kernel, bias });
    return tf.reshape(out, [...x.shape.slice(0, -1), kernel.shape[1] as number]);
  };
}

/**
 * The fused twin of a benchmark's tfjs-layers Sequential model: its recurrent (and Dropout)
 * layers as a FusedRecurrentStack, then its head (Flatten / linear Dense / TimeDistributed
 * Dense) as plain ops on variables sharing the model's starting weights.
 */
export class FusedTwin {
  private constructor(
    private readonly stack: FusedRecurrentStack,
    private readonly head: HeadStep[],
    private readonly headVariables: tf.Variable[],
  ) {}

  static of(model: tf.Sequential): FusedTwin {
    const split = model.layers.findIndex((layer) => !RECURRENT.has(layer.getClassName()));
    const stack = FusedRecurrentStack.fromLayers(model.layers.slice(0, split));
    const head: HeadStep[] = [];
    const variables: tf.Variable[] = [];
    for (const layer of model.layers.slice(split)) {
      if (layer.getClassName() === 'Flatten') {
        head.push((x) => tf.reshape(x, [x.shape[0], -1]));
        continue;
      }
      const [kernel, bias] = layer.getWeights().map((weight) => tf.variable(weight));
      variables.push(kernel, bias);
      head.push(dense(kernel, bias));
    }
    return new FusedTwin(stack, head, variables);
  }

  get trainableVariables(): tf.Variable[] {
    return [...this.stack.trainableVariables, ...this.headVariables];
  }

  predict(x: tf.Tensor3D, training: boolean): tf.Tensor {
    return this.head.reduce((out, step) => step(out), this.stack.forward(x, { training }));
  }

  dispose(): void {
    this.stack.dispose();
    tf.dispose(this.headVariables);
  }
}
