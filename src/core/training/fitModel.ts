import * as tf from '@tensorflow/tfjs';
import type { EpochLoss, FitResult } from './fitResult';

/** Longest stretch of training without letting the event loop run (messages, timers, cancel). */
const YIELD_EVERY_MS = 50;

/** What a fit trains and how: the model's side of the loop. `B` is one batch (e.g. its sample indices). */
export interface FitLoop<B> {
  /** The weights the optimizer updates. */
  variables: tf.Variable[];
  epochs: number;
  /** Adam's learning rate (at the start, with `decay`). */
  learningRate: number;
  /**
   * Cosine decay of the learning rate from `learningRate` down to a tenth of it over the
   * fit's budget: its epochs, or its time (`maxMs`) when that runs out first. Default off.
   */
  decay?: boolean;
  /** Gradient clipping: the gradients, taken as one vector, are scaled down to at most this norm; 0 or absent = off. */
  clipNorm?: number;
  /** Time budget: no batch starts after this many ms (the epoch it cuts short still counts and is validated); absent = none. */
  maxMs?: number;
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

/** The learning rate's share of its start at `progress` (0..1) through the budget: cosine from 1 down to FLOOR. */
const FLOOR = 0.1;
const cosineShare = (progress: number) => FLOOR + ((1 - FLOOR) * (1 + Math.cos(Math.PI * Math.min(1, progress)))) / 2;

/**
 * One optimizer step on `loss`; with `clipNorm`, the gradients scaled down first so their
 * global norm is at most it. Returns the loss (a scalar the caller disposes).
 */
function step(optimizer: tf.Optimizer, loss: () => tf.Scalar, variables: tf.Variable[], clipNorm: number): tf.Scalar {
  if (clipNorm <= 0) return optimizer.minimize(loss, true, variables) as tf.Scalar;
  const { value, grads } = tf.variableGrads(loss, variables);
  const clipped = tf.tidy(() => {
    const norm = tf.sqrt(tf.addN(Object.values(grads).map((grad) => tf.sum(tf.square(grad)))));
    const scale = tf.minimum(1, tf.div(clipNorm, tf.maximum(norm, 1e-12)));
    return Object.fromEntries(Object.entries(grads).map(([name, grad]) => [name, tf.mul(grad, scale)]));
  });
  optimizer.applyGradients(clipped);
  tf.dispose([grads, clipped]);
  return value;
}

/** Sets Adam's learning rate for the steps that follow (tfjs reads the field at each step). */
function setLearningRate(optimizer: tf.AdamOptimizer, rate: number): void {
  (optimizer as unknown as { learningRate: number }).learningRate = rate;
}

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
 * cancel, and when `maxMs` ends the fit). `clipNorm` clips the gradients, `decay` lowers the
 * learning rate along the budget. Frees every tensor it makes; the variables keep the
 * trained weights.
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
  let outOfTime = false;
  const started = Date.now();
  let lastYield = started;
  const maxMs = loop.maxMs ?? Infinity;
  try {
    for (let epoch = 1; epoch <= epochs && !cancelled && !stoppedEarly && !outOfTime; epoch++) {
      let lossSum = 0;
      let weightSum = 0;
      for (const batch of loop.epochBatches(epoch)) {
        if (callbacks.shouldStop?.()) {
          cancelled = true;
          break;
        }
        const elapsed = Date.now() - started;
        if (elapsed >= maxMs && (weightSum > 0 || epoch > 1)) {
          outOfTime = true;
          break;
        }
        if (loop.decay) setLearningRate(optimizer, loop.learningRate * cosineShare(Math.max((epoch - 1) / epochs, elapsed / maxMs)));
        const loss = step(optimizer, () => loop.batchLoss(batch), variables, loop.clipNorm ?? 0);
        const weight = weightOf(batch);
        lossSum += loss.dataSync()[0] * weight;
        weightSum += weight;
        loss.dispose();
        if (Date.now() - lastYield >= YIELD_EVERY_MS) {
          await yieldToEventLoop();
          lastYield = Date.now();
        }
      }
      if (cancelled || weightSum === 0) break;
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
    outOfTime,
    msPerEpoch,
    finalLoss: bestEpoch > 0 ? lossHistory[bestEpoch - 1] : loop.untrainedLoss(),
  };
}
