import * as tf from '@tensorflow/tfjs';
import { softmaxCrossEntropy } from './crossEntropy';
import { FusedTextModel } from './fusedTextModel';
import { oneHotBatch, gatherSequences } from './oneHot';
import { SeededRandom } from '../random';
import { buildTextDataset, type DatasetMode, type TextDataset } from './textDataset';
import { buildTextModel } from './textModel';
import type { TextTrainingSettings } from './textSettings';
import { trainedTextModel, type TrainedTextModel } from './trainedTextModel';

export type { TrainedTextModel } from './trainedTextModel';

/** Longest stretch of training without letting the event loop run (messages, timers). */
const YIELD_EVERY_MS = 50;

/** What the data looks like, known before the first epoch. */
export interface TrainingStart {
  /** Code points in the text. */
  characters: number;
  vocabularySize: number;
  mode: DatasetMode;
  /** Training sequences (lines or windows). */
  sequences: number;
}

/** One finished epoch. */
export interface EpochProgress {
  /** 1-based. */
  epoch: number;
  epochs: number;
  /** Mean of the epoch's batch losses. */
  loss: number;
  /** Since training started. */
  elapsedMs: number;
}

export interface TrainingCallbacks {
  onStart?(start: TrainingStart): void;
  onEpoch?(progress: EpochProgress): void;
  /** Asked before every batch; true stops training there (the model keeps what it learned). */
  shouldStop?(): boolean;
}

export interface TrainResult {
  /** Loss of each completed epoch (mean of its batch losses). */
  lossHistory: number[];
  /**
   * Loss of the last completed epoch; when cancelled before any epoch completed, the loss of
   * the model as it stands on the first batch.
   */
  finalLoss: number;
  /** Completed epochs. */
  epochsRun: number;
  /** Training time per completed epoch (the whole time if none completed). */
  msPerEpoch: number;
  cancelled: boolean;
  /** Training sequences (lines or windows). */
  sequences: number;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The batches of one epoch: sequence indices, shuffled when there is more than one batch. */
function epochBatches(count: number, batchSize: number, random: SeededRandom): number[][] {
  const order = Array.from({ length: count }, (_, index) => index);
  if (batchSize < count) random.shuffle(order);
  const batches: number[][] = [];
  for (let start = 0; start < count; start += batchSize) batches.push(order.slice(start, start + batchSize));
  return batches;
}

/** Mean loss of `model` on the sequences `batch`: a scalar the caller disposes. */
function batchLoss(model: FusedTextModel, dataset: TextDataset, batch: readonly number[]): tf.Scalar {
  return tf.tidy(() => {
    const inputs = oneHotBatch(dataset.inputs, dataset.steps, batch, dataset.vocabulary.size);
    const targets = tf.tensor2d(gatherSequences(dataset.targets, dataset.steps, batch), [batch.length, dataset.steps], 'int32');
    const logits = model.logits(inputs, true);
    return softmaxCrossEntropy(logits, targets);
  });
}

/** Loss of `model` on the first batch of `dataset`, without training. */
function currentLoss(model: FusedTextModel, dataset: TextDataset, batchSize: number): number {
  const firstBatch = Array.from({ length: Math.min(batchSize, dataset.count) }, (_, index) => index);
  const loss = batchLoss(model, dataset, firstBatch);
  const value = loss.dataSync()[0];
  loss.dispose();
  return value;
}

/**
 * The training loop: Adam on the mean softmax cross-entropy, `batchSize` sequences per step
 * (the whole data set in one step when it fits, as the seed), batches shuffled with the
 * settings' seed. Stops early when `shouldStop` says so, and frees everything it made but
 * the model.
 */
async function fit(
  model: FusedTextModel,
  dataset: TextDataset,
  training: TextTrainingSettings,
  callbacks: TrainingCallbacks,
): Promise<TrainResult> {
  const optimizer = tf.train.adam(training.learningRate);
  const variables = model.trainableVariables;
  const random = new SeededRandom(training.seed);
  const lossHistory: number[] = [];
  const started = Date.now();
  let lastYield = started;
  let cancelled = false;
  try {
    for (let epoch = 1; epoch <= training.epochs; epoch++) {
      let lossSum = 0;
      const batches = epochBatches(dataset.count, training.batchSize, random);
      for (const batch of batches) {
        if (callbacks.shouldStop?.()) {
          cancelled = true;
          break;
        }
        const loss = optimizer.minimize(() => batchLoss(model, dataset, batch), true, variables) as tf.Scalar;
        lossSum += loss.dataSync()[0];
        loss.dispose();
        if (Date.now() - lastYield >= YIELD_EVERY_MS) {
          await yieldToEventLoop();
          lastYield = Date.now();
        }
      }
      if (cancelled) break;
      const loss = lossSum / batches.length;
      lossHistory.push(loss);
      callbacks.onEpoch?.({ epoch, epochs: training.epochs, loss, elapsedMs: Date.now() - started });
      await yieldToEventLoop();
      lastYield = Date.now();
    }
  } finally {
    optimizer.dispose();
  }
  const elapsedMs = Date.now() - started;
  const epochsRun = lossHistory.length;
  return {
    lossHistory,
    finalLoss: epochsRun > 0 ? lossHistory[epochsRun - 1] : currentLoss(model, dataset, training.batchSize),
    epochsRun,
    msPerEpoch: elapsedMs / Math.max(1, epochsRun),
    cancelled,
    sequences: dataset.count,
  };
}

/**
 * Trains a character model on `text` (see buildTextDataset for how it is cut into
 * sequences and buildTextModel for the layers). The fused layers (FusedTextModel) do the
 * training, starting from buildTextModel's initial weights, and write what they learned back
 * into that tfjs-layers model. The caller owns the returned model and disposes it; on an
 * error nothing is left allocated.
 */
export async function trainTextModel(
  text: string,
  training: TextTrainingSettings,
  callbacks: TrainingCallbacks = {},
): Promise<{ trained: TrainedTextModel; result: TrainResult }> {
  const dataset = buildTextDataset(text, training.sequenceLength);
  callbacks.onStart?.({
    characters: dataset.characters,
    vocabularySize: dataset.vocabulary.size,
    mode: dataset.mode,
    sequences: dataset.count,
  });
  const { cell, hiddenSize, layers, seed } = training;
  const model = buildTextModel({ cell, hiddenSize, layers, vocabularySize: dataset.vocabulary.size, seed });
  try {
    const fused = FusedTextModel.fromLayersModel(model);
    let result: TrainResult;
    try {
      result = await fit(fused, dataset, training, callbacks);
      fused.copyInto(model);
    } finally {
      fused.dispose();
    }
    const trained = trainedTextModel({
      model,
      vocabulary: dataset.vocabulary,
      training: { ...training },
      mode: dataset.mode,
      steps: dataset.steps,
      firstSymbol: dataset.firstSymbol,
      finalLoss: result.finalLoss,
    });
    return { trained, result };
  } catch (error) {
    model.dispose();
    throw error;
  }
}
