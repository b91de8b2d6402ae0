import * as tf from '@tensorflow/tfjs';
import type { StackState } from '../fused/fusedRecurrentStack';
import { FusedStackWithHead } from '../fused/fusedStackWithHead';
import type { SeededRandom } from '../random';
import { inferenceRows, type LayerSize, type NetShape } from '../training/memoryEstimate';
import type { Windows } from './windows';

/** How a recursive forecast feeds its own predictions back. */
export type RolloutMode =
  /** Step the recurrent cells once per new value, carrying their state (recurrent models). */
  | 'state'
  /** Run the model on the latest `window` values for every step (any model). */
  | 'window';

/**
 * A forecasting network being trained or used: windows [batch, W, F] (each step's scaled
 * value, then its F - 1 covariates) -> the next scaled value [batch, 1]. Implemented by the tfjs-layers model itself (MLP) or by the
 * fused recurrent layers sharing its weights (SimpleRNN / LSTM / GRU, ~10x faster on wasm).
 */
export interface ForecastNet {
  /** The weights training updates, in the layers model's getWeights() order. */
  readonly trainableVariables: tf.Variable[];
  /** Whether rollout can carry recurrent state. */
  readonly recurrent: boolean;
  /** Its layers and what its head reads, for the memory estimate (see NetShape). */
  readonly layers: readonly LayerSize[];
  readonly head: NetShape['head'];
  /** x [batch, W, F] -> [batch, 1]; `training` applies dropout, its masks seeded by `random`. */
  predict(x: tf.Tensor3D, training?: boolean, random?: SeededRandom): tf.Tensor2D;
  /**
   * `horizon` values after `window` ([W · F]: W steps of F inputs), each predicted from what
   * came before, predictions included, each fed back beside its covariate row of `rows`
   * ([horizon · (F - 1)], see rolloutRows). 'state' (recurrent nets only): the cells run over the window from a
   * zero state — so the first value is exactly predict(window) — then one step per predicted
   * value with the state carried on, O(1) per step; the state then holds more than W values of
   * history. 'window': predict() on the latest W values each step, as in training.
   */
  rollout(window: Float32Array, features: number, horizon: number, rows: Float32Array, mode?: RolloutMode): Float32Array;
  /** Puts the trained weights into the layers model (a no-op when it is the model itself). */
  writeBack(): void;
  /** Frees what the net made (not the layers model). */
  dispose(): void;
}

/** The step fed back after prediction `k`: its value beside covariate row `k` of `rows`. [F] */
function feedback(value: number, rows: Float32Array, k: number, features: number): Float32Array {
  const step = new Float32Array(features);
  step[0] = value;
  step.set(rows.subarray(k * (features - 1), (k + 1) * (features - 1)), 1);
  return step;
}

/** Predicts `horizon` values by sliding the window over its own predictions (see ForecastNet.rollout). */
function slidingRollout(net: ForecastNet, window: Float32Array, features: number, horizon: number, rows: Float32Array): Float32Array {
  const steps = window.length / features;
  const history = new Float32Array(window.length + horizon * features);
  history.set(window);
  const predictions = new Float32Array(horizon);
  for (let k = 0; k < horizon; k++) {
    const prediction = tf.tidy(() => net.predict(tf.tensor3d(history.subarray(k * features, (k + steps) * features), [1, steps, features])));
    predictions[k] = prediction.dataSync()[0];
    prediction.dispose();
    history.set(feedback(predictions[k], rows, k, features), (steps + k) * features);
  }
  return predictions;
}

/** A tfjs-layers model trained as it is (the MLP: its Dense layers are already few large kernels). */
class LayersForecastNet implements ForecastNet {
  readonly recurrent = false;
  readonly trainableVariables: tf.Variable[];
  readonly layers: LayerSize[];
  readonly head = 'flatten';

  constructor(private readonly model: tf.LayersModel) {
    this.trainableVariables = model.trainableWeights.map((weight) => weight.read() as tf.Variable);
    // Its Dense layers but the head, each applied to every step.
    this.layers = model.layers.filter((layer) => layer.getClassName() === 'Dense').slice(0, -1).map((layer) => ({ kind: 'dense', units: layer.getConfig().units as number }));
  }

  predict(x: tf.Tensor3D, training = false): tf.Tensor2D {
    return this.model.apply(x, { training }) as tf.Tensor2D;
  }

  rollout(window: Float32Array, features: number, horizon: number, rows: Float32Array): Float32Array {
    return slidingRollout(this, window, features, horizon, rows);
  }

