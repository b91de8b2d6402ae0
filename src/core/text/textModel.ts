import * as tf from '@tensorflow/tfjs';
import { orthogonal } from '../orthogonalInitializer';
import type { LayerSummary } from '../persistence/modelTopology';
import type { CellType } from './textSettings';

/** What the character model is made of. */
export interface TextModelSpec {
  cell: CellType;
  /** Units per recurrent layer. */
  hiddenSize: number;
  /** Stacked recurrent layers. */
  layers: number;
  /** Symbols in the vocabulary: width of the one-hot input and of the logits. */
  vocabularySize: number;
  /** Dropout after each recurrent layer while training, 0..0.9; 0 or absent: no Dropout layers. */
  dropout?: number;
  /** Seed of every initializer: same seed, same initial weights. */
  seed: number;
}

/** Arguments shared by the three recurrent layers. */
type RecurrentArgs = Parameters<typeof tf.layers.simpleRNN>[0];

const recurrentLayer: Record<CellType, (args: RecurrentArgs) => tf.layers.Layer> = {
  rnn: (args) => tf.layers.simpleRNN({ ...args, activation: 'tanh' }),
  lstm: (args) => tf.layers.lstm(args),
  gru: (args) => tf.layers.gru(args),
};

/** tfjs-layers' class name of each cell's layer. */
export const CELL_CLASS: Record<CellType, string> = { rnn: 'SimpleRNN', lstm: 'LSTM', gru: 'GRU' };

/**
 * The character model — the single place that chooses its layers:
 *   input   [batch, time, V] one-hot characters (any number of time steps)
 *   layers x SimpleRNN (tanh) / LSTM / GRU with `hiddenSize` units, returnSequences
 *           -> [batch, time, hiddenSize], zero initial state (the tutorial's init_hidden),
 *           each followed by Dropout(`dropout`) when it is above 0 (training only)
 *   timeDistributed dense(V) -> [batch, time, V] LOGITS (softmax is applied by the loss and
 *           the sampler, as the tutorial's nn.Linear + CrossEntropyLoss).
 * Initializers are tfjs-layers' defaults (Glorot-uniform kernels, orthogonal recurrent
 * kernels: tfjs' own, fast for large ones, see orthogonalInitializer.ts; zero biases), seeded from `spec.seed` so a run is reproducible.
 */
export function buildTextModel(spec: TextModelSpec): tf.LayersModel {
  const { cell, hiddenSize, layers, vocabularySize, dropout = 0, seed } = spec;
  const model = tf.sequential();
  for (let layer = 0; layer < layers; layer++) {
    model.add(
      recurrentLayer[cell]({
        units: hiddenSize,
        returnSequences: true,
        ...(layer === 0 ? { inputShape: [null, vocabularySize] } : {}),
        kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 2 * layer }),
        recurrentInitializer: orthogonal(seed + 2 * layer + 1),
      }),
    );
    if (dropout > 0) model.add(tf.layers.dropout({ rate: dropout }));
  }
  model.add(
    tf.layers.timeDistributed({
      layer: tf.layers.dense({
        units: vocabularySize,
        kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 2 * layers }),
      }),
    }),
  );
  return model;
}

/** The layers buildTextModel makes for `spec`, as a saved model.json describes them (checked before a saved model is built). */
export function textModelLayers(spec: Omit<TextModelSpec, 'seed'>): LayerSummary[] {
  const recurrent: LayerSummary[] = [
    { className: CELL_CLASS[spec.cell], units: spec.hiddenSize, returnSequences: true },
    ...((spec.dropout ?? 0) > 0 ? [{ className: 'Dropout' }] : []),
  ];
  return [...Array.from({ length: spec.layers }, () => recurrent).flat(), { className: 'TimeDistributed', units: spec.vocabularySize }];
}
