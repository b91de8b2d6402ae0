import * as tf from '@tensorflow/tfjs';
import type { EpochLoss, FitResult } from './fitResult';

/** Longest stretch of training without letting the event loop run (messages, timers, cancel). */
const YIELD_EVERY_MS = 50;

/** What a fit trains and how: the model's side of the loop. `B` is one batch (e.g. its sample indices). */
export interface FitLoop<B> {
  /** The weights the optimizer updates. */
  variables: tf.Variable[];
  epochs: number;
  /** Adam's learning rate. */
  learningRate: number;
  /**
   * Early stopping: stop after this many epochs without a better monitored loss (valLoss with
   * `validate`, else loss) and restore the best epoch's weights; 0 or absent = off.
   */
  patience?: number;
  /** The batches of epoch `epoch` (1-based), asked once at its start, before any batch runs. */
  epochBatches(epoch: number): readonly B[];
  /** Loss on `batch` while training: a scalar, differentiable with respect to `variables`. */
  batchLoss(batch: B): tf.Scalar;
  /** Weight of `batch` in the epoch's mean loss (default 1: the mean of the batch losses). */
  batchWeight?: (batch: B) => number;
  /** Loss on the validation data after an epoch, without training; absent = no validation. */
  validate?(): number;
  /** Loss of the model as it stands, without training (the finalLoss when no epoch completes). */
  untrainedLoss(): number;
}

export interface FitCallbacks {
  onEpoch?(epoch: EpochLoss): void;
  /** Asked before every batch: true stops the fit there (the model keeps what it learned). */
  shouldStop?(): boolean;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The weights of the best epoch so far, copied. */
interface Best {
  epoch: number;
  loss: number;
  weights: tf.Tensor[];
}

/**
 * The training loop of every model: Adam (created and disposed here) on `batchLoss`, epoch
 * after epoch over `epochBatches`; the epoch's loss is the weighted mean of its batch losses,
 * then `validate` gives its valLoss. `shouldStop` is asked before every batch, so a cancel
 * takes effect within one batch; the event loop runs at least every YIELD_EVERY_MS and after
 * every epoch. With `patience`, early stopping restores the best epoch's weights (also on a
 * cancel). Frees every tensor it makes; the variables keep the trained weights.
 */
export async function fitModel<B>(loop: FitLoop<B>, callbacks: FitCallbacks = {}): Promise<FitResult> {
  const { variables, epochs } = loop;
  const patience = loop.patience ?? 0;
  const weightOf = loop.batchWeight ?? (() => 1);
  const optimizer = tf.train.adam(loop.learningRate);
  const lossHistory: number[] = [];
  const valLossHistory: number[] = [];
  let best: Best | undefined;
  let cancelled = false;
  let stoppedEarly = false;
  const started = Date.now();
  let lastYield = started;
  try {
    for (let epoch = 1; epoch <= epochs && !cancelled && !stoppedEarly; epoch++) {
      let lossSum = 0;
      let weightSum = 0;
      for (const batch of loop.epochBatches(epoch)) {
        if (callbacks.shouldStop?.()) {
          cancelled = true;
          break;
        }
        const loss = optimizer.minimize(() => loop.batchLoss(batch), true, variables) as tf.Scalar;
        const weight = weightOf(batch);
        lossSum += loss.dataSync()[0] * weight;
        weightSum += weight;
        loss.dispose();
        if (Date.now() - lastYield >= YIELD_EVERY_MS) {
          await yieldToEventLoop();
          lastYield = Date.now();
        }
      }
      if (cancelled) break;
      const loss = lossSum / weightSum;
      lossHistory.push(loss);
      const valLoss = loop.validate?.();
      if (valLoss !== undefined) valLossHistory.push(valLoss);
      callbacks.onEpoch?.({ epoch, epochs, loss, ...(valLoss === undefined ? {} : { valLoss }), elapsedMs: Date.now() - started });
      if (patience > 0) {
        const monitored = valLoss ?? loss;
        if (!best || monitored < best.loss) {
          tf.dispose(best?.weights ?? []);
          best = { epoch, loss: monitored, weights: variables.map((variable) => variable.clone()) };
        } else if (epoch - best.epoch >= patience) {
          stoppedEarly = epoch < epochs;
        }
      }
      await yieldToEventLoop();
      lastYield = Date.now();
    }
    const restored = best;
    if (restored) variables.forEach((variable, index) => variable.assign(restored.weights[index]));
  } finally {
    optimizer.dispose();
    tf.dispose(best?.weights ?? []);
  }
  const epochsRun = lossHistory.length;
  const msPerEpoch = (Date.now() - started) / Math.max(1, epochsRun);
  const bestEpoch = best?.epoch ?? epochsRun;
  return {
    lossHistory,
    valLossHistory,
    epochsRun,
    bestEpoch,
    stoppedEarly,
    cancelled,
    msPerEpoch,
    finalLoss: bestEpoch > 0 ? lossHistory[bestEpoch - 1] : loop.untrainedLoss(),
  };
}
