/**
 * The one object each command prints with --json: what scripts (and the CLI tests) read
 * back. JSON has no NaN: a metric that is NaN prints as null.
 */
import type { Backtest } from '../core/forecast/backtest';
import type { ChosenSettings } from '../core/forecast/forecastResult';
import type { ForecastIntervals } from '../core/forecast/predictionIntervals';

import type { Suggestion } from '../core/forecast/suggestions';

/** `rnn-studio generate --json`. */
export interface GenerateJson {
  backend: string;
  /** Epochs trained now (0 for a loaded model). */
  epochs: number;
  finalLoss: number | null;
  /** [epochs] */
  lossHistory: number[];
  /** [epochs] validation loss (nats/char) on the held-out part; empty without one. */
  valLossHistory: number[];
  /** The epoch whose weights the model kept (the best validation loss with a held-out part), 0 for a loaded model. */
  bestEpoch: number;
  /** The kept epoch's validation loss in bits per character (nats / ln 2); null without a held-out part. */
  bitsPerChar: number | null;
  /** The profile the settings came from (textProfiles.ts). */
  profile: 'tutorial' | 'prose';
  /** The time budget (--minutes) ended the training. */
  outOfTime: boolean;
  msPerEpoch: number;
  generated: string;
}

export interface MetricsJson {
  mae: number;
  rmse: number;
  mape: number;
  mase: number;
}

interface ForecastModelJson extends MetricsJson {
  name: string;
  msPerEpoch: number;
  finalLoss: number;
  /** Seeds trained, whether their median or the best one (its seed) is used; absent for a loaded model. */
  ensemble?: { members: number; used: 'median' | 'best'; seed: number };
}

interface BaselineJson extends MetricsJson {
  name: string;
  label: string;
  period: number;
}

/** `rnn-studio forecast --json`. */
export interface ForecastJson {
  backend: string;
  rows: number;
  rowsSkipped: number;
  points: number;
  models: ForecastModelJson[];
  /** The last-value (persistence) baseline's metrics (as before `baselines`). */
  baseline: MetricsJson;
  /** Every baseline, persistence first: its name ('persistence', 'seasonalNaive'), label and period in steps. */
  baselines: BaselineJson[];
  /** [horizon] steps past the end of the data: ISO time, or the row number without a time column; the 80 % / 95 % interval when there is one. */
  forecast: Array<{ t: string | number; value: number; lower80?: number; upper80?: number; lower95?: number; upper95?: number }>;
  /** The rolling-origin backtest (null: off). */
  backtest: Backtest | null;
  /** The forecast's intervals, their calibration and measured coverage (null: none). */
  intervals: ForecastIntervals | null;
  /** The settings the job used, automatic choices resolved. */
  chosen: ChosenSettings;
  /** What to try when the best model does not beat the best baseline: the setting, its change, and why. */
  suggestions: Suggestion[];
}
