/**
 * The character model a text training builds, as the run bounds check it (see
 * runBounds.ts): before the text is read, at a typical vocabulary and the full sequence
 * length; in the worker, at the text's own vocabulary, steps and sequences.
 */
import type { RunPlan } from '../settings/runBounds';
import type { SettingNamer } from '../settings/numberSetting';
import type { TextTrainingSettings } from './textSettings';

/** Distinct characters assumed before the text is read: letters, digits and punctuation of a prose text. */
const TYPICAL_VOCABULARY = 100;

/** What the text gives the model, once it is read. */
export interface TextShape {
  vocabularySize: number;
  /** Time steps per sequence (the sequence length, or the longest line's). */
  steps: number;
  sequences: number;
}

/** The model `training` builds (over `text`'s vocabulary and sequences when known), its settings named through `name`. */
export function textRunPlan(training: TextTrainingSettings, name: SettingNamer, text?: TextShape): RunPlan {
  const { cell, hiddenSize, layers, batchSize, sequenceLength } = training;
  const vocabulary = text?.vocabularySize ?? TYPICAL_VOCABULARY;
  const size = `${cell.toUpperCase()}, ${layers} ${layers === 1 ? 'layer' : 'layers'} of ${hiddenSize} units${text ? ` over ${vocabulary} distinct characters` : ''}`;
  const sizes = [
    { name: name('hiddenSize'), value: hiddenSize },
    { name: name('layers'), value: layers },
  ];
  return {
    model: `the character model (${size})`,
    shape: {
      steps: text?.steps ?? sequenceLength,
      inputs: vocabulary,
      layers: Array.from({ length: layers }, () => ({ kind: cell, units: hiddenSize })),
      head: 'steps',
      outputs: vocabulary,
    },
    batch: text ? Math.min(batchSize, text.sequences) : batchSize,
    activations: [{ name: name('batchSize'), value: batchSize }, { name: name('sequenceLength'), value: sequenceLength }, ...sizes],
    weights: sizes,
  };
}
