/** The forecasting presets by name (see presets.ts); apart from it, so naming them needs no TensorFlow.js. */
import * as v from 'valibot';

export type PresetName = 'mlp' | 'rnn' | 'lstm' | 'gru';
export const PRESET_NAMES: readonly PresetName[] = ['mlp', 'rnn', 'lstm', 'gru'];

/** A model: its preset and the width of each of its layers (Dense for 'mlp', recurrent otherwise). */
export const ModelSpecSchema = v.object({ preset: v.picklist(PRESET_NAMES), units: v.array(v.number()) });
export type ModelSpec = v.InferOutput<typeof ModelSpecSchema>;
