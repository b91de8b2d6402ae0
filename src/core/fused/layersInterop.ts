import type * as tf from '@tensorflow/tfjs';
import type { Activation, CellKind, GateActivation, RecurrentLayerConfig, StackConfig } from './config';

const CELL_OF_CLASS: Record<string, CellKind> = { SimpleRNN: 'rnn', LSTM: 'lstm', GRU: 'gru' };
const ACTIVATIONS: readonly string[] = ['tanh', 'relu'];
const GATE_ACTIVATIONS: readonly string[] = ['sigmoid', 'hardSigmoid'];

/** What a fused stack is read from: built tfjs-layers layers and their weights in order. */
export interface LayersStack {
  config: StackConfig;
  /** [kernel, recurrentKernel, bias] of each recurrent layer (the layers' own tensors). */
  weights: tf.Tensor[][];
}

/** A config value the fused layers cannot reproduce: `what` it is and the value found. */
function unsupported(layer: tf.layers.Layer, what: string, value: unknown): Error {
  return new Error(`${layer.getClassName()} layer '${layer.name}': ${what} ${JSON.stringify(value)} is not supported by the fused layers.`);
}

/**
 * Reads the config and weights of built tfjs-layers SimpleRNN / LSTM / GRU layers, each
 * optionally followed by a Dropout layer (its rate becomes the layer's `dropout`). Every
 * option the fused layers do not reproduce (cell dropout, no bias, stateful, going
 * backwards, other activations, a noise shape) is refused with an error naming it.
 */
export function readLayersStack(layers: readonly tf.layers.Layer[]): LayersStack {
  const configs: RecurrentLayerConfig[] = [];
  const weights: tf.Tensor[][] = [];
  let returnSequences = true;
  for (const layer of layers) {
    const config = layer.getConfig();
    if (layer.getClassName() === 'Dropout') {
      const previous = configs[configs.length - 1];
      if (!previous || previous.dropout !== 0) throw unsupported(layer, 'position', 'not right after a recurrent layer');
      if (config.noiseShape != null) throw unsupported(layer, 'noiseShape', config.noiseShape);
      previous.dropout = config.rate as number;
      continue;
    }
    const cell = CELL_OF_CLASS[layer.getClassName()];
    if (cell === undefined) throw unsupported(layer, 'class', layer.getClassName());
    if (!returnSequences) throw unsupported(layer, 'input', 'the last step of the layer before');
    for (const [key, wanted] of [['useBias', true], ['stateful', false], ['goBackwards', false], ['dropout', 0], ['recurrentDropout', 0]] as const) {
      if ((config[key] ?? wanted) !== wanted) throw unsupported(layer, key, config[key]);
    }
    const activation = config.activation as string;
    if (!ACTIVATIONS.includes(activation)) throw unsupported(layer, 'activation', activation);
    const recurrentActivation = (config.recurrentActivation ?? 'sigmoid') as string;
    if (!GATE_ACTIVATIONS.includes(recurrentActivation)) throw unsupported(layer, 'recurrentActivation', recurrentActivation);
    configs.push({
      cell,
      units: config.units as number,
      activation: activation as Activation,
      recurrentActivation: recurrentActivation as GateActivation,
      dropout: 0,
    });
    weights.push(layer.getWeights());
    returnSequences = config.returnSequences === true;
  }
  if (configs.length === 0) throw new Error('There is no recurrent layer to read.');
  return { config: { inputSize: weights[0][0].shape[0], layers: configs, returnSequences }, weights };
}
