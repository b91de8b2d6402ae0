import * as tf from '@tensorflow/tfjs';
import { softmaxCrossEntropy } from './crossEntropy';
import { FusedStackWithHead } from '../fused/fusedStackWithHead';
import { oneHotBatch, gatherSequences } from './oneHot';
import { SeededRandom } from '../random';
import { batchesOf, range } from '../training/batches';
import { fitModel, type FitCallbacks } from '../training/fitModel';
import type { EpochLoss } from '../training/fitResult';
import type { TextFitResult } from './textFitResult';
import { buildTextDataset, type TextDataset } from './textDataset';
import type { DatasetMode } from './trainingSymbols';
import { buildTextModel } from './textModel';
import { textRunPlan } from './textRunPlan';
import { checkRunBounds } from '../settings/runBounds';
import type { SettingNamer } from '../settings/numberSetting';
import type { TextTrainingSettings } from './textSettings';
import { trainedTextModel, type TrainedTextModel } from './trainedTextModel';

export type { TrainedTextModel } from './trainedTextModel';

/** What the data looks like, known before the first epoch. */
export interface TrainingStart {
  /** Code points in the text. */
  characters: number;
  vocabularySize: number;
  mode: DatasetMode;
  /** Training sequences (lines or windows). */
  sequences: number;
  /** Held-out characters the validation loss is measured on (0: none). */
  validationCharacters: number;
}

/** One finished epoch: `loss` is the mean of the epoch's batch losses. */
export type EpochProgress = EpochLoss;

export interface TrainingCallbacks extends FitCallbacks {
  onStart?(start: TrainingStart): void;
}

/** A fit's result (see FitResult) and the training sequences (lines or windows). */
export type TrainResult = TextFitResult;

/** The batches of one epoch: sequence indices, shuffled when there is more than one batch. */
function epochBatches(count: number, batchSize: number, random: SeededRandom): number[][] {
  const order = range(0, count);
  if (batchSize < count) random.shuffle(order);
  return batchesOf(order, batchSize);
}

/** Mean loss of `model` on the sequences `batch` while training (dropout masks drawn from `random`): a scalar the caller disposes. */
function batchLoss(model: FusedStackWithHead, dataset: TextDataset, batch: readonly number[], random: SeededRandom): tf.Scalar {
  return tf.tidy(() => {
    const inputs = oneHotBatch(dataset.inputs, dataset.steps, batch, dataset.vocabulary.size);
    const targets = tf.tensor2d(gatherSequences(dataset.targets, dataset.steps, batch), [batch.length, dataset.steps], 'int32');
    const logits = model.forward(inputs, { training: true, random });
    return softmaxCrossEntropy(logits, targets);
  });
}

/**
 * Mean cross-entropy (nats/char) of `model` on the held-out windows, without training:
 * batches of `batchSize` windows, weighted by their size.
 */
function validationLoss(model: FusedStackWithHead, dataset: TextDataset, batchSize: number): number {
  const held = dataset.validation as NonNullable<TextDataset['validation']>;
  let sum = 0;
  for (const batch of batchesOf(range(0, held.count), batchSize)) {
    const loss = tf.tidy(() => {
      const inputs = oneHotBatch(held.inputs, dataset.steps, batch, dataset.vocabulary.size);
      const targets = tf.tensor2d(gatherSequences(held.targets, dataset.steps, batch), [batch.length, dataset.steps], 'int32');
      return softmaxCrossEntropy(model.forward(inputs, { training: false }), targets);
    });
    sum += loss.dataSync()[0] * batch.length;
    loss.dispose();
  }
  return sum / held.count;
}

/** Loss of `model` on the first batch of `dataset`, without training. */
function currentLoss(model: FusedStackWithHead, dataset: TextDataset, batchSize: number): number {
  const loss = batchLoss(model, dataset, range(0, Math.min(batchSize, dataset.count)), new SeededRandom(0));
  const value = loss.dataSync()[0];
  loss.dispose();
  return value;
}

/**
 * Trains `model` by fitModel: Adam on the mean softmax cross-entropy, `batchSize` sequences
 * per step (the whole data set in one step when it fits, as the tutorial recipe), batches
 * shuffled with the settings' seed; an epoch's loss is the mean of its batch losses. With a
 * held-out part, each epoch's valLoss is measured on it, and `patience` stops the fit and
 * keeps the best-validation epoch's weights (without one, no early stopping: the tutorial
 * trains all its epochs). `minutes` bounds the time, `clipNorm` the gradients,
 * `learningRateSchedule` 'cosine' lowers the rate along the budget; dropout masks are
 * seeded from the settings' seed too.
 */
async function fit(
  model: FusedStackWithHead,
  dataset: TextDataset,
  training: TextTrainingSettings,
  callbacks: TrainingCallbacks,
): Promise<TrainResult> {
  const random = new SeededRandom(training.seed);
  const masks = new SeededRandom(training.seed + 1);
  const fit = await fitModel(
    {
      variables: model.trainableVariables,
      epochs: training.epochs,
      learningRate: training.learningRate,
      decay: training.learningRateSchedule === 'cosine',
      clipNorm: training.clipNorm,
      ...(training.minutes > 0 ? { maxMs: training.minutes * 60_000 } : {}),
      ...(dataset.validation ? { validate: () => validationLoss(model, dataset, training.batchSize), patience: training.patience } : {}),
      epochBatches: () => epochBatches(dataset.count, training.batchSize, random),
      batchLoss: (batch) => batchLoss(model, dataset, batch, masks),
      untrainedLoss: () => currentLoss(model, dataset, training.batchSize),
    },
    callbacks,
  );
  return { ...fit, sequences: dataset.count };
}

/**
 * Trains a character model on `text` (see buildTextDataset for how it is cut into
 * sequences, and what it refuses naming `source`, and buildTextModel for the layers). The fused layers (FusedStackWithHead) do the
 * training, starting from buildTextModel's initial weights, and write what they learned back
 * into that tfjs-layers model. A run too big for the run bounds at the text's vocabulary,
 * steps and sequences is refused before the model is built (see runBounds.ts), naming the
 * settings to lower through `name` (e.g. '--batch'). The caller owns the returned model and
 * disposes it; on an error nothing is left allocated.
 */
export async function trainTextModel(
  text: string,
  training: TextTrainingSettings,
  callbacks: TrainingCallbacks = {},
  source = 'The text',
  name: SettingNamer = (key) => key,
): Promise<{ trained: TrainedTextModel; result: TrainResult }> {
  const dataset = buildTextDataset(text, training.sequenceLength, training.validationSplit, source);
  checkRunBounds(textRunPlan(training, name, { vocabularySize: dataset.vocabulary.size, mode: dataset.mode, steps: dataset.steps, sequences: dataset.count }));
  callbacks.onStart?.({
    characters: dataset.characters,
    vocabularySize: dataset.vocabulary.size,
    mode: dataset.mode,
    sequences: dataset.count,
    validationCharacters: dataset.validation?.characters ?? 0,
  });
  const { cell, hiddenSize, layers, dropout, seed } = training;
  const model = buildTextModel({ cell, hiddenSize, layers, vocabularySize: dataset.vocabulary.size, dropout, seed });
  try {
    const fused = FusedStackWithHead.fromLayersModel(model);
    let result: TrainResult;
    try {
      result = await fit(fused, dataset, training, callbacks);
      fused.writeInto(model);
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
