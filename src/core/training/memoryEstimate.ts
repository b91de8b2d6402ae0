/**
 * About how much memory a network takes to train and to run, known from its shape before
 * anything is allocated: the settings' validators refuse a run that cannot fit (instead of
 * the wasm backend aborting mid-run with "memory access out of bounds"), and forward-only
 * passes (evaluation, predictions) take fewer windows at once when many would not fit.
 * No TensorFlow.js here.
 *
 * The figures are float32 values per time step and per window (or sequence) of a batch,
 * measured as the peak of live tensor bytes during an Adam step (and a forward pass) with
 * the fused layers on tfjs-backend-wasm 4.22: an LSTM layer of u units holds about 75·u at
 * the peak of its backward pass through time (its input projection, the gates and states of
 * every step, their derivatives; about 90·u when the stack returns every step, as the text
 * model's) and keeps about 16·u while another layer's runs; a GRU 57·u and 14·u; a
 * SimpleRNN 26·u and 9·u; a Dense layer applied to every step about 12·u. The head of the
 * text model (logits over the vocabulary at every step) adds about 18 per output, each
 * input about 2. The table below rounds these up; test/unit/memoryEstimate.test.ts checks
 * them against the backend. The wasm heap itself grows to about 1.2 times the live bytes.
 */

/** A layer as the estimate sees it: its kind and its width. */
export interface LayerSize {
  kind: 'lstm' | 'gru' | 'rnn' | 'dense';
  /** Units, >= 1. */
  units: number;
}

/** What a network is made of, as far as its memory goes. */
export interface NetShape {
  /** Time steps per window or sequence, >= 1. */
  steps: number;
  /** Inputs per step (the window's features, or the vocabulary's one-hot width), >= 1. */
  inputs: number;
  /** Its layers, input first (recurrent ones, or the Dense layers applied to every step). */
  layers: readonly LayerSize[];
  /**
   * What the Dense head reads: 'last' the last step (LSTM / GRU forecasters), 'flatten'
   * every step side by side (the MLP and the tutorial's SimpleRNN), 'steps' each step
   * (the text model's logits).
   */
  head: 'last' | 'flatten' | 'steps';
  /** Outputs of the head (1 for a forecaster, the vocabulary for the text model), >= 1. */
  outputs: number;
}

type Kind = LayerSize['kind'];

/** Gate blocks in a layer's kernels. */
const GATES: Record<Kind, number> = { lstm: 4, gru: 3, rnn: 1, dense: 1 };

/** Values per step, window and unit while training: at the peak of the layer's own backward pass, and kept while another layer's runs. */
const TRAINING: Record<Kind, { peak: number; kept: number }> = {
  lstm: { peak: 90, kept: 16 },
  gru: { peak: 66, kept: 14 },
  rnn: { peak: 30, kept: 9 },
  dense: { peak: 12, kept: 12 },
};
/** Values per step, window and unit of a forward pass without gradients. */
const INFERENCE: Record<Kind, number> = { lstm: 30, gru: 26, rnn: 8, dense: 4 };
/** Values per step and window of each input, and of each output of a head applied to every step. */
const PER_INPUT = 2;
const PER_STEP_OUTPUT = 20;
/**
 * Copies of every weight a training holds: the layers model's and the fused layers'
 * variables, their gradients, Adam's two moments, the best epoch's (early stopping), and
 * room for the copies made while saving and restoring.
 */
const WEIGHT_COPIES = 8;
const BYTES_PER_VALUE = 4;
/** What a forward-only batch may take (a quarter of the engine's budget, see runBounds.ts). */
const INFERENCE_BYTES = 512e6;

/** Every weight of `shape`: kernels, recurrent kernels and biases of its layers, and the head's. */
export function netWeights(shape: NetShape): number {
  let inputs = shape.inputs;
  let weights = 0;
  for (const { kind, units } of shape.layers) {
    weights += GATES[kind] * units * (inputs + (kind === 'dense' ? 0 : units) + 1);
    inputs = units;
  }
  const features = shape.head === 'flatten' ? shape.steps * inputs : inputs;
  return weights + shape.outputs * (features + 1);
}

/** Float32 values per step and window of the head applied to every step, and of the inputs. */
const edges = (shape: NetShape) => PER_INPUT * shape.inputs + (shape.head === 'steps' ? PER_STEP_OUTPUT * shape.outputs : 0);

/**
 * Bytes one training step of `batch` windows of `shape` takes at its peak: the activations
 * the backward pass through time needs (the widest layer's backward pass while the others
 * keep theirs) and every copy of the weights.
 */
export function trainingBytes(shape: NetShape, batch: number): number {
  const widest = Math.max(0, ...shape.layers.map(({ kind, units }) => (TRAINING[kind].peak - TRAINING[kind].kept) * units));
  const kept = shape.layers.reduce((sum, { kind, units }) => sum + TRAINING[kind].kept * units, 0);
  const activations = shape.steps * batch * (widest + kept + edges(shape));
  return BYTES_PER_VALUE * (activations + WEIGHT_COPIES * netWeights(shape));
}

/** Windows (>= 1) a forward pass without gradients takes at once: `preferred`, fewer where that many would take more than INFERENCE_BYTES. */
export function inferenceRows(shape: NetShape, preferred: number): number {
  const perUnit = shape.layers.reduce((sum, { kind, units }) => sum + INFERENCE[kind] * units, 0);
  const perWindow = BYTES_PER_VALUE * shape.steps * (perUnit + edges(shape));
  return Math.max(1, Math.min(preferred, Math.floor(INFERENCE_BYTES / perWindow)));
}
