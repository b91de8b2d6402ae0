import type { LayerSize, NetShape } from '../training/memoryEstimate';

/**
 * The forecasting models a user picks from, by name: what each is called and made of. No
 * TensorFlow.js here (the extension host and the CLI's usage read it); each model's layers
 * are built in forecastModels.ts (which loads it). Adding a forecaster: an entry here, a builder there.
 */

/** The tutorial recipe's MLP widths. */
const TUTORIAL_MLP_UNITS: readonly number[] = [56, 32];
/** The tutorial recipe's SimpleRNN stack widths (forecastModels.ts adds its Dropout). */
const TUTORIAL_RNN_UNITS: readonly number[] = [128, 256, 512];
/** LSTM / GRU size when none is given (the size our baselines measure). */
const DEFAULT_RECURRENT_UNITS = 64;

/** Sizes a user may set for the models that take them (`sized`). */
export interface RecurrentSize {
  /** Units per layer (default 64). */
  units?: number;
  /** Stacked layers (default 1). */
  layers?: number;
}

/** A forecaster's entry. */
interface Forecaster {
  /** Its name in pickers, tables and charts: "MLP", "SimpleRNN", "LSTM", "GRU". */
  label: string;
  /** One line saying what it is, for pickers and --help. */
  description: string;
  /** Takes the user's `RecurrentSize` (rnnStudio.forecast.units / layers, --units / --layers). */
  sized: boolean;
  /** Its layer widths for the user's size. */
  units(size: RecurrentSize): number[];
  /** Its layer widths as they follow the label: "56-32", "128/256/512", "2×32". */
  sizes(units: readonly number[]): string;
  /** Its layers' kind (Dense layers applied to every step, or recurrent), and what its Dense(1) head reads (see NetShape). */
  layers: LayerSize['kind'];
  head: 'last' | 'flatten';
}

/** "2×32" for equal widths, else "32/64". */
const widths = (units: readonly number[]) =>
  units.length > 1 && units.every((width) => width === units[0]) ? `${units.length}×${units[0]}` : units.join('/');
const sizedUnits = (size: RecurrentSize) => Array.from({ length: size.layers ?? 1 }, () => size.units ?? DEFAULT_RECURRENT_UNITS);

/** An LSTM or GRU stack, sized by the user. */
const gated = (label: 'LSTM' | 'GRU') =>
  ({
    label,
    description: `${label} layers (tanh, sigmoid gates), the last step -> Dense 1`,
    sized: true,
    units: sizedUnits,
    sizes: widths,
    layers: label === 'LSTM' ? 'lstm' : 'gru',
    head: 'last',
  }) as const;

/** Every forecaster, in the order they are listed and trained by 'all'. */
export const FORECASTERS = {
  mlp: {
    label: 'MLP',
    description: "the tutorial recipe's model A: Dense 56 relu -> Dense 32 relu -> Flatten -> Dense 1",
    sized: false,
    units: () => [...TUTORIAL_MLP_UNITS],
    sizes: (units) => units.join('-'),
    layers: 'dense',
    head: 'flatten',
  },
  rnn: {
    label: 'SimpleRNN',
    description: "the tutorial recipe's model B: SimpleRNN 128/256/512 relu with dropout (slow: the largest)",
    sized: false,
    units: () => [...TUTORIAL_RNN_UNITS],
    sizes: (units) => units.join('/'),
    layers: 'rnn',
    head: 'flatten',
  },
  lstm: gated('LSTM'),
  gru: gated('GRU'),
} as const satisfies Record<string, Forecaster>;

export type PresetName = keyof typeof FORECASTERS;
export const PRESET_NAMES = Object.keys(FORECASTERS) as readonly PresetName[];

/** A model: its preset and the width of each of its layers (Dense for 'mlp', recurrent otherwise). */
export interface ModelSpec {
  preset: PresetName;
  units: number[];
}

/** The spec of `preset`: the tutorial recipe's exact sizes for 'mlp' and 'rnn', `size` for the sized ones. */
export function presetSpec(preset: PresetName, size: RecurrentSize = {}): ModelSpec {
  return { preset, units: FORECASTERS[preset].units(size) };
}

/** "MLP 56-32", "SimpleRNN 128/256/512", "LSTM 64", "GRU 2×32". */
export function describeSpec(spec: ModelSpec): string {
  const forecaster: Forecaster = FORECASTERS[spec.preset];
  return `${forecaster.label} ${forecaster.sizes(spec.units)}`;
}

/** The shape of `spec`'s network for windows of `window` steps of `features` inputs, as the memory estimate reads it. */
export function specShape(spec: ModelSpec, window: number, features: number): NetShape {
  const forecaster: Forecaster = FORECASTERS[spec.preset];
  return { steps: window, inputs: features, layers: spec.units.map((units) => ({ kind: forecaster.layers, units })), head: forecaster.head, outputs: 1 };
}
