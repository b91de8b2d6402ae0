/**
 * About how long a model takes to train, for the model quick pick ("LSTM — 64 units, 1 layer,
 * about 1 min"): training windows × epochs × window length × a cost per window step and
 * model, measured once with `rnn-studio forecast --csv sample/prices.csv --recipe tutorial`
 * (420 windows of 60) on the wasm backend of a 2-core development machine: msPerEpoch 99 (MLP),
 * 1478 (LSTM 64), 2147 (GRU 64), 6167 (SimpleRNN 128/256/512). A native backend is faster, a
 * busy machine slower: the words say "about" and round.
 */
import type { PresetName, RecurrentSize } from './forecasters';

/** Milliseconds per window step (one value of one window, one epoch, forward and backward) of each preset at its measured size. */
const MS_PER_WINDOW_STEP: Readonly<Record<PresetName, number>> = {
  mlp: 99.35 / (420 * 60),
  rnn: 6167 / (420 * 60),
  lstm: 1478.2 / (420 * 60),
  gru: 2146.8 / (420 * 60),
};
/** The units the sized presets were measured at. */
const MEASURED_UNITS = 64;
/** Below this share of the measured cost a smaller model is no cheaper (per-step overhead). */
const SMALLEST_SHARE = 0.25;

export interface EstimateInput {
  /** Points of the series at its interval (>= 0). */
  points: number;
  /** Points held out (>= 0). */
  test: number;
  /** Values per window (>= 1). */
  window: number;
  /** Epochs at most (>= 1). */
  epochs: number;
}

/** Training windows the series leaves: one per point after the first window, before the held-out part (>= 0). */
export function trainingWindows({ points, test, window }: Pick<EstimateInput, 'points' | 'test' | 'window'>): number {
  return Math.max(0, points - test - window);
}

/**
 * Seconds (>= 0) `preset` of `size` takes for `input.epochs` epochs. A sized preset's cost grows
 * with layers and the square of its units (its recurrent matMul), never below SMALLEST_SHARE.
 */
export function estimateTrainingSeconds(preset: PresetName, size: RecurrentSize, input: EstimateInput): number {
  const scale = preset === 'lstm' || preset === 'gru' ? (size.layers ?? 1) * Math.max(SMALLEST_SHARE, ((size.units ?? MEASURED_UNITS) / MEASURED_UNITS) ** 2) : 1;
  return (trainingWindows(input) * input.epochs * input.window * MS_PER_WINDOW_STEP[preset] * scale) / 1000;
}

/** Rounds `value` to a multiple of `step`, at least `step`. */
const roundTo = (value: number, step: number) => Math.max(step, Math.round(value / step) * step);

/** A duration in plain words, rounded: "a few seconds", "about 20 s", "about 1 min", "about 15 min", "about 2.5 h". */
export function aboutDuration(seconds: number): string {
  if (seconds < 10) return 'a few seconds';
  if (seconds < 55) return `about ${roundTo(seconds, 10)} s`;
  const minutes = seconds / 60;
  if (minutes < 10) return `about ${roundTo(minutes, 1)} min`;
  if (minutes < 55) return `about ${roundTo(minutes, 5)} min`;
  return `about ${roundTo(minutes / 60, 0.5)} h`;
}
