/**
 * The settings of a forecast run that the panel's form shows and edits (recipe, models,
 * interval, transform, window, test, horizon, epochs, seeds, covariates): what `forecastStarted` carries so the
 * form is prefilled with the run shown, and what the panel's Run posts back — loosely typed
 * there (what the user typed), since the host checks it with validateForecastSettings, which
 * names the field that is wrong.
 */
import * as v from 'valibot';
import { covariatesText } from '../core/forecast/covariateChoice';
import { FORECAST_RECIPES, type ForecastSettings } from '../core/forecast/forecastSettings';
import { PRESET_NAMES } from '../core/forecast/forecasters';
import { RESAMPLE_CHOICES } from '../core/forecast/intervals';
import { TARGET_TRANSFORMS } from '../core/forecast/transform';
import { finite } from '../core/numberSchemas';

export const RunSettingsSchema = v.object({
  recipe: v.picklist(FORECAST_RECIPES),
  models: v.array(v.picklist(PRESET_NAMES)),
  resample: v.picklist(RESAMPLE_CHOICES),
  transform: v.picklist(['auto', ...TARGET_TRANSFORMS]),
  window: v.union([v.literal('auto'), finite]),
  test: v.union([v.literal('auto'), finite]),
  horizon: finite,
  epochs: finite,
  /** As covariateChoice.ts writes it: "auto", "none", "calendar, Volume"; absent in settings from before. */
  covariates: v.optional(v.pipe(v.string(), v.maxLength(2000))),
  /** Seeds per model (absent in runs from before). */
  ensemble: v.optional(finite),
});
export type RunSettings = v.InferOutput<typeof RunSettingsSchema>;

/** How the panel's form names each setting (also in the host's message refusing a value). */
export const RUN_SETTING_LABELS: Readonly<Record<keyof RunSettings, string>> = {
  recipe: 'Recipe',
  models: 'Models',
  resample: 'Interval',
  transform: 'Transform',
  window: 'Window',
  test: 'Held out',
  horizon: 'Horizon',
  epochs: 'Epochs',
  covariates: 'Covariates',
  ensemble: 'Seeds',
};

/** The form's part of validated settings. */
export function runSettingsOf(s: ForecastSettings): RunSettings {
  return {
    recipe: s.recipe,
    models: [...s.models],
    resample: s.resample,
    transform: s.transform,
    window: s.window,
    test: s.test,
    horizon: s.horizon,
    epochs: s.epochs,
    ensemble: s.ensemble,
    covariates: covariatesText(s.covariates),
  };
}

const loose = v.optional(v.union([v.string(), v.number()]));

/** What Run posts: the form's values as typed (numbers as text), each checked by the host. */
export const RunRequestSchema = v.object({
  recipe: loose,
  models: v.optional(v.pipe(v.array(v.string()), v.maxLength(8))),
  resample: loose,
  transform: loose,
  window: loose,
  test: loose,
  horizon: loose,
  epochs: loose,
  covariates: v.optional(v.pipe(v.string(), v.maxLength(2000))),
  ensemble: loose,
});
export type RunRequest = v.InferOutput<typeof RunRequestSchema>;
