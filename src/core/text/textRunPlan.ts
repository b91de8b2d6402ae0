/**
 * The character model a text training builds, as the run bounds check it (see
 * runBounds.ts). Before the text is read (the settings' validator) only its weights can be
 * checked, and only at the fewest symbols a text trains on: what no text could fit is refused
 * there. Once the text is read (trainTextModel, before the model is built), the whole run is
 * checked at the text's own vocabulary, steps and sequences.
 */
import type { RunPlan } from '../settings/runBounds';
import type { SettingNamer } from '../settings/numberSetting';
import type { DatasetMode } from './trainingSymbols';
import type { TextTrainingSettings } from './textSettings';

/** Distinct symbols of the smallest vocabulary a text trains on. */
const FEWEST_SYMBOLS = 2;

/** What the text gives the model, once it is read. */
export interface TextShape {
  vocabularySize: number;
  /** 'lines': the sequences are the text's lines (the sequence length does not apply), 'windows' of the sequence length. */
  mode: DatasetMode;
  /** Time steps per sequence (the sequence length, or the longest line's), >= 1. */
  steps: number;
  sequences: number;
}

/** The model `training` builds (over `text`'s vocabulary and sequences when known), its settings named through `name`. */
export function textRunPlan(training: TextTrainingSettings, name: SettingNamer, text?: TextShape): RunPlan {
  const { cell, hiddenSize, layers, batchSize, sequenceLength } = training;
  const vocabulary = text?.vocabularySize ?? FEWEST_SYMBOLS;
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
    activations: [{ name: name('batchSize'), value: batchSize }, ...(text?.mode === 'lines' ? [] : [{ name: name('sequenceLength'), value: sequenceLength }]), ...sizes],
    weights: sizes,
  };
}
