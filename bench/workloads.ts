import * as tf from '@tensorflow/tfjs';

/** One benchmark workload: a tfjs-layers model, its batches, its loss and how it is reported. */
export interface Workload {
  id: string;
  title: string;
  /** 'epoch': seconds per epoch; 'run': seconds for `epochs` epochs; 'chars': characters per second. */
  report: 'epoch' | 'run' | 'chars';
  /** Epochs of a 'run' workload. */
  epochs: number;
  /** Batches in one epoch (fractional: the last batch is smaller). */
  batchesPerEpoch: number;
  /** Forward matMul FLOPs per epoch ('run': per epoch; 'chars': per batch). */
  forwardFlops: number;
  /** The target for the fused implementation, in the report's unit. */
  target: string;
  model(): tf.Sequential;
  /** Distinct batches to cycle through (the caller disposes them). */
  batches(): Array<{ x: tf.Tensor3D; y: tf.Tensor }>;
  loss(y: tf.Tensor, prediction: tf.Tensor): tf.Scalar;
}

const [WINDOWS, STEPS, BATCH] = [3256, 60, 64];

/** Forward matMul FLOPs per sequence of a recurrent layer: steps · 2 · (in + units) · gates · units. */
const recurrentFlops = (steps: number, input: number, units: number, gates: number) => steps * 2 * (input + units) * gates * units;

const crossEntropy = (y: tf.Tensor, logits: tf.Tensor) => tf.losses.softmaxCrossEntropy<tf.Tensor, tf.Scalar>(y, logits);
const meanSquared = (y: tf.Tensor, prediction: tf.Tensor) => tf.losses.meanSquaredError<tf.Tensor, tf.Scalar>(y, prediction);

/** Batches of `size` sequences of one-hot symbols (cycling through `ids`) and next-symbol targets. */
function symbolBatches(ids: number[], count: number, size: number, steps: number, symbols: number) {
  return Array.from({ length: count }, (_, batch) => {
    const start = (row: number) => ((batch * size + row) * steps) % (ids.length - steps - 1);
    const take = (offset: number) => Array.from({ length: size }, (_, row) => ids.slice(start(row) + offset, start(row) + offset + steps)).flat();
    return tf.tidy(() => ({
      x: tf.oneHot(tf.tensor1d(take(0), 'int32'), symbols).toFloat().reshape<tf.Tensor3D>([size, steps, symbols]),
      y: tf.oneHot(tf.tensor1d(take(1), 'int32'), symbols).toFloat().reshape([size, steps, symbols]),
    }));
  });
}

/** The tutorial's forecaster data shape: 3256 windows of 60 values (a noisy sine), batches of 64. */
function windowBatches() {
  const series = Array.from({ length: WINDOWS + STEPS }, (_, t) => 0.5 + 0.4 * Math.sin(t / 37) + 0.05 * Math.sin(t * 1.7));
  const batches: Array<{ x: tf.Tensor3D; y: tf.Tensor }> = [];
  for (let start = 0; start < WINDOWS; start += BATCH) {
    const rows = Math.min(BATCH, WINDOWS - start);
    const x = Array.from({ length: rows }, (_, row) => series.slice(start + row, start + row + STEPS)).flat();
    const y = Array.from({ length: rows }, (_, row) => series[start + row + STEPS]);
    batches.push({ x: tf.tensor3d(x, [rows, STEPS, 1]), y: tf.tensor2d(y, [rows, 1]) });
  }
  return batches;
}

/** The tutorial's char-RNN: 3 sentences padded to 15, 17 symbols, SimpleRNN(12) + Linear, full batch. */
const tutorialCharRnn: Workload = {
  id: 'W1',
  title: 'tutorial char-RNN, 100 epochs',
  report: 'run',
  epochs: 100,
  batchesPerEpoch: 1,
  forwardFlops: 3 * (recurrentFlops(14, 17, 12, 1) + 14 * 2 * 12 * 17),
  target: '<= 0.15 s',
  model: () => {
    const model = tf.sequential();
    model.add(tf.layers.simpleRNN({ units: 12, returnSequences: true, inputShape: [14, 17] }));
    model.add(tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 17 }) }));
    return model;
  },
  batches: () => {
    const text = ['hi how are you ', 'good i am fine ', 'have a nice day'];
    const symbols = [...new Set(text.join(''))].sort();
    const ids = text.map((line) => [...line].map((char) => symbols.indexOf(char)));
    return [
      tf.tidy(() => ({
        x: tf.oneHot(tf.tensor2d(ids.map((line) => line.slice(0, -1)), undefined, 'int32'), 17).toFloat() as tf.Tensor3D,
        y: tf.oneHot(tf.tensor2d(ids.map((line) => line.slice(1)), undefined, 'int32'), 17).toFloat(),
      })),
    ];
  },
  loss: crossEntropy,
};

