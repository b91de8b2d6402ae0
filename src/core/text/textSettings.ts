/**
 * Settings of the text job: what the user can set in VS Code's settings, the panel's form
 * and the CLI's flags. One definition, validated in one place.
 */

/** Recurrent cell of the character model. */
export type CellType = 'rnn' | 'lstm' | 'gru';
export const CELL_TYPES: readonly CellType[] = ['rnn', 'lstm', 'gru'];

/** How the character model is built and trained. */
export interface TextTrainingSettings {
  /** Recurrent cell: SimpleRNN (tanh), LSTM or GRU. Seed: 'rnn'. */
  cell: CellType;
  /** Units per recurrent layer, 1..4096. Seed: 12. */
  hiddenSize: number;
  /** Stacked recurrent layers, 1..8. Seed: 1. */
  layers: number;
  /** Passes over the data, 1..100000. Seed: 100. */
  epochs: number;
  /** Adam's learning rate, (0, 1]. Seed: 0.01. */
  learningRate: number;
  /** Sequences per batch, 1..4096; the seed's three sentences fit in one batch. */
  batchSize: number;
  /** Window length for prose (text that is not a few short lines), 2..1000. */
  sequenceLength: number;
  /** Seed of every random choice (weights, shuffling, sampling): same seed, same run. */
  seed: number;
}

/** How text is generated from a trained model. */
export interface GenerationSettings {
  /** Text the generation starts from; empty = the first character of the training text. */
  prompt: string;
  /** Total length of the result, prompt included (the seed's `out_len`), 1..100000. */
  length: number;
  /** 0 = greedy argmax (the seed); > 0 samples from softmax(logits / temperature). */
  temperature: number;
  /** Seed of the sampler. */
  seed: number;
}

export const DEFAULT_TRAINING: Readonly<TextTrainingSettings> = {
  cell: 'rnn',
  hiddenSize: 12,
  layers: 1,
  epochs: 100,
  learningRate: 0.01,
  batchSize: 64,
  sequenceLength: 40,
  seed: 42,
};

export const DEFAULT_GENERATION: Readonly<GenerationSettings> = {
  prompt: '',
  length: 200,
  temperature: 0,
  seed: 42,
};
