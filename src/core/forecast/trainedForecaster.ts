import type * as tf from '@tensorflow/tfjs';
import type { TimeFormat } from '../csv/timeFormats';
import type { CovariateLayout } from './covariates';
import type { ModelSpec } from './forecasters';
import type { ResampleInterval } from './intervals';
import type { Aggregation } from './resample';
import type { Scaler } from './scaler';
import type { TargetTransform } from './transform';

/** Everything besides the network that turns a CSV into its inputs and its outputs back into values. */
export interface ForecasterMeta {
  spec: ModelSpec;
  /** Values per input window. */
  window: number;
  /** How far its forecasts are pulled toward the last value (see shrinkage.ts); absent: 1, none. */
  shrinkage?: number;
  /** The same for multi-step forecasts (see validationPaths.ts); absent: `shrinkage`. */
  pathShrinkage?: number;
  transform: TargetTransform;
  /** Fitted on the training part of the transformed series. */
  scaler: Scaler;
  /** The target column's name. */
  column: string;
  /** The time column's name and format, or null (rows in file order). */
  timeColumn: { name: string; format: TimeFormat } | null;
  resample: ResampleInterval;
  aggregation: Aggregation;
  /** What each step held beside the value (absent: nothing, windows of [W, 1]). */
  covariates?: CovariateLayout;
  /** Seed the model was built and trained with. */
  seed: number;
  /** The file and points it was trained on, and its last training epoch's loss. */
  trainedOn: { file: string; points: number; trainPoints: number };
  finalLoss?: number;
}

/** A forecasting model ready to use: [batch, window, 1 + covariates] scaled values -> [batch, 1]. */
export interface TrainedForecaster extends ForecasterMeta {
  model: tf.LayersModel;
  /** Frees the model's weights. */
  dispose: () => void;
}

/** A TrainedForecaster whose dispose() frees `fields.model`. */
export function trainedForecaster(fields: Omit<TrainedForecaster, 'dispose'>): TrainedForecaster {
  return { ...fields, dispose: () => fields.model.dispose() };
}
