import type * as tf from '@tensorflow/tfjs';
import type { DatasetMode } from './trainingSymbols';
import type { TextTrainingSettings } from './textSettings';
import type { Vocabulary } from './vocabulary';

/** A character model with what generation and saving need to use it. */
export interface TrainedTextModel {
  /** [batch, time, vocabulary.size] one-hot -> [batch, time, vocabulary.size] logits. */
  model: tf.LayersModel;
  vocabulary: Vocabulary;
  /** The settings it was trained with. */
  training: TextTrainingSettings;
  /** How its training text was cut into sequences. */
  mode: DatasetMode;
  /** Time steps per training sequence ('lines': padded line length - 1). */
  steps: number;
  /** First character of the training text: the start of generation from an empty prompt. */
  firstSymbol: string;
  /** Loss of the last training epoch, when known. */
  finalLoss?: number;
  /** Frees the model's weights. */
  dispose(): void;
}

/** A TrainedTextModel whose dispose() frees `fields.model`. */
export function trainedTextModel(fields: Omit<TrainedTextModel, 'dispose'>): TrainedTextModel {
  return { ...fields, dispose: () => fields.model.dispose() };
}
