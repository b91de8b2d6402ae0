/**
 * Settings of the text job: what the user can set in VS Code's settings, the panel's form
 * and the CLI's flags. One definition (shapes as valibot schemas, the types inferred from
 * them), validated in one place (ranges: textSettingsValidation.ts).
 */
import * as v from 'valibot';
import { finite } from '../numberSchemas';

/** Recurrent cell of the character model. */
export const CELL_TYPES = ['rnn', 'lstm', 'gru'] as const;
export type CellType = (typeof CELL_TYPES)[number];

/** How the character model is built and trained. */
export const TextTrainingSettingsSchema = v.object({
  /** Recurrent cell: SimpleRNN (tanh), LSTM or GRU. Tutorial: 'rnn'. */
  cell: v.picklist(CELL_TYPES),
  /** Units per recurrent layer, 1..4096. Seed: 12. */
  hiddenSize: finite,
  /** Stacked recurrent layers, 1..8. Seed: 1. */
  layers: finite,
  /** Passes over the data, 1..100000. Seed: 100. */
  epochs: finite,
  /** Adam's learning rate, (0, 1]. Seed: 0.01. */
  learningRate: finite,
  /** Sequences per batch, 1..4096; the tutorial's three sentences fit in one batch. */
  batchSize: finite,
  /** Window length for prose (text that is not a few short lines), 2..1000. */
  sequenceLength: finite,
  /** Last share of the text held out for the validation loss, 0..0.5 (prose only; lines mode has none). */
  validationSplit: finite,
  /** Early stopping on the validation loss: epochs without a better one, 0..1000; 0 = off. The best epoch's weights are kept. */
  patience: finite,
  /** Seed of every random choice (weights, shuffling, sampling): same seed, same run. */
  seed: finite,
});
export type TextTrainingSettings = v.InferOutput<typeof TextTrainingSettingsSchema>;

/** How text is generated from a trained model. */
export const GenerationSettingsSchema = v.object({
  /** Text the generation starts from; empty = the first character of the training text. */
  prompt: v.string(),
  /** Total length of the result, prompt included (the tutorial's `out_len`), 1..100000. */
  length: finite,
  /** 0 = greedy argmax (the tutorial); > 0 samples from softmax(logits / temperature). */
  temperature: finite,
  /** Sampling draws only from the k most likely characters, 0..10000; 0 = all (see sampling.ts). */
  topK: finite,
  /** Sampling draws only from the nucleus of this probability mass, (0, 1]; 1 = all. */
  topP: finite,
  /** Never end a word that would be the third copy of the same word in a row (repetitionGuard.ts). */
  repetitionGuard: v.boolean(),
  /** Seed of the sampler. */
  seed: finite,
});
export type GenerationSettings = v.InferOutput<typeof GenerationSettingsSchema>;

export const DEFAULT_TRAINING: Readonly<TextTrainingSettings> = {
  cell: 'rnn',
  hiddenSize: 12,
  layers: 1,
  epochs: 100,
  learningRate: 0.01,
  batchSize: 64,
  sequenceLength: 40,
  validationSplit: 0.1,
  patience: 10,
  seed: 42,
};

export const DEFAULT_GENERATION: Readonly<GenerationSettings> = {
  prompt: '',
  length: 200,
  temperature: 0,
  topK: 0,
  topP: 1,
  repetitionGuard: false,
  seed: 42,
};