  writeBack(): void {}

  dispose(): void {}
}

/**
 * Recurrent layers (+ Dropout) and the model's Dense head run by a FusedStackWithHead: Flatten +
 * Dense over every step's output (the tutorial recipe's SimpleRNN model), or Dense on the last step.
 */
class FusedForecastNet implements ForecastNet {
  readonly recurrent = true;
  readonly layers: LayerSize[];
  readonly head: NetShape['head'];

  constructor(
    private readonly model: tf.LayersModel,
    private readonly fused: FusedStackWithHead,
  ) {
    this.layers = fused.stack.config.layers.map(({ cell, units }) => ({ kind: cell, units }));
    this.head = fused.headInput === 'flatten' ? 'flatten' : 'last';
  }

  get trainableVariables(): tf.Variable[] {
    return this.fused.trainableVariables;
  }

  predict(x: tf.Tensor3D, training = false, random?: SeededRandom): tf.Tensor2D {
    return this.fused.forward(x, { training, random }) as tf.Tensor2D;
  }

  rollout(window: Float32Array, features: number, horizon: number, rows: Float32Array, mode: RolloutMode = 'state'): Float32Array {
    if (mode === 'window') return slidingRollout(this, window, features, horizon, rows);
    const size = window.length / features;
    const flatten = this.fused.headInput === 'flatten';
    let state: StackState = this.fused.zeroState(1);
    /** The last `size` outputs of the top layer (all the flatten head needs), oldest first. */
    const outputs: tf.Tensor2D[] = [];
    const feed = (step: Float32Array) => {
      const x = tf.tensor2d(step, [1, features]);
      const next = this.fused.stepStack(x, state);
      x.dispose();
      tf.dispose(state);
      state = next.state;
      outputs.push(next.output);
      if (outputs.length > (flatten ? size : 1)) outputs.shift()?.dispose();
    };
    const predictions = new Float32Array(horizon);
    try {
      for (let k = 0; k < size; k++) feed(window.subarray(k * features, (k + 1) * features));
      for (let k = 0; k < horizon; k++) {
        const prediction = tf.tidy(() => this.fused.head(flatten ? tf.concat<tf.Tensor2D>(outputs, 1) : outputs[0]));
        predictions[k] = prediction.dataSync()[0];
        prediction.dispose();
        if (k < horizon - 1) feed(feedback(predictions[k], rows, k, features));
      }
    } finally {
      tf.dispose(state);
      tf.dispose(outputs);
    }
    return predictions;
  }

  writeBack(): void {
    this.fused.writeInto(this.model);
  }

  dispose(): void {
    this.fused.dispose();
  }
}

const RECURRENT_CLASSES = ['SimpleRNN', 'LSTM', 'GRU'];

/**
 * The net that trains and runs `model` (built by buildForecastModel or loaded from its saved
 * form): fused recurrent layers when it has recurrent layers, else the model itself. The
 * fused net starts from copies of the model's weights; writeBack() returns them.
 */
export function forecastNetFor(model: tf.LayersModel): ForecastNet {
  const layers = model.layers;
  if (!layers.some((layer) => RECURRENT_CLASSES.includes(layer.getClassName()))) return new LayersForecastNet(model);
  return new FusedForecastNet(model, FusedStackWithHead.fromLayersModel(model));
}

/** Windows of `windows` that `net` runs at once without gradients: `preferred`, fewer where that many would not fit (see inferenceRows). */
export function forwardRows(net: ForecastNet, windows: Pick<Windows, 'window' | 'features'>, preferred: number): number {
  return inferenceRows({ steps: windows.window, inputs: windows.features, layers: net.layers, head: net.head, outputs: 1 }, preferred);
}

/** Predictions of `net` for the windows `windows`, in batches of `preferred` (fewer for a net too big for that many): [count]. */
export function predictWindows(net: ForecastNet, windows: Windows, preferred = 256): Float32Array {
  const { inputs, count, window, features } = windows;
  const batchSize = forwardRows(net, windows, preferred);
  const size = window * features;
  const out = new Float32Array(count);
  for (let start = 0; start < count; start += batchSize) {
    const rows = Math.min(batchSize, count - start);
    const batch = tf.tidy(() => net.predict(tf.tensor3d(inputs.subarray(start * size, (start + rows) * size), [rows, window, features])));
    out.set(batch.dataSync(), start);
    batch.dispose();
  }
  return out;
}
