import * as tf from '@tensorflow/tfjs';
import type { PresetName } from './presetNames';

/**
 * The forecasting models a user picks from:
 * - 'mlp'  the seed's model A: Dense(56, relu) on [W, 1] -> Dense(32, relu) -> Flatten -> Dense(1)
 * - 'rnn'  the seed's model B: SimpleRNN(128, relu) -> Dropout 0.25 -> SimpleRNN(256, relu)
 *          -> Dropout 0.25 -> SimpleRNN(512, relu) -> Dropout 0.35 (all returning sequences)
 *          -> Flatten -> Dense(1)
 * - 'lstm' / 'gru'  LSTM / GRU layers (tanh, sigmoid gates as Keras; 64 units, 1 layer by
 *          default), the last returning its last step -> Dense(1): the remedy the seed names.
 */
export { PRESET_NAMES, type PresetName } from './presetNames';

/** The seed's MLP widths. */
export const SEED_MLP_UNITS: readonly number[] = [56, 32];
/** The seed's SimpleRNN stack widths and the Dropout after each layer. */
export const SEED_RNN_UNITS: readonly number[] = [128, 256, 512];
export const SEED_RNN_DROPOUT: readonly number[] = [0.25, 0.25, 0.35];
/** LSTM / GRU size when none is given (the size our baselines measure). */
export const DEFAULT_RECURRENT_UNITS = 64;

/** A model: its preset and the width of each of its layers (Dense for 'mlp', recurrent otherwise). */
export interface ModelSpec {
  preset: PresetName;
  units: number[];
}

/** Sizes a user may set for the recurrent presets. */
export interface RecurrentSize {
  /** Units per LSTM / GRU layer (default 64). */
  units?: number;
  /** Stacked LSTM / GRU layers (default 1). */
  layers?: number;
}

/** The spec of `preset`: the seed's exact sizes for 'mlp' and 'rnn', `size` for 'lstm' / 'gru'. */
export function presetSpec(preset: PresetName, size: RecurrentSize = {}): ModelSpec {
  switch (preset) {
    case 'mlp':
      return { preset, units: [...SEED_MLP_UNITS] };
    case 'rnn':
      return { preset, units: [...SEED_RNN_UNITS] };
    case 'lstm':
    case 'gru':
      return { preset, units: Array.from({ length: size.layers ?? 1 }, () => size.units ?? DEFAULT_RECURRENT_UNITS) };
  }
}

/** Dropout after recurrent layer `index` of an 'rnn' stack of `count` layers (the seed's 0.25, 0.25, 0.35). */
export function rnnDropout(index: number, count: number): number {
  return count === SEED_RNN_DROPOUT.length ? SEED_RNN_DROPOUT[index] : index === count - 1 ? 0.35 : 0.25;
}

/** "MLP 56-32", "SimpleRNN 128/256/512", "LSTM 64", "GRU 2×32". */
export function describeSpec(spec: ModelSpec): string {
  const sameWidth = spec.units.every((units) => units === spec.units[0]);
  const sizes = spec.units.length > 1 && sameWidth ? `${spec.units.length}×${spec.units[0]}` : spec.units.join('/');
  switch (spec.preset) {
    case 'mlp':
      return `MLP ${spec.units.join('-')}`;
    case 'rnn':
      return `SimpleRNN ${spec.units.join('/')}`;
    case 'lstm':
      return `LSTM ${sizes}`;
    case 'gru':
      return `GRU ${sizes}`;
  }
}

/**
 * The tfjs-layers model of `spec` for windows of `window` values: input [batch, window, 1],
 * output [batch, 1]. Initializers are tfjs-layers' (= Keras') defaults — Glorot-uniform
 * kernels, orthogonal recurrent kernels, zero biases — seeded from `seed`.
 */
export function buildForecastModel(spec: ModelSpec, window: number, seed: number): tf.Sequential {
  const model = tf.sequential();
  const inputShape = [window, 1];
  const kernel = (layer: number) => tf.initializers.glorotUniform({ seed: seed + 2 * layer });
  const recurrent = (layer: number) => tf.initializers.orthogonal({ seed: seed + 2 * layer + 1 });
  const count = spec.units.length;
  spec.units.forEach((units, index) => {
    const first = index === 0 ? { inputShape } : {};
    const last = index === count - 1;
    switch (spec.preset) {
      case 'mlp':
        model.add(tf.layers.dense({ ...first, units, activation: 'relu', kernelInitializer: kernel(index) }));
        break;
      case 'rnn':
        model.add(
          tf.layers.simpleRNN({
            ...first,
            units,
            activation: 'relu',
            returnSequences: true,
            kernelInitializer: kernel(index),
            recurrentInitializer: recurrent(index),
          }),
        );
        model.add(tf.layers.dropout({ rate: rnnDropout(index, count) }));
        break;
      case 'lstm':
      case 'gru': {
        const args = {
          ...first,
          units,
          activation: 'tanh' as const,
          recurrentActivation: 'sigmoid' as const,
          returnSequences: !last,
          kernelInitializer: kernel(index),
          recurrentInitializer: recurrent(index),
        };
        model.add(spec.preset === 'lstm' ? tf.layers.lstm(args) : tf.layers.gru(args));
        break;
      }
    }
  });
  if (spec.preset === 'mlp' || spec.preset === 'rnn') model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 1, kernelInitializer: kernel(count) }));
  return model;
}
