import * as tf from '@tensorflow/tfjs';
import { SeededRandom } from '../random';
import { batchesOf, range } from '../training/batches';
import { fitModel, type FitCallbacks } from '../training/fitModel';
import type { EpochLoss } from '../training/fitResult';
import { UserError } from '../userError';
import type { ForecastFitResult } from './forecastFitResult';
import { forwardRows, type ForecastNet } from './forecastNet';
import { gatherWindows, type Windows } from './windows';

/** Windows per batch when computing a loss without training (fewer for a net too big for that many). */
const EVALUATION_BATCH = 512;

/** How a network is trained: the tutorial's Keras fit (Adam, MSE, 50 epochs, batch 64) plus validation and early stopping. */
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

/** One finished epoch: `loss` is the mean squared error over its training windows (scaled units), as Keras reports it; `valLoss` the one on the validation windows after it. */
export type FitEpoch = EpochLoss;

export type { FitCallbacks } from '../training/fitModel';

/**
 * Mean squared error of `net` on the windows `indices` (a scalar the caller disposes); while
 * training (`training` given), with dropout masks drawn from it.
 */
function batchLoss(net: ForecastNet, windows: Windows, indices: ArrayLike<number>, training?: SeededRandom): tf.Scalar {
  return tf.tidy(() => {
    const { inputs, targets } = gatherWindows(windows, indices);
    const predicted = net.predict(tf.tensor3d(inputs, [indices.length, windows.window, windows.features]), training !== undefined, training);
    return tf.mean(tf.squaredDifference(predicted, tf.tensor2d(targets, [indices.length, 1])));
  });
}

/** Mean squared error over the windows `indices`, without training (no dropout). */
function evaluate(net: ForecastNet, windows: Windows, indices: number[]): number {
  let sum = 0;
  const rows = forwardRows(net, windows, EVALUATION_BATCH);
  for (let start = 0; start < indices.length; start += rows) {
    const batch = indices.slice(start, start + rows);
    const loss = batchLoss(net, windows, batch);
    sum += loss.dataSync()[0] * batch.length;
    loss.dispose();
  }
  return sum / indices.length;
}

/**
 * Trains `net` on `windows`: Adam on the mean squared error, `batchSize` windows per step,
 * shuffled every epoch with the seed; the last `validationSplit` of the windows (not
 * shuffled in) give valLoss after each epoch; early stopping with `patience` restores the
 * best epoch's weights. `shouldStop` is asked before every batch, so a cancel takes effect
 * within one batch (with early stopping the best weights so far are restored). Frees every
 * tensor it makes; the net keeps the trained weights.
 */
export async function fitForecastNet(net: ForecastNet, windows: Windows, settings: FitSettings, callbacks: FitCallbacks = {}): Promise<ForecastFitResult> {
  const validationWindows = settings.validationSplit > 0 ? windows.count - Math.floor(windows.count * (1 - settings.validationSplit)) : 0;
  const trainCount = windows.count - validationWindows;
  if (trainCount < 1) {
    throw new UserError(`A validation split of ${settings.validationSplit} leaves none of the ${windows.count} training windows to train on; lower it, or use more data.`, 'validationSplit');
  }
  const trainIndices = range(0, trainCount);
  const validationIndices = range(trainCount, windows.count);
  const random = new SeededRandom(settings.seed);
  const fit = await fitModel(
    {
      variables: net.trainableVariables,
      epochs: settings.epochs,
      learningRate: settings.learningRate,
      patience: settings.patience,
      epochBatches: () => batchesOf(random.shuffle([...trainIndices]), settings.batchSize),
      batchLoss: (batch) => batchLoss(net, windows, batch, random),
      batchWeight: (batch) => batch.length,
      ...(validationWindows > 0 ? { validate: () => evaluate(net, windows, validationIndices) } : {}),
      untrainedLoss: () => evaluate(net, windows, trainIndices.slice(0, settings.batchSize)),
    },
    callbacks,
  );
  return { ...fit, trainWindows: trainCount, validationWindows };
}
