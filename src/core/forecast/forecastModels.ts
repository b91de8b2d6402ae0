import * as tf from '@tensorflow/tfjs';
import { orthogonal } from '../orthogonalInitializer';
import type { LayerSummary } from '../persistence/modelTopology';
import type { ModelSpec, PresetName } from './forecasters';

/** The Dropout after each layer of the tutorial recipe's SimpleRNN stack. */
const TUTORIAL_RNN_DROPOUT: readonly number[] = [0.25, 0.25, 0.35];

/** Dropout after recurrent layer `index` of an 'rnn' stack of `count` layers (the tutorial recipe's 0.25, 0.25, 0.35). */
function rnnDropout(index: number, count: number): number {
  return count === TUTORIAL_RNN_DROPOUT.length ? TUTORIAL_RNN_DROPOUT[index] : index === count - 1 ? 0.35 : 0.25;
}

type Initializer = ReturnType<typeof tf.initializers.glorotUniform>;

/** What one layer of a model is built from. */
interface LayerPlan {
  units: number;
  /** 0-based, of `count` layers. */
  index: number;
  count: number;
  /** The input shape, on the first layer only. */
  first: { inputShape?: number[] };
  kernelInitializer: Initializer;
  recurrentInitializer: Initializer;
}

/** How a forecaster's layers are built (see FORECASTERS for what each is). */
interface ForecasterBuild {
  /** The layers of `plan`: one Dense or recurrent layer, and what follows it. */
  layers(plan: LayerPlan): tf.layers.Layer[];
  /** The same layers as a saved model.json describes them (checked before a saved model is built). */
  summary(plan: Pick<LayerPlan, 'units' | 'index' | 'count'>): LayerSummary[];
  /** A Flatten before the Dense(1) head: the layers end in a sequence. */
  flatten: boolean;
}

/** The arguments of a recurrent layer of `plan`: Keras' LSTM / GRU defaults, the last layer returning its last step. */
const gatedArgs = ({ first, units, index, count, kernelInitializer, recurrentInitializer }: LayerPlan) => ({
  ...first,
  units,
  activation: 'tanh' as const,
  recurrentActivation: 'sigmoid' as const,
  returnSequences: index < count - 1,
  kernelInitializer,
  recurrentInitializer,
});

/** A recurrent layer of `plan` as model.json describes it: as gatedArgs, the last returning its last step. */
const gatedSummary = (className: string, { units, index, count }: Pick<LayerPlan, 'units' | 'index' | 'count'>): LayerSummary => ({
  className,
  units,
  returnSequences: index < count - 1,
});

const BUILDS: Record<PresetName, ForecasterBuild> = {
  mlp: {
    flatten: true,
    layers: ({ first, units, kernelInitializer }) => [tf.layers.dense({ ...first, units, activation: 'relu', kernelInitializer })],
    summary: ({ units }) => [{ className: 'Dense', units }],
  },
  rnn: {
    flatten: true,
    layers: ({ first, units, index, count, kernelInitializer, recurrentInitializer }) => [
      tf.layers.simpleRNN({ ...first, units, activation: 'relu', returnSequences: true, kernelInitializer, recurrentInitializer }),
      tf.layers.dropout({ rate: rnnDropout(index, count) }),
    ],
    summary: ({ units }) => [{ className: 'SimpleRNN', units, returnSequences: true }, { className: 'Dropout' }],
  },
  lstm: { flatten: false, layers: (plan) => [tf.layers.lstm(gatedArgs(plan))], summary: (plan) => [gatedSummary('LSTM', plan)] },
  gru: { flatten: false, layers: (plan) => [tf.layers.gru(gatedArgs(plan))], summary: (plan) => [gatedSummary('GRU', plan)] },
};

/**
 * The tfjs-layers model of `spec` for windows of `window` steps of `features` inputs each
 * (the value, then its covariates): input [batch, window, features], output [batch, 1].
 * Initializers are tfjs-layers' (= Keras') defaults — Glorot-uniform
 * kernels, orthogonal recurrent kernels (fast for large ones: orthogonalInitializer.ts), zero
 * biases — seeded from `seed`:
 * - 'mlp'  Dense(56, relu) on [W, F] -> Dense(32, relu) -> Flatten -> Dense(1)
 * - 'rnn'  SimpleRNN(128, relu) -> Dropout 0.25 -> SimpleRNN(256, relu) -> Dropout 0.25
 *          -> SimpleRNN(512, relu) -> Dropout 0.35 (all returning sequences) -> Flatten -> Dense(1)
 * - 'lstm' / 'gru'  LSTM / GRU layers (tanh, sigmoid gates as Keras), the last returning its
 *          last step -> Dense(1)
 */
export function buildForecastModel(spec: ModelSpec, window: number, seed: number, features = 1): tf.Sequential {
  const build = BUILDS[spec.preset];
  const model = tf.sequential();
  const count = spec.units.length;
  spec.units.forEach((units, index) => {
    const plan: LayerPlan = {
      units,
      index,
      count,
      first: index === 0 ? { inputShape: [window, features] } : {},
      kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 2 * index }),
      recurrentInitializer: orthogonal(seed + 2 * index + 1),
    };
    for (const layer of build.layers(plan)) model.add(layer);
  });
  if (build.flatten) model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 2 * count }) }));
  return model;
}

/** The layers buildForecastModel makes for `spec`, as a saved model.json describes them. */
export function forecastModelLayers(spec: ModelSpec): LayerSummary[] {
  const build = BUILDS[spec.preset];
  const count = spec.units.length;
  return [
    ...spec.units.flatMap((units, index) => build.summary({ units, index, count })),
    ...(build.flatten ? [{ className: 'Flatten' }] : []),
    { className: 'Dense', units: 1 },
  ];
}
