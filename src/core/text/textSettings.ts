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

/**
 * Which defaults a training takes (textProfiles.ts): 'tutorial' the seed tutorial's recipe,
 * 'prose' a char-rnn-style recipe for prose and code; the setting's 'auto' picks by the text.
 */
export const TEXT_PROFILES = ['tutorial', 'prose'] as const;
export type TextProfile = (typeof TEXT_PROFILES)[number];

/** How the learning rate moves during a training: constant, or cosine decay to a tenth over the budget (epochs or minutes). */
export const LEARNING_RATE_SCHEDULES = ['constant', 'cosine'] as const;

/** How the character model is built and trained. */
export const TextTrainingSettingsSchema = v.object({
  /** The profile whose defaults the settings the user did not set were taken from. */
  profile: v.optional(v.picklist(TEXT_PROFILES), 'tutorial'),
  /** Recurrent cell: SimpleRNN (tanh), LSTM or GRU. Tutorial: 'rnn'. */
  cell: v.picklist(CELL_TYPES),
  /** Units per recurrent layer, 1..3000 (a SimpleRNN of 3000 stays under the 10 M weights of runBounds.ts). Seed: 12. */
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
  /** Dropout after each recurrent layer while training, 0..0.9; 0 = none (the tutorial). */
  dropout: v.optional(finite, 0),
  /** Gradients scaled down to at most this global norm, 0..1000; 0 = no clipping (the tutorial). */
  clipNorm: v.optional(finite, 0),
  /** Time budget: training stops after this many minutes (the best epoch kept), 0..1440; 0 = by epochs only. */
  minutes: v.optional(finite, 0),
  learningRateSchedule: v.optional(v.picklist(LEARNING_RATE_SCHEDULES), 'constant'),
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

/** The tutorial's recipe (profile 'tutorial'): what a text of a few short lines trains with. */
export const DEFAULT_TRAINING: Readonly<TextTrainingSettings> = {
  profile: 'tutorial',
  cell: 'rnn',
  hiddenSize: 12,
  layers: 1,
  epochs: 100,
  learningRate: 0.01,
  batchSize: 64,
  sequenceLength: 40,
  validationSplit: 0.1,
  patience: 10,
  dropout: 0,
  clipNorm: 0,
  minutes: 0,
  learningRateSchedule: 'constant',
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
