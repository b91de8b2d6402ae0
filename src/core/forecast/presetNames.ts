/** The forecasting presets by name (see presets.ts); apart from it, so naming them needs no TensorFlow.js. */
export type PresetName = 'mlp' | 'rnn' | 'lstm' | 'gru';
export const PRESET_NAMES: readonly PresetName[] = ['mlp', 'rnn', 'lstm', 'gru'];
