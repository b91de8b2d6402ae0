import * as tf from '@tensorflow/tfjs';
import { SeededRandom } from '../random';
import { UserError } from '../userError';
import type { ForecastNet } from './forecastNet';
import { gatherWindows, type Windows } from './windows';

/** Longest stretch of training without letting the event loop run (messages, timers, cancel). */
const YIELD_EVERY_MS = 50;
/** Windows per batch when computing a loss without training. */
const EVALUATION_BATCH = 512;

/** How a network is trained: the seed's Keras fit (Adam, MSE, 50 epochs, batch 64) plus validation and early stopping. */
export interface FitSettings {
  epochs: number;
  batchSize: number;
  /** Adam's learning rate (Keras' default 0.001). */
  learningRate: number;
  /** Share of the training windows (the last ones, as Keras' validation_split) held out for valLoss, [0, 0.5]. */
  validationSplit: number;
  /**
   * Early stopping: stop after this many epochs without a better monitored loss (valLoss with
   * a validation split, else loss) and restore the best epoch's weights; 0 = off.
   */
  patience: number;
  /** Seed of the shuffling. */
  seed: number;
}

/** One finished epoch. */
export interface FitEpoch {
  /** 1-based. */
  epoch: number;
  epochs: number;
  /** Mean squared error over the epoch's training windows (scaled units), as Keras reports it. */
  loss: number;
  /** Mean squared error on the validation windows after the epoch; undefined without a validation split. */
  valLoss?: number;
  /** Since training started. */
  elapsedMs: number;
}

export interface FitCallbacks {
  onEpoch?(epoch: FitEpoch): void;
  /** Asked before every batch: true stops training there (the net keeps what it learned). */
  shouldStop?(): boolean;
}

export interface FitResult {
  lossHistory: number[];
  /** Empty without a validation split. */
  valLossHistory: number[];
  /** Completed epochs. */
  epochsRun: number;
  /** The epoch (1-based) whose weights the net has at the end with early stopping, else the last. */
  bestEpoch: number;
  /** Early stopping ended training before `epochs`. */
  stoppedEarly: boolean;
  cancelled: boolean;
  /** Training time per completed epoch (the whole time if none completed). */
  msPerEpoch: number;
  /** Loss of the epoch whose weights the net ends with (bestEpoch); the current loss when no epoch completed. */
  finalLoss: number;
  /** Training and validation windows. */
  trainWindows: number;
  validationWindows: number;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Mean squared error of `net` on the windows `indices` (a scalar the caller disposes); while
 * training (`training` given), with dropout masks drawn from it.
 */
function batchLoss(net: ForecastNet, windows: Windows, indices: ArrayLike<number>, training?: SeededRandom): tf.Scalar {
  return tf.tidy(() => {
    const { inputs, targets } = gatherWindows(windows, indices);
    const predicted = net.predict(tf.tensor3d(inputs, [indices.length, windows.window, 1]), training !== undefined, training);
    return tf.mean(tf.squaredDifference(predicted, tf.tensor2d(targets, [indices.length, 1])));
  });
}

/** Mean squared error over the windows `indices`, without training (no dropout). */
function evaluate(net: ForecastNet, windows: Windows, indices: number[]): number {
  let sum = 0;
  for (let start = 0; start < indices.length; start += EVALUATION_BATCH) {
    const batch = indices.slice(start, start + EVALUATION_BATCH);
    const loss = batchLoss(net, windows, batch);
    sum += loss.dataSync()[0] * batch.length;
    loss.dispose();
  }
  return sum / indices.length;
}

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, index) => from + index);

/**
 * Trains `net` on `windows`: Adam on the mean squared error, `batchSize` windows per step,
 * shuffled every epoch with the seed; the last `validationSplit` of the windows (not
 * shuffled in) give valLoss after each epoch; early stopping with `patience` restores the
 * best epoch's weights. `shouldStop` is asked before every batch, so a cancel takes effect
 * within one batch (with early stopping the best weights so far are restored). Frees every
 * tensor it makes; the net keeps the trained weights.
 */
export async function fitForecastNet(net: ForecastNet, windows: Windows, settings: FitSettings, callbacks: FitCallbacks = {}): Promise<FitResult> {
  const validationWindows = settings.validationSplit > 0 ? windows.count - Math.floor(windows.count * (1 - settings.validationSplit)) : 0;
  const trainCount = windows.count - validationWindows;
  if (trainCount < 1) {
    throw new UserError(`A validation split of ${settings.validationSplit} leaves none of the ${windows.count} training windows to train on; lower it, or use more data.`, 'validationSplit');
  }
  const trainIndices = range(0, trainCount);
  const validationIndices = range(trainCount, windows.count);
  const variables = net.trainableVariables;
  const optimizer = tf.train.adam(settings.learningRate);
  const random = new SeededRandom(settings.seed);
  const lossHistory: number[] = [];
  const valLossHistory: number[] = [];
  const monitored = () => (validationWindows > 0 ? valLossHistory : lossHistory);
  let best: { epoch: number; loss: number; weights: tf.Tensor[] } | undefined;
  let cancelled = false;
  let stoppedEarly = false;
  const started = Date.now();
  let lastYield = started;
  try {
    for (let epoch = 1; epoch <= settings.epochs && !cancelled && !stoppedEarly; epoch++) {
      const order = random.shuffle([...trainIndices]);
      let lossSum = 0;
      for (let start = 0; start < trainCount; start += settings.batchSize) {
        if (callbacks.shouldStop?.()) {
          cancelled = true;
          break;
        }
        const batch = order.slice(start, start + settings.batchSize);
        const loss = optimizer.minimize(() => batchLoss(net, windows, batch, random), true, variables) as tf.Scalar;
        lossSum += loss.dataSync()[0] * batch.length;
        loss.dispose();
        if (Date.now() - lastYield >= YIELD_EVERY_MS) {
          await yieldToEventLoop();
          lastYield = Date.now();
        }
      }
      if (cancelled) break;
      lossHistory.push(lossSum / trainCount);
      const valLoss = validationWindows > 0 ? evaluate(net, windows, validationIndices) : undefined;
      if (valLoss !== undefined) valLossHistory.push(valLoss);
      callbacks.onEpoch?.({ epoch, epochs: settings.epochs, loss: lossHistory[epoch - 1], valLoss, elapsedMs: Date.now() - started });
      if (settings.patience > 0) {
        const current = monitored()[epoch - 1];
        if (!best || current < best.loss) {
          tf.dispose(best?.weights ?? []);
          best = { epoch, loss: current, weights: variables.map((variable) => variable.clone()) };
        } else if (epoch - best.epoch >= settings.patience) {
          stoppedEarly = epoch < settings.epochs;
        }
      }
      await yieldToEventLoop();
      lastYield = Date.now();
    }
    if (best) variables.forEach((variable, index) => variable.assign((best as { weights: tf.Tensor[] }).weights[index]));
  } finally {
    optimizer.dispose();
    tf.dispose(best?.weights ?? []);
  }
  const epochsRun = lossHistory.length;
  const bestEpoch = best?.epoch ?? epochsRun;
  const finalLoss = bestEpoch > 0 ? lossHistory[bestEpoch - 1] : evaluate(net, windows, trainIndices.slice(0, settings.batchSize));
  return {
    lossHistory,
    valLossHistory,
    epochsRun,
    bestEpoch,
    stoppedEarly,
    cancelled,
    msPerEpoch: (Date.now() - started) / Math.max(1, epochsRun),
    finalLoss,
    trainWindows: trainCount,
    validationWindows,
  };
}
