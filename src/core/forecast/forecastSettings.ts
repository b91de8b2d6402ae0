/**
 * Settings of the forecasting job: what the CLI's flags, the panel and VS Code's settings
 * set. One definition, validated in one place (forecastSettingsValidation). Two recipes give
 * the defaults: 'auto' (the product's: the series' own interval, the transform and window
 * chosen on a validation part, early stopping, shrinkage toward the last value) and
 * 'tutorial' (the tutorial's exact configuration).
 */
import type { CovariateChoice } from './covariateChoice';
import type { RolloutMode } from './forecastNet';
import type { PresetName } from './forecasters';
import type { ResampleChoice } from './intervals';
import type { Aggregation } from './resample';
import type { ScalerKind } from './scaler';
import type { TargetTransform } from './transform';

export type ForecastRecipe = 'auto' | 'tutorial';
export const FORECAST_RECIPES: readonly ForecastRecipe[] = ['auto', 'tutorial'];

export interface ForecastSettings {
  /** Where the defaults come from. */
  recipe: ForecastRecipe;
  /** Column to forecast (name, `column N` or `N`); undefined: `Close` / a price-like / the first numeric column. */
  column?: string;
  /** Time column; undefined: detected; null: none (rows in file order). */
  timeColumn?: string | null;
  /** Resampling: 'auto' (the series' own interval, see naturalInterval; 'none' without a time column), or an interval (the tutorial: 'day'). */
  resample: ResampleChoice;
  /** How a bucket's rows become its value (the tutorial: 'mean'). */
  aggregation: Aggregation;
  /** Values per input window, 1..5000, or 'auto': chosen on the validation part (the tutorial: 60). */
  window: number | 'auto';
  /** Last points held out for metrics, 1..1000000 (the tutorial: 60), or 'auto': a fifth of the points, at most 60 (see heldOutPoints). */
  test: number | 'auto';
  /** Presets trained one after another ("compare models" when more than one). */
  models: PresetName[];
  /** Units per LSTM / GRU layer, 1..1024 (64). */
  units: number;
  /** Stacked LSTM / GRU layers, 1..8 (1). */
  layers: number;
  /** Passes over the training windows, 1..100000 (the tutorial: 50). */
  epochs: number;
  /** Windows per batch, 1..4096 (the tutorial: 64). */
  batchSize: number;
  /** Adam's learning rate, (0, 1] (Keras' default, the tutorial's: 0.001). */
  learningRate: number;
  /** Share of the training windows (the last ones) used for valLoss, early stopping, the auto choices and the shrinkage, 0..0.5 (0: none, as the tutorial). */
  validationSplit: number;
  /** Early stopping patience in epochs, 0 (off) .. 100000; restores the best weights. */
  patience: number;
  /** Steps forecast past the end of the data, 1..10000 (30). */
  horizon: number;
  /** Origins of the rolling-origin backtest on the held-out part, 0 (off) .. 50 (5; see backtest.ts). */
  backtest: number;
  /** What the network predicts: 'level' (the tutorial), 'diff', 'logret', 'relative', or 'auto' (relative or diff, chosen on the validation part). */
  transform: TargetTransform | 'auto';
  /** 'minmax' (the tutorial) or 'standard', fitted on the training part only. */
  scaler: ScalerKind;
  /** Seed of weights and shuffling (42). */
  seed: number;
  /** How recurrent models forecast past the end (see ForecastNet.rollout): 'state' (default) or 'window'. */
  rollout: RolloutMode;
  /** Seeds trained per model, 1..10 (3; the tutorial: 1): their median is used where it beats the best seed on the validation part, else the best seed (see seedEnsemble.ts). */
  ensemble: number;
  /** Shrink each model's forecast toward the last value by a factor fitted on the validation part (see shrinkage.ts). */
  shrink: boolean;
  /** Inputs beside the target (see covariateChoice.ts): 'auto' (the calendar where it helps on the validation part) or a fixed choice (the tutorial: none). */
  covariates: CovariateChoice;
}

/** Held-out points most series get from test 'auto'. */
const AUTO_TEST = 60;

/** The held-out points of `points` for `test`: 'auto' holds out a fifth of them, at most AUTO_TEST (at least 1). */
export function heldOutPoints(test: number | 'auto', points: number): number {
  return test === 'auto' ? Math.max(1, Math.min(AUTO_TEST, Math.round(points / 5))) : test;
}

/** The product's defaults (the 'auto' recipe). */
export const DEFAULT_FORECAST_SETTINGS: Readonly<ForecastSettings> = {
  recipe: 'auto',
  resample: 'auto',
  aggregation: 'mean',
  window: 'auto',
  test: 'auto',
  models: ['mlp'],
  units: 64,
  layers: 1,
  epochs: 200,
  batchSize: 64,
  learningRate: 0.001,
  validationSplit: 0.2,
  patience: 10,
  horizon: 30,
  backtest: 5,
  transform: 'auto',
  scaler: 'standard',
  seed: 42,
  rollout: 'state',
  shrink: true,
  covariates: 'auto',
  ensemble: 3,
};

/** The tutorial's configuration (daily means, level, min-max, windows of 60, 50 epochs, no validation), and the defaults for what it does not set. */
export const TUTORIAL_FORECAST_SETTINGS: Readonly<ForecastSettings> = {
  ...DEFAULT_FORECAST_SETTINGS,
  recipe: 'tutorial',
  window: 60,
  test: 60,
  epochs: 50,
  validationSplit: 0,
  patience: 0,
  transform: 'level',
  scaler: 'minmax',
  shrink: false,
  covariates: { calendar: false, columns: [] },
  ensemble: 1,
};
