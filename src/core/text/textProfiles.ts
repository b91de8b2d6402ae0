/**
 * The text job's two recipes, and which one a text gets. 'tutorial' is the seed tutorial's
 * (SimpleRNN 12, Adam 0.01, 100 epochs, greedy): text of a few short lines, like the
 * tutorial's three sentences, trains with it and gives the tutorial's answers. 'prose' is a
 * char-rnn-style recipe for prose and code (karpathy/char-rnn, the TensorFlow.js
 * lstm-text-generation example): an LSTM of a few hundred units with dropout, sequences of
 * 100, gradient clipping, a cosine learning-rate schedule over a time budget, and sampling
 * below temperature 1; its sizes were chosen from the measurements in docs/text-quality.md.
 */
import { datasetMode } from './trainingSymbols';
import { DEFAULT_GENERATION, DEFAULT_TRAINING, type GenerationSettings, type TextProfile, type TextTrainingSettings } from './textSettings';

/** What the profile setting accepts: a profile, or 'auto' (by the text: see chooseProfile). */
export const PROFILE_CHOICES = ['auto', 'tutorial', 'prose'] as const;
export type ProfileChoice = (typeof PROFILE_CHOICES)[number];

const PROSE_TRAINING: Readonly<TextTrainingSettings> = {
  profile: 'prose',
  cell: 'lstm',
  hiddenSize: 256,
  layers: 1,
  epochs: 1000,
  learningRate: 0.01,
  batchSize: 32,
  sequenceLength: 100,
  validationSplit: 0.1,
  patience: 5,
  dropout: 0.3,
  clipNorm: 5,
  minutes: 5,
  learningRateSchedule: 'cosine',
  seed: 42,
};

/** Each profile's training settings: what a setting the user did not set takes. */
export const PROFILE_TRAINING: Readonly<Record<TextProfile, Readonly<TextTrainingSettings>>> = {
  tutorial: DEFAULT_TRAINING,
  prose: PROSE_TRAINING,
};

/** Each profile's generation settings: greedy for the tutorial, sampled below temperature 1 from the nucleus for prose. */
export const PROFILE_GENERATION: Readonly<Record<TextProfile, Readonly<GenerationSettings>>> = {
  tutorial: DEFAULT_GENERATION,
  prose: { ...DEFAULT_GENERATION, length: 400, temperature: 0.7, topP: 0.95 },
};

/**
 * The profile `choice` (the setting `setting`) means for `text`, and why, in words that follow
 * "Chosen because" in the panel and the CLI.
 */
export function chooseProfile(choice: ProfileChoice, text: string, setting: string): { profile: TextProfile; reason: string } {
  if (choice !== 'auto') return { profile: choice, reason: `${setting} is "${choice}"` };
  return datasetMode(text) === 'lines'
    ? { profile: 'tutorial', reason: "the text is a few short lines, like the tutorial's sentences: it trains line by line" }
    : { profile: 'prose', reason: 'the text is prose, not a few short lines: it trains on windows of it' };
}
