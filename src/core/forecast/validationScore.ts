/**
 * How a trained net forecasts the validation part (the last training windows, which it did
 * not fit): one step ahead and along the validation paths (see validationPaths.ts), each
 * shrunk toward the last value as the job would (see shrinkage.ts), and the score that
 * compares them with the last value's errors. The one measure the data shape's probes and the
 * seed ensemble's choice are made on.
 */
import type { ForecastData } from './forecastData';
import type { ForecastNet, RolloutMode } from './forecastNet';
import { validationLevels } from './predictions';
import { fitAlpha, fitShrinkage, shrink, shrinkPath } from './shrinkage';
import { pathErrors, validationPaths } from './validationPaths';

/** Forecasts of the validation part and the truth, in the series' units. */
export interface ValidationForecasts {
  /** One-step: the true previous levels, the (shrunk) predictions, the true levels. [validation] */
  previous: readonly number[];
  predicted: readonly number[];
  actual: readonly number[];
  /** Multi-step paths: each path's start (the true level before it), the (shrunk) paths, the true levels. [origins], [origins][steps] */
  start: readonly number[];
  paths: readonly (readonly number[])[];
  pathActual: readonly (readonly number[])[];
  /** Consecutive paths per independent block (see ValidationPaths). */
  block: number;
}

/** How forecasts did on the validation part: their MAEs and the last value's, and the score they give (lower is better; NaN without a validation part). */
export interface ValidationScore {
  oneStep: number;
  /** The last value's one-step MAE. */
  persistence: number;
  multiStep: number;
  /** The last value repeated along the paths: its MAE. */
  naive: number;
  /** Mean of log(oneStep / persistence) and log(multiStep / naive); the one-step term alone without paths. */
  score: number;
}

export const UNSCORED: ValidationScore = { oneStep: NaN, persistence: NaN, multiStep: NaN, naive: NaN, score: NaN };

/**
 * The shrinkage of `net` toward the last value, one step and multi-step (1: none, unless
 * `shrink`), and its forecasts of the last `validation` points so shrunk. The paths keep
 * their changes only when the model clearly beats the last value one step ahead: a
 * validation part holds hundreds of one-step errors but only a few independent stretches of
 * the horizon, so a model that has learned no more than a random walk would (its drift, a
 * mean it reverts to) can look skilled over one stretch's paths by luck.
 */
export function validationForecasts(
  net: ForecastNet,
  data: ForecastData,
  validation: number,
  settings: { horizon: number; rollout: RolloutMode; shrink: boolean },
): { shrinkage: { oneStep: number; path: number }; forecasts: ValidationForecasts } {
  const { previous, predicted, actual } = validationLevels(net, data, validation);
  const paths = validationPaths(net, data, validation, settings.horizon, settings.rollout);
  const oneStep = settings.shrink ? fitShrinkage(previous, predicted, actual).alpha : 1;
  const shrinkage = { oneStep, path: !settings.shrink ? 1 : oneStep > 0 ? fitAlpha((alpha) => pathErrors(paths, alpha), paths.block).alpha : 0 };
  return {
    shrinkage,
    forecasts: {
      previous,
      predicted: predicted.map((p, i) => shrink(previous[i], p, shrinkage.oneStep)),
      actual,
      start: paths.start,
      paths: paths.predicted.map((p, k) => shrinkPath(paths.start[k], p, shrinkage.path)),
      pathActual: paths.actual,
      block: paths.block,
    },
  };
}

const mae = (actual: readonly number[], predicted: readonly number[]) => actual.reduce((sum, a, i) => sum + Math.abs(a - predicted[i]), 0) / actual.length;
const mean = (xs: number[]) => xs.reduce((sum, x) => sum + x, 0) / xs.length;

/** The validation paths' residuals, actual − forecast: [origins][steps]. */
export function pathResiduals(v: ValidationForecasts): number[][] {
  return v.pathActual.map((actual, k) => actual.map((value, step) => value - v.paths[k][step]));
}

/** The validation score of `v` (see ValidationScore). */
export function validationScore(v: ValidationForecasts): ValidationScore {
  if (v.actual.length === 0) return UNSCORED;
  const oneStep = mae(v.actual, v.predicted);
  const persistence = mae(v.actual, v.previous);
  const oneStepTerm = Math.log(oneStep / persistence);
  if (v.paths.length === 0) return { oneStep, persistence, multiStep: NaN, naive: NaN, score: oneStepTerm };
  const multiStep = mean(v.paths.map((path, k) => mae(v.pathActual[k], path)));
  const naive = mean(v.pathActual.map((actual, k) => mae(actual, actual.map(() => v.start[k]))));
  return { oneStep, persistence, multiStep, naive, score: (oneStepTerm + Math.log(multiStep / naive)) / 2 };
}