/** The tutorial's SimpleRNN forecaster: 128/256/512 relu with Dropout, Flatten, Dense(1). */
const tutorialForecaster: Workload = {
  id: 'W2b',
  title: 'tutorial SimpleRNN 128/256/512 relu',
  report: 'epoch',
  epochs: 1,
  batchesPerEpoch: WINDOWS / BATCH,
  forwardFlops: WINDOWS * (recurrentFlops(STEPS, 1, 128, 1) + recurrentFlops(STEPS, 128, 256, 1) + recurrentFlops(STEPS, 256, 512, 1) + 2 * STEPS * 512),
  target: '<= 24 s',
  model: () => {
    const model = tf.sequential();
    model.add(tf.layers.simpleRNN({ units: 128, activation: 'relu', returnSequences: true, inputShape: [STEPS, 1] }));
    model.add(tf.layers.dropout({ rate: 0.25 }));
    model.add(tf.layers.simpleRNN({ units: 256, activation: 'relu', returnSequences: true }));
    model.add(tf.layers.dropout({ rate: 0.25 }));
    model.add(tf.layers.simpleRNN({ units: 512, activation: 'relu', returnSequences: true }));
    model.add(tf.layers.dropout({ rate: 0.35 }));
    model.add(tf.layers.flatten());
    model.add(tf.layers.dense({ units: 1 }));
    return model;
  },
  batches: windowBatches,
  loss: meanSquared,
};

/** LSTM(64) or GRU(64) on the forecaster's windows, last state -> Dense(1) (Keras' sigmoid gates). */
function gatedForecaster(cell: 'lstm' | 'gru'): Workload {
  const gates = cell === 'lstm' ? 4 : 3;
  return {
    id: cell === 'lstm' ? 'W2c' : 'W2d',
    title: `${cell.toUpperCase()}(64) on 60-windows`,
    report: 'epoch',
    epochs: 1,
    batchesPerEpoch: WINDOWS / BATCH,
    forwardFlops: WINDOWS * (recurrentFlops(STEPS, 1, 64, gates) + 2 * 64),
    target: '<= 1.5 s',
    model: () => {
      const model = tf.sequential();
      const args = { units: 64, recurrentActivation: 'sigmoid' as const, inputShape: [STEPS, 1] };
      model.add(cell === 'lstm' ? tf.layers.lstm(args) : tf.layers.gru(args));
      model.add(tf.layers.dense({ units: 1 }));
      return model;
    },
    batches: windowBatches,
    loss: meanSquared,
  };
}

/** A char-LSTM: 83 symbols, LSTM(256), sequences of 64, batches of 64. */
const charLstm: Workload = {
  id: 'W3',
  title: 'char-LSTM 256, seq 64, batch 64',
  report: 'chars',
  epochs: 1,
  batchesPerEpoch: 1,
  forwardFlops: BATCH * (recurrentFlops(64, 83, 256, 4) + 64 * 2 * 256 * 83),
  target: '>= 10 000 chars/s',
  model: () => {
    const model = tf.sequential();
    model.add(tf.layers.lstm({ units: 256, recurrentActivation: 'sigmoid', returnSequences: true, inputShape: [64, 83] }));
    model.add(tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 83 }) }));
    return model;
  },
  batches: () => {
    let state = 7;
    const ids = Array.from({ length: 50_000 }, () => (state = (state * 48271) % 2147483647) % 83);
    return symbolBatches(ids, 4, BATCH, 64, 83);
  },
  loss: crossEntropy,
};

export const WORKLOADS: Workload[] = [tutorialCharRnn, tutorialForecaster, gatedForecaster('lstm'), gatedForecaster('gru'), charLstm];
